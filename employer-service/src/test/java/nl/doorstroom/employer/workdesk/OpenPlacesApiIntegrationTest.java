package nl.doorstroom.employer.workdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.jayway.jsonpath.JsonPath;

import nl.doorstroom.platform.test.ApiConventions;
import nl.doorstroom.platform.test.DemoPrivacyKeys;
import nl.doorstroom.platform.test.TestTokens;

/**
 * The work desk's open places over real HTTP. Groningen (AM01) and Friesland (AM02) are this test's own regions: no
 * other test of the module posts there, so the counts are exact.
 */
@DemoPrivacyKeys
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class OpenPlacesApiIntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String GRONINGEN = "/api/v1/labour-market-regions/AM01/open-places";

    @LocalServerPort
    int port;

    @BeforeEach
    void ready() {
        await("ready, Streams included").atMost(Duration.ofSeconds(60)).until(() ->
                ApiConventions.get(port, "/actuator/health/readiness", "application/json", null, null).statusCode() == 200);
    }

    @Test
    void theWorkDeskCountsTheOpenPlacesOfItsOwnRegionOnly() throws Exception {
        String employer = TestTokens.employer("61234567");
        String workDesk = TestTokens.workDesk("AM01");
        post(employer, "GM0014", "7411", 2, null);
        post(employer, "GM0014", "7412", 1, null);
        post(employer, "GM0106", "5120", 4, null);
        String closed = post(employer, "GM0014", "7411", 9, null);
        assertThat(send("POST", "/api/v1/placements/" + closed + "/closure", employer, "{\"version\":1,\"reason\":\"FILLED\"}")
                .statusCode()).as("a closed placement has no open places").isEqualTo(200);
        post(employer, "GM0080", "7411", 5, "AM01");
        post(employer, "GM0080", "7411", 7, null);

        HttpResponse<String> answer = send("GET", GRONINGEN, workDesk, null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        ApiConventions.assertNlApiHeaders(answer);
        String body = answer.body();
        assertThat((String) JsonPath.read(body, "$.regionName")).isEqualTo("Groningen");
        assertThat((Integer) JsonPath.read(body, "$.placements")).isEqualTo(3);
        assertThat((Integer) JsonPath.read(body, "$.places")).isEqualTo(7);
        assertThat(JsonPath.<List<String>>read(body, "$.occupationGroups[*].code")).containsExactly("5", "7");
        assertThat(JsonPath.<List<Map<String, Object>>>read(body, "$.occupationGroups[?(@.code == '7')].subMajorGroups[*]"))
                .singleElement().satisfies(group -> assertThat(group).containsEntry("code", "74")
                        .containsEntry("placements", 2).containsEntry("places", 3));
        assertThat(JsonPath.<List<Integer>>read(body, "$.municipalities[?(@.municipalityCode == 'GM0014')].places"))
                .containsExactly(3);
        assertThat(JsonPath.<List<Integer>>read(body, "$.municipalities[?(@.municipalityCode == 'GM0106')].places"))
                .containsExactly(4);
        assertThat(JsonPath.<List<Integer>>read(body, "$.municipalities[?(@.municipalityCode == 'GM1680')].places"))
                .as("a municipality of the region without placements").containsExactly(0);
        assertThat(JsonPath.<List<String>>read(body, "$.municipalities[*].municipalityName")).hasSize(14);
        assertThat((Integer) JsonPath.read(body, "$.openedFromOtherRegions.places")).as("Leeuwarden's, opened to AM01")
                .isEqualTo(5);
        assertThat(body).doesNotContain("employerName", "Kwekerij", "title");

        assertThat(send("GET", GRONINGEN, TestTokens.workDesk("AM02"), null).statusCode()).as("another region").isEqualTo(404);
        assertThat(send("GET", GRONINGEN, TestTokens.analyst("AM01"), null).statusCode()).isEqualTo(403);
        assertThat(send("GET", GRONINGEN, TestTokens.caseWorker("GM0014"), null).statusCode()).isEqualTo(403);
        assertThat(send("GET", GRONINGEN, employer, null).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/v1/labour-market-regions/XX01/open-places", workDesk, null).statusCode()).isEqualTo(400);
        assertThat(send("GET", GRONINGEN, TestTokens.workDesk("NL"), null).statusCode())
                .as("a work desk serves one region, never the country").isEqualTo(401);
    }

    /** Posts a placement, opened to one other region or none; its id. */
    private String post(String token, String municipality, String iscoCode, int places, String openedTo) throws Exception {
        HttpResponse<String> posted = send("POST", "/api/v1/placements", token, """
                {"employerName":"Kwekerij Noord","kind":"PAID_JOB","title":"Medewerker","iscoCode":"%s","hoursPerWeek":32,
                 "startDate":"%s","places":%d,"municipalityCode":"%s","neighbouringRegionCodes":[%s]}""".formatted(iscoCode,
                LocalDate.now().plusWeeks(2), places, municipality, openedTo == null ? "" : "\"" + openedTo + "\""));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        return JsonPath.read(posted.body(), "$.id");
    }

    private HttpResponse<String> send(String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json").header("Authorization", "Bearer " + token)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
