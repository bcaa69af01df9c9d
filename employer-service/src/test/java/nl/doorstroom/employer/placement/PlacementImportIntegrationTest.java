package nl.doorstroom.employer.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import com.jayway.jsonpath.JsonPath;

import nl.doorstroom.platform.test.ApiConventions;
import nl.doorstroom.platform.test.DemoPrivacyKeys;
import nl.doorstroom.platform.test.TestTokens;
import nl.doorstroom.platform.test.TopicContents;
import nl.doorstroom.schemas.Topics;
import nl.doorstroom.schemas.WritePathTopics;

/**
 * Placements imported from CSV over real HTTP, against the test JVM's broker and registry: all rows or none, a problem
 * per row in the user's language, and a repeat with the same Idempotency-Key that completes an import without copies.
 * Every test has an employer (KvK number) of its own; the broker is shared, so what is published is looked up by the
 * placement ids the import derives for that employer.
 */
@DemoPrivacyKeys
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PlacementImportIntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String IMPORTS = "/api/v1/placements/imports";
    private static final String HEADER = "employerName;kind;title;iscoCode;requiredSkills;minimumListening;"
            + "minimumSpokenInteraction;languageSupport;hoursPerWeek;startDate;places;municipalityCode;neighbouringRegionCodes";

    @LocalServerPort
    int port;

    @Autowired
    PlacementImports imports;

    @Autowired
    JwtDecoder jwtDecoder;

    @BeforeEach
    void ready() {
        await("ready, Streams included").atMost(Duration.ofSeconds(60)).until(() ->
                ApiConventions.get(port, "/actuator/health/readiness", "application/json", null, null).statusCode() == 200);
    }

    /** Three placements of a bakery in Utrecht, as a Dutch spreadsheet saves them (dates day first). */
    private static String threePlacements(LocalDate start) {
        String dayFirst = start.getDayOfMonth() + "-" + start.getMonthValue() + "-" + start.getYear();
        return String.join("\r\n", HEADER,
                "Bakkerij De Korenaar;WORK_EXPERIENCE_PLACE;Medewerker bakkerij;7512;hygiënecode|deeg kneden;A2;A1;ja;24;"
                        + dayFirst + ";2;GM0344;",
                "Bakkerij De Korenaar;PAID_JOB;\"Chauffeur; bezorging\";8322;rijbewijs B;A2;;nee;32;" + start + ";1;GM0344;AM14",
                "Bakkerij De Korenaar;INTERNSHIP;Stagiair winkel;5223;;;;;16;" + start + ";3;GM0356;") + "\r\n";
    }

    @Test
    void threeValidRowsBecomeThreePlacementsAndARepeatFindsTheSameThree() throws Exception {
        String kvk = kvk();
        String employer = TestTokens.employer(kvk);
        String key = UUID.randomUUID().toString();
        String file = threePlacements(LocalDate.now().plusWeeks(3));

        HttpResponse<String> imported = imported(employer, key, file);

        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        ApiConventions.assertNlApiHeaders(imported);
        assertThat((List<Integer>) JsonPath.read(imported.body(), "$.placements[*].row")).containsExactly(2, 3, 4);
        List<String> ids = JsonPath.read(imported.body(), "$.placements[*].id");
        assertThat(ids).containsExactly(IntStream.of(2, 3, 4).mapToObj(row -> PlacementImports.placementId(kvk, key, row))
                .toArray(String[]::new));
        assertThat((List<String>) JsonPath.read(imported.body(), "$.placements[*].location"))
                .containsExactlyElementsOf(ids.stream().map(id -> "/api/v1/placements/" + id).toList());
        assertThat(idsOf(employer)).containsExactlyInAnyOrderElementsOf(ids);
        HttpResponse<String> driver = send("GET", "/api/v1/placements/" + ids.get(1), employer, null, null, null, null);
        assertThat((String) JsonPath.read(driver.body(), "$.title")).isEqualTo("Chauffeur; bezorging");
        assertThat((List<String>) JsonPath.read(driver.body(), "$.neighbouringRegionCodes")).containsExactly("AM14");
        HttpResponse<String> bakery = send("GET", "/api/v1/placements/" + ids.getFirst(), employer, null, null, null, null);
        assertThat((List<String>) JsonPath.read(bakery.body(), "$.requiredSkills")).containsExactly("hygiënecode", "deeg kneden");
        assertThat((List<String>) JsonPath.read(bakery.body(), "$.minimumLanguageLevels[*].level")).containsExactly("A2", "A1");
        assertThat((Boolean) JsonPath.read(bakery.body(), "$.languageSupport")).isTrue();

        HttpResponse<String> again = importCsv(employer, key, file, null);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
        assertThat(again.body()).as("the same key and file answer the same placements").isEqualTo(imported.body());

        HttpResponse<String> otherFile = importCsv(employer, key, file.replace(";24;", ";20;"), "en");
        assertThat(otherFile.statusCode()).as(otherFile.body()).isEqualTo(422);
        assertThat((String) JsonPath.read(otherFile.body(), "$.title")).isEqualTo("Idempotency-Key already used");

        assertThat(idsOf(employer)).containsExactlyInAnyOrderElementsOf(ids);
        ids.forEach(id -> assertThat(eventsOf(id)).as("one posting of %s, never a copy", id).isEqualTo(1));
    }

    @Test
    void aFileWithABadRowIsRefusedRowByRowInTheUsersLanguageAndNothingIsPublished() throws Exception {
        String kvk = kvk();
        String employer = TestTokens.employer(kvk);
        String key = UUID.randomUUID().toString();
        LocalDate start = LocalDate.now().plusWeeks(3);
        String file = threePlacements(start).replace(start + ";1;GM0344", LocalDate.now().minusDays(1) + ";1;GM0344");

        HttpResponse<String> dutch = importCsv(employer, key, file, null);
        assertThat(dutch.statusCode()).as(dutch.body()).isEqualTo(400);
        assertThat(dutch.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(invalidParams(dutch)).containsExactly(Map.entry("rows[3].startDate", "de startdatum ligt in het verleden"));
        HttpResponse<String> english = importCsv(employer, key, file, "en");
        assertThat(invalidParams(english)).containsExactly(Map.entry("rows[3].startDate", "the start date is in the past"));

        // every kind of mistake, each named by its row and column; a blank row still counts
        String mistakes = String.join("\n", HEADER,
                "Bakkerij;PAID_JOB;Bakker;9999;;;;;24;" + start + ";1;GM0344;",
                "Bakkerij;PAID_JOB;Bakker;7512;;;;;24;" + start + ";0;GM0344;",
                "",
                "Bakkerij;PAID_JOB;Bakker;7512;;D1;;;24;" + start + ";1;GM0344;",
                "Bakkerij;PAID_JOB;Bakker;7512;;;;;24;" + start + ";1",
                "Bakkerij;PAID_JOB;Bakker;7512;;;;;24;31-02-2027;1;GM0344;",
                ";PAID_JOB;;7512;;;;;24;" + start + ";1;GM0344;AM13");
        Map<String, String> reasons = invalidParams(importCsv(employer, key, mistakes, null));
        assertThat(reasons).containsOnlyKeys("rows[2].iscoCode", "rows[3].places", "rows[5].minimumListening",
                "rows[6]", "rows[7].startDate", "rows[8].title");
        assertThat(reasons.get("rows[2].iscoCode")).isEqualTo("is geen bestaande ISCO-08-beroepsgroep (vier cijfers)");
        assertThat(reasons.get("rows[5].minimumListening")).isEqualTo("kies een ERK-niveau van A1 tot en met C2");
        assertThat(reasons.get("rows[6]")).isEqualTo("deze rij heeft een ander aantal kolommen dan de kopregel");
        assertThat(reasons.get("rows[7].startDate")).startsWith("vul een bestaande datum in");

        assertThat(invalidParams(importCsv(employer, key, "", "en")))
                .containsExactly(Map.entry("rows", "the file holds no placements: give a header row with the column names and at least one row below it"));
        assertThat(invalidParams(importCsv(employer, null, file, "en"))).containsOnlyKeys("Idempotency-Key");

        assertThat(idsOf(employer)).as("nothing posted").isEmpty();
        WritePathTopics writes = new WritePathTopics(Topics.EMPLOYER_PLACEMENT_EVENTS);
        for (int row = 2; row <= 8; row++) {
            String id = PlacementImports.placementId(kvk, key, row);
            assertThat(eventsOf(id)).as("nothing published for row %d", row).isZero();
            assertThat(TopicContents.recordsWithKey(brokers(), writes.proposals().name(), id)).as("nothing proposed").isEmpty();
        }

        // a refused file did not use the key up: the corrected file with the same key is imported
        HttpResponse<String> corrected = imported(employer, key, threePlacements(start));
        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(201);
        assertThat(idsOf(employer)).hasSize(3);
    }

    /**
     * An import whose first row was posted before the broker went away (the request answered 503) is completed by
     * sending it again with the same key: the first row is found, the others are posted, and no row is there twice.
     */
    @Test
    void anImportInterruptedHalfWayIsCompletedByTheSameRequestWithoutCopies() throws Exception {
        String kvk = kvk();
        String employer = TestTokens.employer(kvk);
        String key = UUID.randomUUID().toString();
        byte[] file = threePlacements(LocalDate.now().plusWeeks(3)).getBytes(StandardCharsets.UTF_8);
        String firstRow = asEmployer(employer, () -> {
            PlacementImports.CheckedImport checked = imports.check(file, key);
            return imports.post(checked, checked.rows().getFirst()).placement().id();
        });
        assertThat(idsOf(employer)).containsExactly(firstRow);

        HttpResponse<String> completed = imported(employer, key, new String(file, StandardCharsets.UTF_8));

        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(201);
        List<String> ids = JsonPath.read(completed.body(), "$.placements[*].id");
        assertThat(ids).hasSize(3).startsWith(firstRow);
        assertThat(idsOf(employer)).containsExactlyInAnyOrderElementsOf(ids);
        ids.forEach(id -> assertThat(eventsOf(id)).as("one posting of %s, never a copy", id).isEqualTo(1));
    }

    @Test
    void aLargeFileIsReadUpToItsLimits() throws Exception {
        String employer = TestTokens.employer(kvk());
        String row = "\nBakkerij De Korenaar;PAID_JOB;Medewerker bakkerij;7512;;;;;24;" + LocalDate.now().plusWeeks(3)
                + ";1;GM0344;";
        String tooManyRows = HEADER + row.repeat(PlacementCsv.MAX_ROWS + 1);
        assertThat(tooManyRows.length()).as("beyond the 64 KB of any other request").isGreaterThan(65_536);

        HttpResponse<String> tooMany = importCsv(employer, UUID.randomUUID().toString(), tooManyRows, "en");
        assertThat(tooMany.statusCode()).as(tooMany.body()).isEqualTo(400);
        assertThat(invalidParams(tooMany)).containsOnlyKeys("rows");

        HttpResponse<String> tooLarge = importCsv(employer, UUID.randomUUID().toString(), HEADER + row.repeat(40_000), "en");
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(idsOf(employer)).isEmpty();
    }

    @Test
    void theImportIsDocumentedInTheOpenApiDocument() throws Exception {
        String openApi = ApiConventions.get(port, "/api/v1/openapi.json", "application/json", null, null).body();

        Map<String, Object> post = JsonPath.read(openApi, "$.paths['/placements/imports'].post");
        assertThat((Map<String, Object>) JsonPath.read(post, "$.requestBody.content")).containsOnlyKeys("text/csv");
        assertThat((Map<String, Object>) JsonPath.read(post, "$.responses")).containsKeys("201", "400", "413", "422");
        assertThat((String) JsonPath.read(post, "$.description")).contains("rows[3].startDate", "Idempotency-Key");
    }

    private <T> T asEmployer(String token, java.util.concurrent.Callable<T> call) throws Exception {
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwtDecoder.decode(token), List.of()));
        try {
            return call.call();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static long eventsOf(String placementId) {
        return TopicContents.recordsWithKey(brokers(), Topics.EMPLOYER_PLACEMENT_EVENTS.name(), placementId).size();
    }

    private static String brokers() {
        return System.getProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS);
    }

    private List<String> idsOf(String employer) throws Exception {
        HttpResponse<String> list = send("GET", "/api/v1/placements?pageSize=100", employer, null, null, null, null);
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        return JsonPath.read(list.body(), "$.placements[*].id");
    }

    private static Map<String, String> invalidParams(HttpResponse<String> problem) {
        assertThat(problem.statusCode()).as(problem.body()).isEqualTo(400);
        List<Map<String, String>> params = JsonPath.read(problem.body(), "$.invalidParams");
        return params.stream().collect(Collectors.toMap(p -> p.get("name"), p -> p.get("reason"), (a, b) -> a + " / " + b,
                java.util.LinkedHashMap::new));
    }

    private static String kvk() {
        return String.format("%08d", (long) (Math.random() * 100_000_000L));
    }

    /**
     * An import that must succeed, sent again with the same key while it is answered 503, as a client is told to: the
     * first write of a test JVM can outlast the write path's deadline on a busy machine.
     */
    private HttpResponse<String> imported(String token, String idempotencyKey, String csv) {
        return await("imported").atMost(Duration.ofSeconds(90)).until(() -> importCsv(token, idempotencyKey, csv, null),
                response -> response.statusCode() != 503);
    }

    private HttpResponse<String> importCsv(String token, String idempotencyKey, String csv, String language) throws Exception {
        return send("POST", IMPORTS, token, idempotencyKey, csv, "text/csv; charset=UTF-8", language);
    }

    private HttpResponse<String> send(String method, String path, String token, String idempotencyKey, String body,
                                      String contentType, String language) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json").header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
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
