package nl.doorstroom.employer.introductions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;

import com.jayway.jsonpath.JsonPath;

import nl.doorstroom.platform.privacy.PersonalTexts;
import nl.doorstroom.platform.privacy.SubjectKeys;
import nl.doorstroom.platform.test.ApiConventions;
import nl.doorstroom.platform.test.DemoPrivacyKeys;
import nl.doorstroom.platform.test.TestTokens;
import nl.doorstroom.schemas.Topics;
import nl.doorstroom.schemas.intake.CefrLevel;
import nl.doorstroom.schemas.intake.CefrSkill;
import nl.doorstroom.schemas.trajectory.CandidateContact;
import nl.doorstroom.schemas.trajectory.CandidateLanguageLevel;
import nl.doorstroom.schemas.trajectory.CandidateProfile;

/** The introduction flow over real HTTP: each party's steps in order, nobody else's, and a withdrawn candidate stops. */
@DemoPrivacyKeys
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class IntroductionApiIntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<Object, Object> kafka;

    @Autowired
    PersonalTexts texts;

    @Autowired
    SubjectKeys keys;

    @BeforeEach
    void ready() {
        await("ready, Streams included").atMost(Duration.ofSeconds(60)).until(() ->
                ApiConventions.get(port, "/actuator/health/readiness", "application/json", null, null).statusCode() == 200);
    }

    @Test
    void aCandidateIsProposedAgreesIsOfferedTheplaceAcceptsStartsAndEnds() throws Exception {
        String employer = TestTokens.employer("4" + (int) (Math.random() * 9_000_000 + 1_000_000));
        String otherEmployer = TestTokens.employer("5" + (int) (Math.random() * 9_000_000 + 1_000_000));
        String nieuwegein = TestTokens.caseWorker("GM0356");
        String utrecht = TestTokens.caseWorker("GM0344");
        String candidate = pseudonym();
        String leaving = pseudonym();
        publish(candidate, "GM0356");
        publish(leaving, "GM0356");
        LocalDate start = LocalDate.now().plusWeeks(2);
        HttpResponse<String> posted = send("POST", "/api/v1/placements", employer, """
                {"employerName":"Kwekerij Het Groene Hart","kind":"WORK_EXPERIENCE_PLACE","title":"Medewerker kas",
                 "iscoCode":"6113","hoursPerWeek":20,"startDate":"%s","places":2,"municipalityCode":"GM0344"}""".formatted(start));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        String placement = JsonPath.read(posted.body(), "$.id");
        String introductions = "/api/v1/placements/" + placement + "/introductions";
        String introduction = introductions + "/" + candidate;

        await("the candidate is in the pool").atMost(Duration.ofSeconds(20)).until(() ->
                send("POST", introductions, utrecht, "{\"candidatePseudonym\":\"" + candidate + "\"}").statusCode() == 400
                        && send("POST", introductions, nieuwegein, "{\"candidatePseudonym\":\"" + candidate + "\"}").statusCode() == 201);
        HttpResponse<String> proposed = send("GET", introduction, employer, null);
        assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(200);
        assertThat((String) JsonPath.read(proposed.body(), "$.status")).isEqualTo("PROPOSED");
        assertThat((String) JsonPath.read(proposed.body(), "$.candidate.candidatePseudonym")).isEqualTo(candidate);
        assertThat(proposed.body()).doesNotContain("givenNames", "familyName", "personId");
        assertThat(send("POST", introductions, nieuwegein, "{\"candidatePseudonym\":\"" + candidate + "\"}").statusCode())
                .as("proposed once").isEqualTo(409);
        assertThat(send("GET", introduction, otherEmployer, null).statusCode()).isEqualTo(404);
        assertThat(send("GET", introduction, utrecht, null).statusCode()).isEqualTo(404);
        assertThat(JsonPath.<List<String>>read(send("GET", introductions, utrecht, null).body(), "$[*].candidatePseudonym")).isEmpty();
        assertThat(JsonPath.<List<String>>read(send("GET", introductions, employer, null).body(), "$[*].candidatePseudonym"))
                .containsExactly(candidate);

        assertThat(step(introduction, employer, 1, "{\"step\":\"AGREE\"}").statusCode()).as("the candidate's answer").isEqualTo(409);
        assertThat(status(step(introduction, nieuwegein, 1, "{\"step\":\"AGREE\"}"))).isEqualTo("AGREED");
        HttpResponse<String> noHours = step(introduction, employer, 2, "{\"step\":\"OFFER\",\"startDate\":\"" + start + "\"}");
        assertThat(noHours.statusCode()).isEqualTo(400);
        assertThat(JsonPath.<List<String>>read(noHours.body(), "$.invalidParams[*].name")).containsExactly("hoursPerWeek");
        assertThat(status(step(introduction, employer, 2, "{\"step\":\"PLAN_INTERVIEW\",\"interviewOn\":\"" + LocalDate.now().plusDays(3) + "\"}")))
                .isEqualTo("INTERVIEW_PLANNED");
        assertThat(status(step(introduction, employer, 3, "{\"step\":\"OFFER\",\"hoursPerWeek\":16,\"startDate\":\"" + start + "\"}")))
                .isEqualTo("OFFERED");
        assertThat(step(introduction, nieuwegein, 3, "{\"step\":\"ACCEPT\"}").statusCode()).as("stale version").isEqualTo(409);
        assertThat(status(step(introduction, nieuwegein, 4, "{\"step\":\"ACCEPT\"}"))).isEqualTo("ACCEPTED");
        HttpResponse<String> started = step(introduction, employer, 5, "{\"step\":\"START\",\"startDate\":\"" + start + "\"}");
        assertThat(status(started)).isEqualTo("STARTED");
        assertThat((Integer) JsonPath.read(started.body(), "$.offeredHoursPerWeek")).isEqualTo(16);
        assertThat(status(step(introduction, nieuwegein, 6, "{\"step\":\"END\",\"endDate\":\"" + start.plusMonths(6)
                + "\",\"endReason\":\"PAID_WORK_FOLLOWS\"}"))).isEqualTo("ENDED");
        assertThat(JsonPath.<List<String>>read(send("GET", "/api/v1/municipalities/GM0356/introductions", nieuwegein, null).body(),
                "$[?(@.placementId == '" + placement + "')].status")).containsExactly("ENDED");

        // a proposed candidate withdraws consent: trajectory tombstones the profile, the introduction stops
        String stopping = introductions + "/" + leaving;
        assertThat(send("POST", introductions, nieuwegein, "{\"candidatePseudonym\":\"" + leaving + "\"}").statusCode()).isEqualTo(201);
        kafka.send(Topics.TRAJECTORY_CANDIDATE_PROFILES.name(), leaving, null).get();
        await("the introduction is withdrawn").atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            HttpResponse<String> withdrawn = send("GET", stopping, employer, null);
            assertThat(status(withdrawn)).isEqualTo("WITHDRAWN");
            assertThat((Object) JsonPath.read(withdrawn.body(), "$.candidate")).as("no profile left").isNull();
        });
    }

    @Test
    void theNameReachesTheEmployerOnlyAfterTheAgreementAndIsGoneOnceTheKeyIsForgotten() throws Exception {
        String employer = TestTokens.employer("6" + (int) (Math.random() * 9_000_000 + 1_000_000));
        String nieuwegein = TestTokens.caseWorker("GM0356");
        String candidate = pseudonym();
        publish(candidate, "GM0356");
        HttpResponse<String> posted = send("POST", "/api/v1/placements", employer, """
                {"employerName":"Tuincentrum De Linde","kind":"PAID_JOB","title":"Medewerker kwekerij",
                 "iscoCode":"6113","hoursPerWeek":24,"startDate":"%s","places":1,"municipalityCode":"GM0344"}"""
                .formatted(LocalDate.now().plusWeeks(3)));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        String introductions = "/api/v1/placements/" + JsonPath.read(posted.body(), "$.id") + "/introductions";
        String introduction = introductions + "/" + candidate;
        await("the candidate is in the pool").atMost(Duration.ofSeconds(20)).until(() ->
                send("POST", introductions, nieuwegein, "{\"candidatePseudonym\":\"" + candidate + "\"}").statusCode() == 201);
        // trajectory publishes the contact only on the agreement; published early here, it still must not show
        kafka.send(Topics.TRAJECTORY_CANDIDATE_CONTACTS.name(), candidate,
                texts.sealAll(new CandidateContact(candidate, "Amina Haddad", "Sanne de Vries", "GM0356"))).get();
        HttpResponse<String> proposed = send("GET", introduction, employer, null);
        assertThat((Object) JsonPath.read(proposed.body(), "$.contact")).as("no name before the agreement").isNull();
        assertThat(proposed.body()).doesNotContain("Amina", "Haddad");

        assertThat(status(step(introduction, nieuwegein, 1, "{\"step\":\"AGREE\"}"))).isEqualTo("AGREED");
        await("the name after the agreement").atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            HttpResponse<String> agreed = send("GET", introduction, employer, null);
            assertThat((String) JsonPath.read(agreed.body(), "$.contact.name")).isEqualTo("Amina Haddad");
            assertThat((String) JsonPath.read(agreed.body(), "$.contact.contactPerson")).isEqualTo("Sanne de Vries");
            assertThat((String) JsonPath.read(agreed.body(), "$.contact.municipalityName")).isEqualTo("Nieuwegein");
        });
        assertThat((String) JsonPath.read(send("GET", introduction, nieuwegein, null).body(), "$.contact.name"))
                .isEqualTo("Amina Haddad");

        // consent withdrawn: trajectory forgets the pseudonym's key; the sealed copy here no longer opens
        keys.forget(candidate);
        HttpResponse<String> forgotten = send("GET", introduction, employer, null);
        assertThat((Object) JsonPath.read(forgotten.body(), "$.contact")).isNull();
        assertThat(forgotten.body()).doesNotContain("Amina", "Haddad");
    }

    private HttpResponse<String> step(String introduction, String token, int version, String step) throws Exception {
        return send("POST", introduction + "/steps", token, step.replaceFirst("\\{", "{\"version\":" + version + ","));
    }

    private static String status(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonPath.read(response.body(), "$.status");
    }

    private void publish(String pseudonym, String municipality) throws Exception {
        kafka.send(Topics.TRAJECTORY_CANDIDATE_PROFILES.name(), pseudonym, CandidateProfile.newBuilder()
                .setCandidatePseudonym(pseudonym).setIscoCodes(List.of("6113"))
                .setLanguageLevels(List.of(new CandidateLanguageLevel("nl", CefrSkill.LISTENING, CefrLevel.A2)))
                .setAvailableHoursPerWeek(24).setMunicipalityCode(municipality).setLabourMarketRegionCode("AM13").build()).get();
    }

    private static String pseudonym() {
        return "employer-" + UUID.randomUUID().toString().replace("-", "").substring(0, 32)
                .replaceAll("[0189]", "a");
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json").header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
