package nl.doorstroom.employer.matches;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;

import com.jayway.jsonpath.JsonPath;

import nl.doorstroom.platform.test.ApiConventions;
import nl.doorstroom.platform.test.DemoPrivacyKeys;
import nl.doorstroom.platform.test.TestTokens;
import nl.doorstroom.schemas.Topics;
import nl.doorstroom.schemas.intake.CefrLevel;
import nl.doorstroom.schemas.intake.CefrSkill;
import nl.doorstroom.schemas.intake.IscedLevel;
import nl.doorstroom.schemas.trajectory.CandidateEducationLevel;
import nl.doorstroom.schemas.trajectory.CandidateLanguageLevel;
import nl.doorstroom.schemas.trajectory.CandidateProfile;

/**
 * Matches over real HTTP, with candidate profiles published on trajectory's topic as trajectory would: a case worker
 * sees only their own municipality's candidates, only for placements their region sees, and a withdrawn profile
 * leaves every match at once.
 */
@DemoPrivacyKeys
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class MatchApiIntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<Object, Object> kafka;

    private Set<String> mine = Set.of();

    @BeforeEach
    void ready() {
        await("ready, Streams included").atMost(Duration.ofSeconds(60)).until(() ->
                ApiConventions.get(port, "/actuator/health/readiness", "application/json", null, null).statusCode() == 200);
    }

    @Test
    void aCaseWorkerSeesTheirOwnCandidatesRankedWithReasonsAndAWithdrawnProfileLeavesAtOnce() throws Exception {
        String employer = TestTokens.employer("3" + (int) (Math.random() * 9_000_000 + 1_000_000));
        String baker = pseudonym();
        String cook = pseudonym();
        String utrechter = pseudonym();
        String amersfoorter = pseudonym();
        // other tests share the broker and may publish candidates of the same municipalities: only these count here
        mine = Set.of(baker, cook, utrechter, amersfoorter);
        publish(profile(baker, List.of("7512"), "GM0356", "AM13", CefrLevel.A2, 24));
        publish(profile(cook, List.of("5120"), "GM0356", "AM13", CefrLevel.A1, 40));
        publish(profile(utrechter, List.of("7512"), "GM0344", "AM13", CefrLevel.B1, 32));
        publish(profile(amersfoorter, List.of("7512"), "GM0307", "AM14", CefrLevel.A2, 24));
        String placement = post(employer, """
                {"employerName":"Bakkerij De Korenaar","kind":"PAID_JOB","title":"Bakker","iscoCode":"7512",
                 "minimumLanguageLevels":[{"skill":"LISTENING","level":"A2"}],"languageSupport":true,"hoursPerWeek":24,
                 "startDate":"%s","places":1,"municipalityCode":"GM0344"}""".formatted(LocalDate.now().plusWeeks(2)));
        String nieuwegein = TestTokens.caseWorker("GM0356");

        await("Nieuwegein's candidates ranked for the placement").atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(pseudonymsIn(get("/api/v1/placements/" + placement + "/matches", nieuwegein, "nl"), "$.matches[*].candidate.candidatePseudonym"))
                        .containsExactly(baker, cook));
        HttpResponse<String> matches = get("/api/v1/placements/" + placement + "/matches", nieuwegein, "nl");
        ApiConventions.assertNlApiHeaders(matches);
        String ofBaker = "$.matches[?(@.candidate.candidatePseudonym == '" + baker + "')]";
        String ofCook = "$.matches[?(@.candidate.candidatePseudonym == '" + cook + "')]";
        assertThat(JsonPath.<List<Integer>>read(matches.body(), ofBaker + ".score").getFirst())
                .isGreaterThan(JsonPath.<List<Integer>>read(matches.body(), ofCook + ".score").getFirst());
        List<String> reasons = JsonPath.read(matches.body(), ofBaker + ".reasons[*].text");
        assertThat(reasons).hasSize(5).allSatisfy(text -> assertThat(text).doesNotStartWith("match."));
        assertThat(matches.body()).as("never a name or a person id").doesNotContain("personId", "givenNames", "dateOfBirth");
        List<String> english = JsonPath.read(get("/api/v1/placements/" + placement + "/matches", nieuwegein, "en").body(),
                ofBaker + ".reasons[*].text");
        assertThat(english).isNotEqualTo(reasons);

        HttpResponse<String> candidates = get("/api/v1/municipalities/GM0356/candidates", nieuwegein, "nl");
        assertThat(candidates.statusCode()).as(candidates.body()).isEqualTo(200);
        assertThat(pseudonymsIn(candidates, "$.candidates[*].candidate.candidatePseudonym")).containsExactlyInAnyOrder(baker, cook);
        assertThat((List<String>) JsonPath.read(candidates.body(), "$.candidates[?(@.candidate.candidatePseudonym == '" + baker
                + "')].bestPlacements[*].placement.placementId")).contains(placement);
        // another municipality's case worker gets neither the list nor Nieuwegein's people
        assertThat(get("/api/v1/municipalities/GM0356/candidates", TestTokens.caseWorker("GM0344"), "nl").statusCode()).isEqualTo(404);
        assertThat(pseudonymsIn(get("/api/v1/placements/" + placement + "/matches", TestTokens.caseWorker("GM0344"), "nl"),
                "$.matches[*].candidate.candidatePseudonym")).containsExactly(utrechter);
        // Amersfoort is the neighbouring region: nothing until the employer opens the placement to it
        String amersfoort = TestTokens.caseWorker("GM0307");
        assertThat(get("/api/v1/placements/" + placement + "/matches", amersfoort, "nl").statusCode()).isEqualTo(404);
        HttpResponse<String> opened = send("PUT", "/api/v1/placements/" + placement, employer, """
                {"version":1,"kind":"PAID_JOB","title":"Bakker","iscoCode":"7512",
                 "minimumLanguageLevels":[{"skill":"LISTENING","level":"A2"}],"languageSupport":true,"hoursPerWeek":24,
                 "startDate":"%s","places":1,"municipalityCode":"GM0344","neighbouringRegionCodes":["AM14"]}""".formatted(
                LocalDate.now().plusWeeks(2)));
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);
        assertThat(pseudonymsIn(get("/api/v1/placements/" + placement + "/matches", amersfoort, "nl"),
                "$.matches[*].candidate.candidatePseudonym")).containsExactly(amersfoorter);
        // employers see no matches: they see a candidate only once a case worker proposes an introduction
        assertThat(get("/api/v1/placements/" + placement + "/matches", employer, "nl").statusCode()).isEqualTo(403);

        // consent withdrawn at the municipality: trajectory tombstones the profile, and it leaves every match at once
        kafka.send(Topics.TRAJECTORY_CANDIDATE_PROFILES.name(), baker, null).get();
        await("the withdrawn candidate is in no match").atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(pseudonymsIn(get("/api/v1/placements/" + placement + "/matches", nieuwegein, "nl"),
                        "$.matches[*].candidate.candidatePseudonym")).containsExactly(cook));
        assertThat(pseudonymsIn(get("/api/v1/municipalities/GM0356/candidates", nieuwegein, "nl"),
                "$.candidates[*].candidate.candidatePseudonym")).containsExactly(cook);
    }

    private void publish(CandidateProfile profile) throws Exception {
        kafka.send(Topics.TRAJECTORY_CANDIDATE_PROFILES.name(), profile.getCandidatePseudonym(), profile).get();
    }

    private static CandidateProfile profile(String pseudonym, List<String> isco, String municipality, String region,
                                            CefrLevel listening, int hours) {
        return CandidateProfile.newBuilder().setCandidatePseudonym(pseudonym).setIscoCodes(isco)
                .setEducationLevel(new CandidateEducationLevel(IscedLevel.ISCED_3, null))
                .setLanguageLevels(List.of(new CandidateLanguageLevel("nl", CefrSkill.LISTENING, listening)))
                .setAvailableHoursPerWeek(hours).setMunicipalityCode(municipality).setLabourMarketRegionCode(region).build();
    }

    private static String pseudonym() {
        return "employer-" + UUID.randomUUID().toString().replace("-", "").substring(0, 32)
                .replaceAll("[0189]", "a");
    }

    private List<String> pseudonymsIn(HttpResponse<String> response, String path) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonPath.<List<String>>read(response.body(), path).stream().filter(mine::contains).toList();
    }

    private String post(String token, String body) throws Exception {
        HttpResponse<String> posted = send("POST", "/api/v1/placements", token, body);
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        return JsonPath.read(posted.body(), "$.id");
    }

    private HttpResponse<String> get(String path, String token, String language) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json").header("Accept-Language", language)
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json").header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
