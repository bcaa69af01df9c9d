package nl.doorstroom.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import nl.doorstroom.platform.test.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A person's trajectory across the running platform, with every municipality's view checked at every step: intake
 * in the AZC, COA's link to Utrecht, Utrecht's case worker accepting the handover, the brede intake, a PIP on the
 * B1-route with a language course and a work-experience place at the same time (a dual trajectory), and a move to
 * Nieuwegein in the same labour-market region, after which Nieuwegein has the dossier and the trajectory so far and
 * Utrecht has nothing. Also measures the warm handover as the case worker sees it: from the link to the dossier on the
 * inbox page, beside a bare Kafka round trip on the same broker.
 */
class TrajectoryEndToEndTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String UTRECHT = "GM0344";
    private static final String NIEUWEGEIN = "GM0356";
    private static final String AMERSFOORT = "GM0307";
    private static final List<String> MUNICIPALITIES = List.of(UTRECHT, NIEUWEGEIN, AMERSFOORT);
    private static final Map<String, String> CASE_WORKERS = Map.of(UTRECHT, TestTokens.caseWorker(UTRECHT),
            NIEUWEGEIN, TestTokens.caseWorker(NIEUWEGEIN), AMERSFOORT, TestTokens.caseWorker(AMERSFOORT));

    private final IntakeApi intake = new IntakeApi(RunningPlatform.service("intake-service").baseUrl());
    private final RestClient trajectory = IntakeApi.lenientClient(RunningPlatform.service("trajectory-service").baseUrl());

    @Test
    void fromIntakeThroughADualTrajectoryToAMoveWithinTheRegion() {
        IntakeApi.Registered registered = intake.register("Samir", "Youssef");
        String person = registered.id();
        onlySeenBy(null, person);

        intake.link(person, UTRECHT, registered.version());
        await("the dossier in Utrecht's inbox").atMost(Duration.ofSeconds(10))
                .until(() -> inboxPage(UTRECHT).getBody().contains(person));
        onlySeenBy(UTRECHT, person);
        assertThat(trajectoryOf(UTRECHT, person).get("status").asString()).isEqualTo("HANDOVER_PENDING");

        int version = change(UTRECHT, person, HttpMethod.PUT, "/acceptance", "{\"version\":0}");
        version = change(UTRECHT, person, HttpMethod.PUT, "/brede-intake", """
                {"version":%d,"date":"%s","learnabilityTestOutcome":"B1_ATTAINABLE","educationFindings":"MBO-4 elektrotechniek",
                 "workFindings":"zes jaar elektricien","circumstancesFindings":"twee kinderen, 32 uur per week beschikbaar"}"""
                .formatted(version, LocalDate.now()));
        version = change(UTRECHT, person, HttpMethod.PUT, "/plan", """
                {"version":%d,"learningRoute":"B1_ROUTE","adoptedOn":"%s"}""".formatted(version, LocalDate.now()));
        LocalDate start = LocalDate.now().plusWeeks(1);
        version = change(UTRECHT, person, HttpMethod.POST, "/activities", """
                {"version":%d,"kind":"LANGUAGE_COURSE","plannedStart":"%s","plannedEnd":"%s","hoursPerWeek":12,"provider":"Taalschool Utrecht"}"""
                .formatted(version, start, start.plusMonths(10)));
        version = change(UTRECHT, person, HttpMethod.POST, "/activities", """
                {"version":%d,"kind":"WORK_EXPERIENCE_PLACE","plannedStart":"%s","plannedEnd":"%s","hoursPerWeek":16,"provider":"Installatiebedrijf"}"""
                .formatted(version, start.plusWeeks(2), start.plusMonths(6)));
        onlySeenBy(UTRECHT, person);

        JsonNode plan = read(UTRECHT, person, "/plan");
        assertThat(plan.get("dualTrajectory").asBoolean()).as("language and work at the same time: %s", plan).isTrue();
        assertThat(plan.get("hoursExceeded")).as("12 + 16 hours within the 32 available").isEmpty();
        JsonNode beforeMove = trajectoryOf(UTRECHT, person);
        assertThat(beforeMove.at("/plan/learningRoute").asString()).isEqualTo("B1_ROUTE");
        assertThat(beforeMove.get("activities")).hasSize(2);

        ResponseEntity<String> moved = send(UTRECHT, person, HttpMethod.POST, "/moves", """
                {"version":%d,"toMunicipalityCode":"%s","moveDate":"%s"}""".formatted(version, NIEUWEGEIN, LocalDate.now()));
        assertThat(moved.getStatusCode().value()).as(moved.getBody()).isEqualTo(201);

        await("the dossier in Nieuwegein's inbox").atMost(Duration.ofSeconds(10))
                .until(() -> inboxPage(NIEUWEGEIN).getBody().contains(person));
        onlySeenBy(NIEUWEGEIN, person);
        assertThat(inboxPage(UTRECHT).getBody()).as("Utrecht's inbox after the move").doesNotContain(person);
        JsonNode afterMove = trajectoryOf(NIEUWEGEIN, person);
        assertThat(afterMove.get("version").asInt()).as("the versions go on").isGreaterThan(version);
        assertThat(afterMove.at("/plan/learningRoute").asString()).isEqualTo("B1_ROUTE");
        assertThat(afterMove.get("activities")).as("the trajectory so far came along").hasSize(2);
        assertThat(read(NIEUWEGEIN, person, "/plan").get("dualTrajectory").asBoolean()).isTrue();
        JsonNode dossier = JSON.readTree(handover(NIEUWEGEIN, person).getBody());
        assertThat(dossier.at("/registration/givenNames").asString()).isEqualTo("Samir");
        assertThat(dossier.at("/earlyIntake/workExperience/0/jobTitle").asString()).isEqualTo("Elektricien");
        assertThat(send(UTRECHT, person, HttpMethod.PUT, "/acceptance", "{\"version\":%d}".formatted(afterMove.get("version").asInt()))
                .getStatusCode().value()).as("Utrecht can no longer act").isEqualTo(404);
        assertThat(change(NIEUWEGEIN, person, HttpMethod.PUT, "/acceptance",
                "{\"version\":%d}".formatted(afterMove.get("version").asInt()))).isGreaterThan(afterMove.get("version").asInt());
    }

    /**
     * The warm handover as the case worker sees it: from COA's link request to the person on the municipality's inbox
     * page, for a batch of people, beside a bare Kafka produce-to-consume round trip on the same broker in the same
     * run. Written to target/inbox-latency.txt.
     */
    @Test
    void theDossierIsOnTheInboxPageMomentsAfterTheLink() throws IOException {
        int people = 20;
        List<Long> toInboxPage = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            IntakeApi.Registered person = intake.register("Persoon" + i, "Inboxmeting");
            long sent = System.nanoTime();
            intake.link(person.id(), UTRECHT, person.version());
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5))
                    .until(() -> inboxPage(UTRECHT).getBody().contains(person.id()));
            toInboxPage.add((System.nanoTime() - sent) / 1_000_000);
        }
        List<Long> pageViews = new ArrayList<>();
        int listed = inboxPage(UTRECHT).getBody().split("<tr").length - 2;
        for (int i = 0; i < people; i++) {
            long asked = System.nanoTime();
            inboxPage(UTRECHT);
            pageViews.add((System.nanoTime() - asked) / 1_000_000);
        }
        List<Long> bareKafka = Latencies.bareKafkaRoundTrips(people);
        String report = """
                warm handover to the inbox page, %d people, one broker and registry, services as processes
                link request sent -> person on the inbox page (HTML): %s
                one view of the inbox page (%d people listed, polled above): %s
                bare Kafka baseline, same broker, produce -> consume (acks=all): %s
                """.formatted(people, Latencies.summary(toInboxPage), listed, Latencies.summary(pageViews), Latencies.summary(bareKafka));
        Files.writeString(Path.of("target", "inbox-latency.txt"), report);
        System.out.println(report);
        assertThat(Latencies.percentile(toInboxPage, 95)).as("p95 ms").isLessThan(2_000);
    }

    /** Who may see the person: only {@code municipality} (or nobody), through the API and on the inbox page. */
    private void onlySeenBy(String municipality, String person) {
        for (String code : MUNICIPALITIES) {
            boolean expected = code.equals(municipality);
            assertThat(handover(code, person).getStatusCode().value()).as("%s's dossier view", code)
                    .isEqualTo(expected ? 200 : 404);
            assertThat(send(code, person, HttpMethod.GET, "", null).getStatusCode().value()).as("%s's trajectory view", code)
                    .isEqualTo(expected ? 200 : 404);
            assertThat(inboxPage(code).getBody().contains(person)).as("%s's inbox page", code).isEqualTo(expected);
        }
    }

    private ResponseEntity<String> inboxPage(String municipality) {
        ResponseEntity<String> page = trajectory.get().uri("/gemeenten/{code}/overdrachten", municipality)
                .accept(MediaType.TEXT_HTML).header("Authorization", "Bearer " + CASE_WORKERS.get(municipality))
                .retrieve().toEntity(String.class);
        assertThat(page.getStatusCode().value()).as("%s's inbox page", municipality).isEqualTo(200);
        return page;
    }

    private ResponseEntity<String> handover(String municipality, String person) {
        return trajectory.get().uri("/api/v1/municipalities/{code}/handovers/{id}", municipality, person)
                .header("Authorization", "Bearer " + CASE_WORKERS.get(municipality)).retrieve().toEntity(String.class);
    }

    private JsonNode trajectoryOf(String municipality, String person) {
        return read(municipality, person, "");
    }

    private JsonNode read(String municipality, String person, String path) {
        ResponseEntity<String> response = send(municipality, person, HttpMethod.GET, path, null);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return JSON.readTree(response.getBody());
    }

    /** A change by the municipality's case worker that must be accepted; returns the trajectory's new version. */
    private int change(String municipality, String person, HttpMethod method, String path, String body) {
        ResponseEntity<String> response = send(municipality, person, method, path, body);
        assertThat(response.getStatusCode().is2xxSuccessful()).as("%s %s: %s", method, path, response.getBody()).isTrue();
        return JSON.readTree(response.getBody()).get("version").asInt();
    }

    private ResponseEntity<String> send(String municipality, String person, HttpMethod method, String path, String body) {
        var request = trajectory.method(method).uri("/api/v1/municipalities/{code}/trajectories/{id}" + path, municipality, person)
                .header("Authorization", "Bearer " + CASE_WORKERS.get(municipality));
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.retrieve().toEntity(String.class);
    }
}
