package nl.doorstroom.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.jayway.jsonpath.JsonPath;

import nl.doorstroom.platform.test.ApiConventions;
import nl.doorstroom.platform.test.TestTokens;

/** The running service over real HTTP, against the test JVM's broker and registry. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AnalyticsServiceIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void startPageIsDutchAndAccessible() throws Exception {
        HttpResponse<String> page = get("/", "text/html", null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        String html = page.body();
        assertThat(html).contains("<html lang=\"nl\"");
        ApiConventions.assertOneHeadingAndLandmarks(html);
        assertThat(html).contains("Indicatoren en analyse",
                "gepseudonimiseerd", "Kleine aantallen worden onderdrukt");

        HttpResponse<String> english = get("/", "text/html", "en");
        assertThat(english.body()).contains("<html lang=\"en\"", "Indicators and analysis", "Small cells are suppressed");
    }

    @Test
    void listsTodaysMunicipalities() throws Exception {
        HttpResponse<String> response = get("/api/v1/municipalities", "application/json", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        ApiConventions.assertNlApiHeaders(response);
        String body = response.body();
        List<String> codes = JsonPath.read(body, "$[*].code");
        assertThat(codes).hasSize(342).doesNotHaveDuplicates().isSorted().allMatch(code -> code.matches("GM\\d{4}"));
        List<String> regions = JsonPath.read(body, "$[*].regionCode");
        assertThat(regions.stream().distinct()).hasSize(35);
        List<Map<String, Object>> amsterdam = JsonPath.read(body, "$[?(@.code == 'GM0363')]");
        assertThat(amsterdam).containsExactly(Map.of("code", "GM0363", "name", "Amsterdam", "regionCode", "AM18",
                "regionName", "Groot Amsterdam", "province", "Noord-Holland"));
        List<String> names = JsonPath.read(body, "$[*].name");
        assertThat(names).contains("Nuenen, Gerwen en Nederwetten").doesNotContain("Weesp");
    }

    @Test
    void filtersByRegion() throws Exception {
        HttpResponse<String> response = get("/api/v1/municipalities?regionCode=AM18", "application/json", null);

        assertThat(response.statusCode()).isEqualTo(200);
        ApiConventions.assertNlApiHeaders(response);
        List<String> codes = JsonPath.read(response.body(), "$[*].code");
        assertThat(codes).containsExactly("GM0358", "GM0362", "GM0363", "GM0384", "GM0394", "GM0437", "GM0451", "GM0736");
        List<String> regions = JsonPath.read(response.body(), "$[*].regionName");
        assertThat(regions).containsOnly("Groot Amsterdam");

        HttpResponse<String> unknown = get("/api/v1/municipalities?regionCode=AM99", "application/json", null);
        assertThat(unknown.statusCode()).isEqualTo(200);
        assertThat(unknown.body()).isEqualTo("[]");
    }

    @Test
    void malformedRegionFilterIsBadRequestProblem() throws Exception {
        for (String malformed : List.of("AM1", "am18", "AM180", "Groot%20Amsterdam")) {
            HttpResponse<String> response = get("/api/v1/municipalities?regionCode=" + malformed, "application/json", null);

            assertThat(response.statusCode()).as(malformed).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            ApiConventions.assertNlApiHeaders(response);
            assertThat((String) JsonPath.read(response.body(), "$.title")).isEqualTo("Ongeldige invoer");
            assertThat((String) JsonPath.read(response.body(), "$.invalidParams[0].name")).isEqualTo("regionCode");
            assertThat((String) JsonPath.read(response.body(), "$.invalidParams[0].code")).isEqualTo("pattern");
        }
    }

    @Test
    void trailingSlashIsNotFound() throws Exception {
        assertThat(get("/api/v1/municipalities/", "application/json", null).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/municipalities/?regionCode=AM18", "application/json", null).statusCode()).isEqualTo(404);
    }

    @Test
    void servesOpenApiDocument() throws Exception {
        HttpResponse<String> response = get("/api/v1/openapi.json", "application/json", null);

        assertThat(response.statusCode()).isEqualTo(200);
        ApiConventions.assertNlApiHeaders(response);
        String body = response.body();
        ApiConventions.assertOpenApiConventions(body);
        Map<String, Object> paths = JsonPath.read(body, "$.paths");
        assertThat(paths).containsKey("/municipalities");
        List<String> parameters = JsonPath.read(body, "$.paths['/municipalities'].get.parameters[*].name");
        assertThat(parameters).containsExactly("regionCode");
        assertThat((Map<String, Object>) JsonPath.read(body, "$.paths['/municipalities'].get.responses['400'].content"))
                .containsKey("application/problem+json");
    }

    @Test
    void isReady() throws Exception {
        HttpResponse<String> response = get("/actuator/health/readiness", "application/json", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat((String) JsonPath.read(response.body(), "$.status")).isEqualTo("UP");
    }

    /** API calls come from a signed-in analytics user; pages and health need no token. */
    private HttpResponse<String> get(String path, String accept, String language) {
        return ApiConventions.get(port, path, accept, language, path.startsWith("/api/") ? TestTokens.analyst("AM13") : null);
    }
}
