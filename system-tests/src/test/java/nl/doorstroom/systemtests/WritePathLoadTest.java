package nl.doorstroom.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import nl.doorstroom.platform.test.TestTokens;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shared write path under load, from outside, with all services as processes on one broker and registry:
 * registration, early intake and link one at a time, then people from registration to a dossier readable at the
 * municipality with {@value #IN_FLIGHT} people in flight, beside a bare Kafka round trip in the same run. Sizes come from
 * {@code -Ddoorstroom.load.sequential} and {@code -Ddoorstroom.load.people} (small by default, so CI runs it quickly;
 * the README gives the command for a real run). Written to target/write-path-load.md; it asserts only that every
 * person got through.
 */
class WritePathLoadTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int IN_FLIGHT = 32;
    private static final String UTRECHT = "GM0344";
    private static final String STAFF = TestTokens.azcStaff("AZC-BUDEL");
    private static final String COA = TestTokens.coaPlacementOfficer();
    private static final String CASE_WORKER = TestTokens.caseWorker(UTRECHT);

    private final RestClient intake = IntakeApi.lenientClient(RunningPlatform.service("intake-service").baseUrl());
    private final RestClient trajectory = IntakeApi.lenientClient(RunningPlatform.service("trajectory-service").baseUrl());

    @Test
    void registrationEarlyIntakeAndLinkOneAtATimeAndPeoplePerSecondWithManyInFlight() throws Exception {
        int sequential = Integer.getInteger("doorstroom.load.sequential", 20);
        int people = Integer.getInteger("doorstroom.load.people", 64);
        // a first person warms the services up and is not counted
        onePerson(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());

        List<Long> registrations = new ArrayList<>();
        List<Long> earlyIntakes = new ArrayList<>();
        List<Long> links = new ArrayList<>();
        for (int i = 0; i < sequential; i++) {
            onePerson(registrations, earlyIntakes, links);
        }

        List<Long> toDossier = Collections.synchronizedList(new ArrayList<>());
        long started = System.nanoTime();
        try (ExecutorService inFlight = Executors.newFixedThreadPool(IN_FLIGHT)) {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < people; i++) {
                done.add(inFlight.submit(() -> {
                    long begun = System.nanoTime();
                    String id = onePerson(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
                    awaitDossier(id);
                    toDossier.add((System.nanoTime() - begun) / 1_000_000);
                    return null;
                }));
            }
            for (Future<?> person : done) {
                person.get(10, TimeUnit.MINUTES);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        List<Long> bareKafka = Latencies.bareKafkaRoundTrips(sequential);

        String report = """
                # The write path under load

                All services as processes, one broker and registry, on this machine. Command:
                `./mvnw -pl system-tests -am verify -Dtest=WritePathLoadTest -Dsurefire.failIfNoSpecifiedTests=false -Ddoorstroom.load.sequential=%d -Ddoorstroom.load.people=%d`

                | one at a time (%d people) | p50 | p99 | max |
                |---|---|---|---|
                | registration | %s |
                | early intake | %s |
                | link | %s |
                | bare Kafka produce -> consume (acks=all), same broker | %s |

                %d people, %d in flight, registration + early intake + link -> dossier readable at the municipality:
                **%.1f people per second**; per person %s.
                """.formatted(sequential, people, sequential, row(registrations), row(earlyIntakes), row(links),
                row(bareKafka), people, IN_FLIGHT, people / seconds, Latencies.summary(toDossier));
        Files.writeString(Path.of("target", "write-path-load.md"), report);
        System.out.println(report);
        assertThat(toDossier).hasSize(people);
    }

    /** Registers, interviews and links one person, adding each step's time; returns the person's id. */
    private String onePerson(List<Long> registrations, List<Long> earlyIntakes, List<Long> links) {
        long begun = System.nanoTime();
        ResponseEntity<String> registered = intake.post().uri("/api/v1/persons").contentType(MediaType.APPLICATION_JSON)
                .header("Authorization", "Bearer " + STAFF).body("""
                        {"personalDetails":%s,"receptionLocation":"AZC-BUDEL"}""".formatted(
                        IntakeApi.personalDetails("Belasting", "Meting", IntakeApi.vNumber(), null)))
                .retrieve().toEntity(String.class);
        registrations.add(since(begun));
        assertThat(registered.getStatusCode().value()).as(registered.getBody()).isEqualTo(201);
        String id = JSON.readTree(registered.getBody()).get("id").asString();

        begun = System.nanoTime();
        ResponseEntity<String> interviewed = intake.put().uri("/api/v1/persons/{id}/early-intake", id)
                .header("Authorization", "Bearer " + STAFF).contentType(MediaType.APPLICATION_JSON).body("""
                        {"version":1,"education":{"iscedLevel":"ISCED_3","dutchComparableLevel":"MBO_4","yearsOfSchooling":12,
                           "countryOfEducation":"SY","credentialEvaluation":{"status":"REQUESTED"}},
                         "workExperience":[{"iscoCode":"7411","jobTitle":"Elektricien","years":6}],
                         "languageLevels":[{"language":"nl","skill":"LISTENING","level":"A2"}],
                         "wishes":{"work":"Elektricien","sectors":["Techniek"]},"availability":{"hoursPerWeek":32}}""")
                .retrieve().toEntity(String.class);
        earlyIntakes.add(since(begun));
        assertThat(interviewed.getStatusCode().value()).as(interviewed.getBody()).isEqualTo(200);

        begun = System.nanoTime();
        ResponseEntity<String> linked = intake.post().uri("/api/v1/persons/{id}/municipality-links", id)
                .header("Authorization", "Bearer " + COA).contentType(MediaType.APPLICATION_JSON).body("""
                        {"version":2,"municipalityCode":"%s","permitDate":"%s","linkDate":"%s"}""".formatted(
                        UTRECHT, LocalDate.now().minusDays(14), LocalDate.now()))
                .retrieve().toEntity(String.class);
        links.add(since(begun));
        assertThat(linked.getStatusCode().value()).as(linked.getBody()).isEqualTo(201);
        return id;
    }

    private void awaitDossier(String id) {
        await("the dossier at Utrecht").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(10)).until(() -> trajectory.get()
                        .uri("/api/v1/municipalities/{code}/handovers/{id}", UTRECHT, id)
                        .header("Authorization", "Bearer " + CASE_WORKER)
                        .retrieve().toBodilessEntity().getStatusCode().value() == 200);
    }

    private static long since(long begun) {
        return (System.nanoTime() - begun) / 1_000_000;
    }

    private static String row(List<Long> millis) {
        return "%d ms | %d ms | %d ms".formatted(Latencies.percentile(millis, 50), Latencies.percentile(millis, 99),
                Latencies.percentile(millis, 100));
    }
}
