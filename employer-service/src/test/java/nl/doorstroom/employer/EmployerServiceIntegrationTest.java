package nl.doorstroom.employer;

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
import nl.doorstroom.platform.test.DemoPrivacyKeys;
import nl.doorstroom.platform.test.TestTokens;

/** The running service over real HTTP, against the test JVM's broker and registry. */
@DemoPrivacyKeys
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class EmployerServiceIntegrationTest {

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
        assertThat(html).contains("Werkgevers en matching",
                "arbeidsmarktregio", "toestemming");

        HttpResponse<String> english = get("/", "text/html", "en");
        assertThat(english.body()).contains("<html lang=\"en\"", "Employers and matching", "consented");
    }

    @Test
    void listsAllLabourMarketRegionsWithTheirMunicipalities() throws Exception {
        HttpResponse<String> response = get("/api/v1/labour-market-regions", "application/json", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        ApiConventions.assertNlApiHeaders(response);
        String body = response.body();
        List<String> codes = JsonPath.read(body, "$[*].code");
        assertThat(codes).hasSize(35).isSorted().allMatch(code -> code.matches("AM\\d{2}"));
        List<Integer> sizes = JsonPath.read(body, "$[*].municipalities.length()");
        assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(342);
        List<Map<String, Object>> amsterdam = JsonPath.read(body, "$[?(@.code == 'AM18')].municipalities[?(@.code == 'GM0363')]");
        assertThat(amsterdam).containsExactly(Map.of("code", "GM0363", "name", "Amsterdam"));
    }

    @Test
    void getsOneRegion() throws Exception {
        HttpResponse<String> response = get("/api/v1/labour-market-regions/AM18", "application/json", null);

        assertThat(response.statusCode()).isEqualTo(200);
        ApiConventions.assertNlApiHeaders(response);
        assertThat((String) JsonPath.read(response.body(), "$.code")).isEqualTo("AM18");
        assertThat((String) JsonPath.read(response.body(), "$.name")).isEqualTo("Groot Amsterdam");
        List<String> names = JsonPath.read(response.body(), "$.municipalities[*].name");
        assertThat(names).contains("Amsterdam", "Amstelveen", "Haarlemmermeer").doesNotContain("Weesp");
        // only lowerCamelCase members, nothing more than the contract
        Map<String, Object> region = JsonPath.read(response.body(), "$");
        assertThat(region).containsOnlyKeys("code", "name", "municipalities");
    }

    @Test
    void unknownRegionIsNotFoundProblem() throws Exception {
        HttpResponse<String> response = get("/api/v1/labour-market-regions/AM99", "application/json", null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        ApiConventions.assertNlApiHeaders(response);
        assertThat((Integer) JsonPath.read(response.body(), "$.status")).isEqualTo(404);
        assertThat((String) JsonPath.read(response.body(), "$.title")).isEqualTo("Niet gevonden");
    }

    @Test
    void malformedRegionCodeIsBadRequestProblem() throws Exception {
        for (String malformed : List.of("AM1", "am18", "AM180", "GM0363")) {
            HttpResponse<String> response = get("/api/v1/labour-market-regions/" + malformed, "application/json", "en");

            assertThat(response.statusCode()).as(malformed).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            ApiConventions.assertNlApiHeaders(response);
            assertThat((String) JsonPath.read(response.body(), "$.title")).isEqualTo("Invalid input");
            assertThat((String) JsonPath.read(response.body(), "$.invalidParams[0].name")).isEqualTo("regionCode");
            assertThat((String) JsonPath.read(response.body(), "$.invalidParams[0].code")).isEqualTo("pattern");
        }
    }

    @Test
    void trailingSlashIsNotFound() throws Exception {
        assertThat(get("/api/v1/labour-market-regions/", "application/json", null).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/labour-market-regions/AM18/", "application/json", null).statusCode()).isEqualTo(404);
    }

    @Test
    void servesOpenApiDocument() throws Exception {
        HttpResponse<String> response = get("/api/v1/openapi.json", "application/json", null);

        assertThat(response.statusCode()).isEqualTo(200);
        ApiConventions.assertNlApiHeaders(response);
        String body = response.body();
        ApiConventions.assertOpenApiConventions(body);
        Map<String, Object> paths = JsonPath.read(body, "$.paths");
        assertThat(paths).containsKeys("/labour-market-regions", "/labour-market-regions/{regionCode}");
        assertThat((Map<String, Object>) JsonPath.read(body, "$.paths['/labour-market-regions/{regionCode}'].get.responses['404'].content"))
                .containsKey("application/problem+json");
    }

    @Test
    void isReady() throws Exception {
        HttpResponse<String> response = get("/actuator/health/readiness", "application/json", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat((String) JsonPath.read(response.body(), "$.status")).isEqualTo("UP");
    }

    /** API calls come from a signed-in employer user; pages and health need no token. */
    private HttpResponse<String> get(String path, String accept, String language) {
        return ApiConventions.get(port, path, accept, language, path.startsWith("/api/") ? TestTokens.employer("12345678") : null);
    }
}
