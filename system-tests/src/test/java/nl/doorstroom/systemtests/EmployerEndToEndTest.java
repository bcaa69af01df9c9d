package nl.doorstroom.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import nl.doorstroom.platform.test.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Employers and candidates across the running platform. An employer in Utrecht posts a work-experience place; a
 * candidate in Nieuwegein (the same labour-market region, Midden-Utrecht) who consented at intake is matched,
 * introduced, agrees (only then does the employer see her name), is offered the place, accepts and starts, and her
 * trajectory in Nieuwegein shows the placement running beside the language course; a candidate in Amersfoort (the
 * neighbouring region) appears only once the employer opens the placement to that region; employer B sees none of it;
 * withdrawing consent removes the name from the employer's view within seconds. Last, every record on every topic
 * employer-service reads or writes, and on its stores' changelogs, is searched for her direct identifiers.
 */
class EmployerEndToEndTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String UTRECHT = "GM0344";
    private static final String NIEUWEGEIN = "GM0356";
    private static final String AMERSFOORT = "GM0307";
    private static final String GIVEN_NAMES = "Hiwet";
    private static final String FAMILY_NAME = "Tesfamariam";
    private static final String BSN = "703190027";

    private final IntakeApi intake = new IntakeApi(RunningPlatform.service("intake-service").baseUrl());
    private final RestClient trajectory = IntakeApi.lenientClient(RunningPlatform.service("trajectory-service").baseUrl());
    private final RestClient employer = IntakeApi.lenientClient(RunningPlatform.service("employer-service").baseUrl());
    /** Eight digits, as a KvK number has: the token of anything else is refused. */
    private final String employerA = TestTokens.employer("3" + (System.nanoTime() % 1_000_000 + 1_000_000));
    private final String employerB = TestTokens.employer("4" + (System.nanoTime() % 1_000_000 + 1_000_000));

    @Test
    void anEmployerInUtrechtTakesOnACandidateFromNieuwegeinWithHerConsentAndLosesHerNameWhenSheWithdrawsIt() {
        String vNumber = IntakeApi.vNumber();
        Candidate hiwet = candidate(NIEUWEGEIN, GIVEN_NAMES, FAMILY_NAME, vNumber, BSN);
        Candidate amersfoorter = candidate(AMERSFOORT, "Yonas", "Berhane", IntakeApi.vNumber(), null);
        int languageCourse = change(NIEUWEGEIN, hiwet.personId(), HttpMethod.POST, "/activities", """
                {"version":%d,"kind":"LANGUAGE_COURSE","plannedStart":"%s","hoursPerWeek":12,"provider":"Taalhuis Nieuwegein"}"""
                .formatted(hiwet.version(), LocalDate.now()));
        assertThat(languageCourse).isGreaterThan(hiwet.version());

        LocalDate start = LocalDate.now().plusWeeks(2);
        ResponseEntity<String> posted = asEmployer(employerA, HttpMethod.POST, "/api/v1/placements", placement(null, List.of(), start));
        assertThat(posted.getStatusCode().value()).as(posted.getBody()).isEqualTo(201);
        String placement = "/api/v1/placements/" + JSON.readTree(posted.getBody()).get("id").asString();

        // Nieuwegein's case worker sees the placement and Hiwet ranked for it, with the reasons
        JsonNode match = await("Hiwet matched").atMost(Duration.ofSeconds(20)).until(
                () -> matchOf(NIEUWEGEIN, placement, hiwet.pseudonym()), found -> found != null);
        assertThat(match.get("score").asInt()).isPositive();
        assertThat(match.get("reasons").findValuesAsString("criterion")).contains("OCCUPATION", "NEARNESS");
        // Amersfoort is in the neighbouring region: nothing until the employer opens the placement to it
        assertThat(asCaseWorker(AMERSFOORT, HttpMethod.GET, placement, null).getStatusCode().value()).isEqualTo(404);
        assertThat(asCaseWorker(AMERSFOORT, HttpMethod.GET, placement + "/matches", null).getStatusCode().value()).isEqualTo(404);
        ResponseEntity<String> opened = asEmployer(employerA, HttpMethod.PUT, placement, placement(1, List.of("AM14"), start));
        assertThat(opened.getStatusCode().value()).as(opened.getBody()).isEqualTo(200);
        await("the Amersfoort candidate matched once the region is opened").atMost(Duration.ofSeconds(20))
                .until(() -> matchOf(AMERSFOORT, placement, amersfoorter.pseudonym()) != null);

        // the introduction: proposed with the minimised profile only, the name after Hiwet agreed
        String introduction = placement + "/introductions/" + hiwet.pseudonym();
        ResponseEntity<String> proposed = asCaseWorker(NIEUWEGEIN, HttpMethod.POST, placement + "/introductions",
                "{\"candidatePseudonym\":\"" + hiwet.pseudonym() + "\"}");
        assertThat(proposed.getStatusCode().value()).as(proposed.getBody()).isEqualTo(201);
        ResponseEntity<String> seenBeforeAgreement = asEmployer(employerA, HttpMethod.GET, introduction, null);
        assertThat(seenBeforeAgreement.getBody()).contains(hiwet.pseudonym()).doesNotContain(GIVEN_NAMES, FAMILY_NAME);
        step(TestTokens.caseWorker(NIEUWEGEIN), introduction, 1, "{\"step\":\"AGREE\"}");
        await("the name reaches the employer after the agreement").atMost(Duration.ofSeconds(20)).until(() ->
                JSON.readTree(asEmployer(employerA, HttpMethod.GET, introduction, null).getBody()).at("/contact/name").asString(""),
                name -> name.equals(GIVEN_NAMES + " " + FAMILY_NAME));
        step(employerA, introduction, 2, "{\"step\":\"OFFER\",\"hoursPerWeek\":16,\"startDate\":\"" + start + "\"}");
        step(TestTokens.caseWorker(NIEUWEGEIN), introduction, 3, "{\"step\":\"ACCEPT\"}");
        step(employerA, introduction, 4, "{\"step\":\"START\",\"startDate\":\"" + start + "\"}");

        // employer B sees none of it
        assertThat(asEmployer(employerB, HttpMethod.GET, placement, null).getStatusCode().value()).isEqualTo(404);
        assertThat(asEmployer(employerB, HttpMethod.GET, placement + "/introductions", null).getStatusCode().value()).isEqualTo(404);
        assertThat(asEmployer(employerB, HttpMethod.GET, introduction, null).getStatusCode().value()).isEqualTo(404);
        assertThat(asEmployer(employerB, HttpMethod.GET, "/api/v1/placements", null).getBody()).doesNotContain(placement.substring(19));

        // her trajectory shows the placement running beside the language course
        await("the placement in Hiwet's trajectory").atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode plan = JSON.readTree(asCaseWorker(NIEUWEGEIN, HttpMethod.GET,
                    "/api/v1/municipalities/" + NIEUWEGEIN + "/trajectories/" + hiwet.personId() + "/plan", null, trajectory).getBody());
            assertThat(plan.get("activities").findValuesAsString("kind")).contains("LANGUAGE_COURSE", "WORK_EXPERIENCE_PLACE");
            assertThat(plan.get("dualTrajectory").asBoolean()).as("language and work at the same time").isTrue();
        });

        // consent withdrawn at the AZC: the name is gone from the employer's view within seconds
        ResponseEntity<String> withdrawn = intake.client().post().uri("/api/v1/persons/{id}/consents", hiwet.personId())
                .contentType(MediaType.APPLICATION_JSON).header("Authorization", "Bearer " + TestTokens.azcStaff("AZC-BUDEL"))
                .body("""
                        {"version":%d,"purpose":"EMPLOYER_PROFILE_SHARING","decision":"WITHDRAWN","decidedOn":"%s"}"""
                        .formatted(intake.currentVersion(hiwet.personId()), LocalDate.now()))
                .retrieve().toEntity(String.class);
        assertThat(withdrawn.getStatusCode().is2xxSuccessful()).as(withdrawn.getBody()).isTrue();
        await("the name gone from the employer's view").atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String seen = asEmployer(employerA, HttpMethod.GET, introduction, null).getBody();
            assertThat(seen).contains(hiwet.pseudonym()).doesNotContain(GIVEN_NAMES, FAMILY_NAME);
            assertThat(JSON.readTree(seen).get("contact").isNull()).isTrue();
        });

        List<String> identifiers = List.of(hiwet.personId(), vNumber, BSN, GIVEN_NAMES, FAMILY_NAME, "1994-03-12");
        List<String> found = BrokerContents.everything().stream().filter(EmployerEndToEndTest::employerServiceSees)
                .flatMap(record -> identifiers.stream().filter(identifier -> holds(record, identifier))
                        .map(identifier -> record.topic() + " holds " + identifier))
                .distinct().toList();
        assertThat(found).as("direct identifiers on what employer-service reads, writes or stores").isEmpty();
    }

    /** A person of the municipality ready for placements, with the version of their trajectory and their pseudonym. */
    private record Candidate(String personId, String pseudonym, int version) {
    }

    /**
     * Registers and interviews a person at AZC Budel (with a BSN if given), records consent to sharing a minimised
     * profile with employers, links them to the municipality, where the case worker accepts and marks them ready.
     */
    private Candidate candidate(String municipality, String givenNames, String familyName, String vNumber, String bsn) {
        Set<String> before = candidatesOf(municipality);
        IntakeApi.Registered registered = intake.register(givenNames, familyName, vNumber);
        String id = registered.id();
        int version = registered.version();
        if (bsn != null) {
            ResponseEntity<String> corrected = intake.client().put().uri("/api/v1/persons/{id}/personal-details", id)
                    .contentType(MediaType.APPLICATION_JSON).header("Authorization", "Bearer " + TestTokens.azcStaff("AZC-BUDEL"))
                    .body("{\"version\":%d,\"personalDetails\":%s}".formatted(version,
                            IntakeApi.personalDetails(givenNames, familyName, vNumber, bsn)))
                    .retrieve().toEntity(String.class);
            assertThat(corrected.getStatusCode().value()).as(corrected.getBody()).isEqualTo(200);
            version++;
        }
        ResponseEntity<String> consented = intake.client().post().uri("/api/v1/persons/{id}/consents", id)
                .contentType(MediaType.APPLICATION_JSON).header("Authorization", "Bearer " + TestTokens.azcStaff("AZC-BUDEL"))
                .body("""
                        {"version":%d,"purpose":"EMPLOYER_PROFILE_SHARING","decision":"GIVEN","decidedOn":"%s"}"""
                        .formatted(version, LocalDate.now()))
                .retrieve().toEntity(String.class);
        assertThat(consented.getStatusCode().is2xxSuccessful()).as(consented.getBody()).isTrue();
        intake.link(id, municipality, version + 1);
        await("the dossier in " + municipality).atMost(Duration.ofSeconds(30)).until(() -> asCaseWorker(municipality,
                HttpMethod.GET, "/api/v1/municipalities/" + municipality + "/handovers/" + id, null, trajectory)
                .getStatusCode().value() == 200);
        int trajectoryVersion = change(municipality, id, HttpMethod.PUT, "/acceptance", "{\"version\":0}");
        trajectoryVersion = change(municipality, id, HttpMethod.PUT, "/placement-readiness",
                "{\"version\":%d,\"ready\":true}".formatted(trajectoryVersion));
        Set<String> after = await("the candidate reaches employer-service").atMost(Duration.ofSeconds(30))
                .until(() -> candidatesOf(municipality), candidates -> candidates.size() > before.size());
        after.removeAll(before);
        assertThat(after).hasSize(1);
        return new Candidate(id, after.iterator().next(), trajectoryVersion);
    }

    private Set<String> candidatesOf(String municipality) {
        JsonNode body = JSON.readTree(asCaseWorker(municipality, HttpMethod.GET,
                "/api/v1/municipalities/" + municipality + "/candidates?pageSize=100", null).getBody());
        Set<String> pseudonyms = new HashSet<>();
        body.get("candidates").forEach(c -> pseudonyms.add(c.get("candidate").get("candidatePseudonym").asString()));
        return pseudonyms;
    }

    /** The candidate's match for the placement as the municipality's case worker sees it; null when not in the list. */
    private JsonNode matchOf(String municipality, String placement, String pseudonym) {
        ResponseEntity<String> matches = asCaseWorker(municipality, HttpMethod.GET, placement + "/matches?pageSize=100", null);
        if (matches.getStatusCode().value() != 200) {
            return null;
        }
        for (JsonNode match : JSON.readTree(matches.getBody()).get("matches")) {
            if (match.at("/candidate/candidatePseudonym").asString().equals(pseudonym)) {
                return match;
            }
        }
        return null;
    }

    private static String placement(Integer version, List<String> neighbouringRegions, LocalDate start) {
        return """
                {%s"employerName":"Installatiebedrijf Vaartsche Rijn","kind":"WORK_EXPERIENCE_PLACE",
                 "title":"Leerling-elektricien","iscoCode":"7411","hoursPerWeek":16,"startDate":"%s","places":2,
                 "languageSupport":true,"municipalityCode":"GM0344","neighbouringRegionCodes":%s}""".formatted(
                version == null ? "" : "\"version\":" + version + ",", start,
                JSON.writeValueAsString(neighbouringRegions));
    }

    private void step(String token, String introduction, int version, String step) {
        ResponseEntity<String> response = employer.post().uri(introduction + "/steps").contentType(MediaType.APPLICATION_JSON)
                .header("Authorization", "Bearer " + token)
                .body(step.replaceFirst("\\{", "{\"version\":" + version + ","))
                .retrieve().toEntity(String.class);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
    }

    private int change(String municipality, String person, HttpMethod method, String path, String body) {
        ResponseEntity<String> response = asCaseWorker(municipality, method,
                "/api/v1/municipalities/" + municipality + "/trajectories/" + person + path, body, trajectory);
        assertThat(response.getStatusCode().is2xxSuccessful()).as("%s %s: %s", method, path, response.getBody()).isTrue();
        return JSON.readTree(response.getBody()).get("version").asInt();
    }

    private ResponseEntity<String> asEmployer(String token, HttpMethod method, String path, String body) {
        return send(employer, token, method, path, body);
    }

    private ResponseEntity<String> asCaseWorker(String municipality, HttpMethod method, String path, String body) {
        return asCaseWorker(municipality, method, path, body, employer);
    }

    private static ResponseEntity<String> asCaseWorker(String municipality, HttpMethod method, String path, String body,
                                                       RestClient client) {
        return send(client, TestTokens.caseWorker(municipality), method, path, body);
    }

    private static ResponseEntity<String> send(RestClient client, String token, HttpMethod method, String path, String body) {
        var request = client.method(method).uri(path).header("Authorization", "Bearer " + token);
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.retrieve().toEntity(String.class);
    }

    /** The topics employer-service consumes or produces, its stores' changelogs and their dead letters. */
    private static boolean employerServiceSees(ConsumerRecord<byte[], byte[]> record) {
        String topic = record.topic();
        return topic.startsWith("employer.") || topic.startsWith("employer-service")
                || topic.startsWith("trajectory.candidate-");
    }

    private static boolean holds(ConsumerRecord<byte[], byte[]> record, String identifier) {
        if (contains(record.key(), identifier) || contains(record.value(), identifier)) {
            return true;
        }
        for (Header header : record.headers()) {
            if (contains(header.value(), identifier)) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(byte[] bytes, String text) {
        return bytes != null && new String(bytes, StandardCharsets.ISO_8859_1).contains(text);
    }
}
