package nl.doorstroom.employer.placement;

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
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.jayway.jsonpath.JsonPath;

import nl.doorstroom.platform.test.ApiConventions;
import nl.doorstroom.platform.test.DemoPrivacyKeys;
import nl.doorstroom.platform.test.TestTokens;

/** Placements over real HTTP, against the test JVM's broker and registry: who sees what, and what is refused. */
@DemoPrivacyKeys
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PlacementApiIntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @BeforeEach
    void ready() {
        await("ready, Streams included").atMost(Duration.ofSeconds(60)).until(() ->
                ApiConventions.get(port, "/actuator/health/readiness", "application/json", null, null).statusCode() == 200);
    }

    private static String placement(String kvkSuffix, String municipality, String neighbours, int places, LocalDate start) {
        return """
                {"employerName":"Bakkerij De Korenaar %s","kind":"WORK_EXPERIENCE_PLACE","title":"Medewerker bakkerij",
                 "description":"Brood en banket maken in een klein team","iscoCode":"7512",
                 "requiredSkills":["hygiënecode"],"preferredSkills":["werken in ploegen"],"minimumEducation":null,
                 "minimumLanguageLevels":[{"skill":"LISTENING","level":"A2"},{"skill":"SPOKEN_INTERACTION","level":"A1"}],
                 "languageSupport":true,"hoursPerWeek":24,"schedule":"ma-wo-vr 6-14 uur","startDate":"%s","places":%d,
                 "municipalityCode":"%s","neighbouringRegionCodes":[%s]}""".formatted(kvkSuffix, start, places,
                municipality, neighbours);
    }

    @Test
    void aPlacementIsSeenByItsEmployerAndTheRegionsItIsOpenedToAndByNobodyElse() throws Exception {
        String employerA = TestTokens.employer(kvk());
        String employerB = TestTokens.employer(kvk());
        String nieuwegein = TestTokens.caseWorker("GM0356");
        String amersfoort = TestTokens.caseWorker("GM0307");
        String key = UUID.randomUUID().toString();
        LocalDate start = LocalDate.now().plusWeeks(3);

        HttpResponse<String> posted = send("POST", "/api/v1/placements", employerA, key,
                placement("A", "GM0344", "", 2, start), null);
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        ApiConventions.assertNlApiHeaders(posted);
        String id = JsonPath.read(posted.body(), "$.id");
        assertThat(posted.headers().firstValue("Location")).hasValue("/api/v1/placements/" + id);
        assertThat((String) JsonPath.read(posted.body(), "$.regionCode")).isEqualTo("AM13");
        assertThat((String) JsonPath.read(posted.body(), "$.municipalityName")).isEqualTo("Utrecht");
        assertThat((Integer) JsonPath.read(posted.body(), "$.version")).isEqualTo(1);
        assertThat((String) JsonPath.read(posted.body(), "$.status")).isEqualTo("OPEN");

        HttpResponse<String> again = send("POST", "/api/v1/placements", employerA, key, placement("A", "GM0344", "", 2, start), null);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
        assertThat((String) JsonPath.read(again.body(), "$.id")).as("the same Idempotency-Key finds the same placement").isEqualTo(id);
        assertThat((Integer) JsonPath.read(again.body(), "$.version")).isEqualTo(1);

        assertThat(send("GET", "/api/v1/placements/" + id, employerA, null, null, null).statusCode()).isEqualTo(200);
        assertThat(idsIn(send("GET", "/api/v1/placements", employerA, null, null, null))).containsExactly(id);
        // employer B never sees it, not even that it exists
        assertThat(send("GET", "/api/v1/placements/" + id, employerB, null, null, null).statusCode()).isEqualTo(404);
        assertThat(idsIn(send("GET", "/api/v1/placements", employerB, null, null, null))).doesNotContain(id);
        assertThat(send("PUT", "/api/v1/placements/" + id, employerB, null, versioned(placement("B", "GM0344", "", 1, start), 1), null)
                .statusCode()).isEqualTo(404);
        // a case worker in the same labour-market region (Midden-Utrecht) sees it; one in Amersfoort does not
        assertThat(idsIn(send("GET", "/api/v1/placements", nieuwegein, null, null, null))).contains(id);
        assertThat(send("GET", "/api/v1/placements/" + id, nieuwegein, null, null, null).statusCode()).isEqualTo(200);
        assertThat(idsIn(send("GET", "/api/v1/placements", amersfoort, null, null, null))).doesNotContain(id);
        assertThat(send("GET", "/api/v1/placements/" + id, amersfoort, null, null, null).statusCode()).isEqualTo(404);

        // opened to the neighbouring region Amersfoort (AM14): its case workers see it from now on
        HttpResponse<String> opened = send("PUT", "/api/v1/placements/" + id, employerA, null,
                versioned(placement("A", "GM0344", "\"AM14\"", 2, start), 1), null);
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);
        assertThat((List<String>) JsonPath.read(opened.body(), "$.neighbouringRegionCodes")).containsExactly("AM14");
        assertThat(idsIn(send("GET", "/api/v1/placements", amersfoort, null, null, null))).contains(id);

        HttpResponse<String> stale = send("PUT", "/api/v1/placements/" + id, employerA, null,
                versioned(placement("A", "GM0344", "", 2, start), 1), null);
        assertThat(stale.statusCode()).as("based on version 1, which is not current").isEqualTo(409);

        HttpResponse<String> closed = send("POST", "/api/v1/placements/" + id + "/closure", employerA, null,
                "{\"version\":2,\"reason\":\"FILLED\"}", null);
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        assertThat((String) JsonPath.read(closed.body(), "$.status")).isEqualTo("CLOSED");
        assertThat(idsIn(send("GET", "/api/v1/placements", nieuwegein, null, null, null))).doesNotContain(id);
        assertThat(idsIn(send("GET", "/api/v1/placements", amersfoort, null, null, null))).doesNotContain(id);
        assertThat(idsIn(send("GET", "/api/v1/placements?open=false", employerA, null, null, null))).containsExactly(id);
        assertThat(send("PUT", "/api/v1/placements/" + id, employerA, null, versioned(placement("A", "GM0344", "", 2, start), 3), null)
                .statusCode()).as("a closed placement cannot change").isEqualTo(409);
        // other roles have no business with placements
        assertThat(send("GET", "/api/v1/placements", TestTokens.azcStaff("AZC-BUDEL"), null, null, null).statusCode()).isEqualTo(403);
    }

    @Test
    void badInputIsRefusedFieldByFieldInTheUsersLanguageAndNothingIsPosted() throws Exception {
        String employer = TestTokens.employer(kvk());
        String bad = placement("C", "GM0344", "\"AM13\",\"AM99\"", 0, LocalDate.now().minusDays(1))
                .replace("\"7512\"", "\"9999\"");

        HttpResponse<String> dutch = send("POST", "/api/v1/placements", employer, null, bad, "nl");
        assertThat(dutch.statusCode()).as(dutch.body()).isEqualTo(400);
        assertThat(dutch.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(invalidParams(dutch)).containsOnlyKeys("places");

        HttpResponse<String> rules = send("POST", "/api/v1/placements", employer, null, bad.replace("\"places\":0", "\"places\":1"), "nl");
        assertThat(rules.statusCode()).as(rules.body()).isEqualTo(400);
        Map<String, String> reasons = invalidParams(rules);
        assertThat(reasons).containsOnlyKeys("iscoCode", "startDate", "neighbouringRegionCodes[0]", "neighbouringRegionCodes[1]");
        assertThat(reasons.get("startDate")).isEqualTo("de startdatum ligt in het verleden");
        assertThat(reasons.get("neighbouringRegionCodes[0]")).contains("eigen arbeidsmarktregio");

        HttpResponse<String> english = send("POST", "/api/v1/placements", employer, null, bad.replace("\"places\":0", "\"places\":1"), "en");
        assertThat(invalidParams(english).get("startDate")).isEqualTo("the start date is in the past");

        HttpResponse<String> notCefr = send("POST", "/api/v1/placements", employer, null,
                placement("C", "GM0344", "", 1, LocalDate.now().plusDays(1)).replace("\"A2\"", "\"D1\""), "en");
        assertThat(notCefr.statusCode()).isEqualTo(400);
        assertThat(notCefr.body()).contains("minimumLanguageLevels");

        assertThat(idsIn(send("GET", "/api/v1/placements", employer, null, null, null))).as("nothing posted").isEmpty();
    }

    private static String versioned(String placement, int version) {
        return placement.replaceFirst("\\{", "{\"version\":" + version + ",");
    }

    private static List<String> idsIn(HttpResponse<String> list) {
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        return JsonPath.read(list.body(), "$.placements[*].id");
    }

    private static Map<String, String> invalidParams(HttpResponse<String> problem) {
        List<Map<String, String>> params = JsonPath.read(problem.body(), "$.invalidParams");
        return params.stream().collect(java.util.stream.Collectors.toMap(p -> p.get("name"), p -> p.get("reason")));
    }

    private static String kvk() {
        return String.format("%08d", (long) (Math.random() * 100_000_000L));
    }

    private HttpResponse<String> send(String method, String path, String token, String idempotencyKey, String body,
                                      String language) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json").header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
