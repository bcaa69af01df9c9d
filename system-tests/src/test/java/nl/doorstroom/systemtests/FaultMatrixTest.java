package nl.doorstroom.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import nl.doorstroom.platform.test.SchemaRegistryServer;
import nl.doorstroom.platform.test.TestTokens;
import nl.doorstroom.platform.test.TopicContents;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The promise under faults (issue 13): a deterministic population is driven through registration, early intake and
 * link (every tenth person's early intake corrected, every twentieth re-linked) against a broker that runs as a
 * process of its own, while one fault is injected; then the oracles, computed from what the driver was told, are
 * checked against what the platform holds. The driver behaves like a careful client: every change carries an
 * Idempotency-Key and is sent again after a 503 or a lost answer, so a change is either acknowledged once or not at
 * all. Size: {@code -Ddoorstroom.faults.people} (CI: 1,000; the full run: 10,000). The rows go to
 * {@code target/fault-matrix.md}.
 */
class FaultMatrixTest {

    private static final int PEOPLE = Integer.getInteger("doorstroom.faults.people", 1000);
    private static final List<String> MUNICIPALITIES = List.of("GM0344", "GM0307", "GM0356", "GM0363");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration GIVE_UP = Duration.ofMinutes(5);

    @Test
    void theBrokerKilledForThirtySecondsLosesNothingAndAppliesNothingTwice() throws Exception {
        try (BrokerProcess broker = BrokerProcess.start();
             ServiceProcess intake = service("intake-service", broker);
             ServiceProcess trajectory = service("trajectory-service", broker)) {
            Driver driver = new Driver(intake.baseUrl());
            long start = System.nanoTime();
            Future<?> run = driver.drive(PEOPLE);
            Awaitility.await("a third of the people through").atMost(GIVE_UP).until(() -> driver.finished.get() >= PEOPLE / 3);
            broker.kill();
            // the fault's length, not a wait for a result
            Thread.sleep(Duration.ofSeconds(30));
            long back = System.nanoTime();
            broker.startAgain();
            run.get();
            long recovered = Oracles.awaitConsistent(driver, trajectory.baseUrl(), broker.bootstrapServers());
            Row row = Oracles.check(driver, trajectory.baseUrl(), broker.bootstrapServers(), "broker killed (SIGKILL) for 30 s",
                    Duration.ofNanos(recovered - back), Duration.ofNanos(System.nanoTime() - start));
            report(row);
            assertThat(row.lost()).isZero();
            assertThat(row.duplicated()).isZero();
        }
    }

    private static ServiceProcess service(String name, BrokerProcess broker) {
        Map<String, String> settings = RunningPlatform.settings(name, broker.bootstrapServers());
        return ServiceProcess.start(name, "faults-" + name, settings).awaitReady(Duration.ofSeconds(180));
    }

    /** One scenario's figures. */
    record Row(String scenario, int people, long acknowledged, long refused, long lost, long duplicated,
               Duration recovery, Duration total) {
    }

    private static void report(Row row) throws IOException {
        Path file = Path.of("target", "fault-matrix.md");
        if (!Files.exists(file)) {
            Files.writeString(file, """
                    | scenario | people | acknowledged writes | refused or unanswered (sent again) | lost | duplicated | time to recover |
                    |---|---|---|---|---|---|---|
                    """);
        }
        Files.writeString(file, "| %s | %d | %d | %d | %d | %d | %d s |%n".formatted(row.scenario(), row.people(),
                row.acknowledged(), row.refused(), row.lost(), row.duplicated(), row.recovery().toSeconds()),
                java.nio.file.StandardOpenOption.APPEND);
        System.out.println("MEASURED " + row);
    }

    /** What the driver was told about one person. */
    static final class Person {
        final int index;
        final String vNumber;
        volatile String id;
        volatile int version;
        volatile String municipality;
        volatile int hoursPerWeek;
        final AtomicInteger acknowledgedChanges = new AtomicInteger();

        Person(int index, String vNumber) {
            this.index = index;
            this.vNumber = vNumber;
        }
    }

    /** Drives the population through intake's API, as AZC staff and COA would, 16 people at a time. */
    static final class Driver {

        private final String intake;
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        final List<Person> people = new ArrayList<>();
        final AtomicInteger finished = new AtomicInteger();
        final AtomicLong acknowledged = new AtomicLong();
        final AtomicLong refused = new AtomicLong();
        private final long vNumbers = 1_000_000_000L + Math.abs(UUID.randomUUID().getMostSignificantBits() % 7_000_000_000L);

        Driver(String intake) {
            this.intake = intake;
        }

        Future<?> drive(int size) {
            for (int i = 0; i < size; i++) {
                people.add(new Person(i, "%010d".formatted(vNumbers + i)));
            }
            ExecutorService callers = Executors.newFixedThreadPool(16);
            List<Future<Object>> each = people.stream().map(p -> callers.submit(() -> {
                through(p);
                return null;
            })).toList();
            callers.shutdown();
            return Executors.newSingleThreadExecutor().submit(() -> {
                for (Future<?> f : each) {
                    f.get();
                }
                return null;
            });
        }

        private void through(Person person) throws Exception {
            JsonNode registered = change(person, "POST", "/api/v1/persons", TestTokens.azcStaff("AZC-BUDEL"), """
                    {"personalDetails":{"givenNames":"Storing","familyName":"Persoon%d","dateOfBirth":"1990-01-01","sex":"FEMALE",
                     "vNumber":"%s","countryOfOrigin":"SY","languagesSpoken":["ar"]},"receptionLocation":"AZC-BUDEL"}"""
                    .formatted(person.index, person.vNumber));
            person.id = registered.get("id").asString();
            earlyIntake(person, 20);
            if (person.index % 10 == 0) {
                earlyIntake(person, 21);
            }
            link(person, MUNICIPALITIES.get(person.index % MUNICIPALITIES.size()));
            if (person.index % 20 == 5) {
                link(person, MUNICIPALITIES.get((person.index + 1) % MUNICIPALITIES.size()));
            }
            finished.incrementAndGet();
        }

        private void earlyIntake(Person person, int hours) throws Exception {
            change(person, "PUT", "/api/v1/persons/" + person.id + "/early-intake", TestTokens.azcStaff("AZC-BUDEL"), """
                    {"version":%d,"education":{"iscedLevel":"ISCED_3"},"workExperience":[],"languageLevels":[],
                     "wishes":{"sectors":[]},"availability":{"hoursPerWeek":%d}}""".formatted(person.version, hours));
            person.hoursPerWeek = hours;
        }

        private void link(Person person, String municipality) throws Exception {
            change(person, "POST", "/api/v1/persons/" + person.id + "/municipality-links", TestTokens.coaPlacementOfficer(),
                    """
                    {"version":%d,"municipalityCode":"%s","permitDate":"%s","linkDate":"%s"}""".formatted(person.version,
                            municipality, LocalDate.now().minusDays(7), LocalDate.now()));
            person.municipality = municipality;
        }

        /** One change, sent again with the same Idempotency-Key until it is acknowledged. */
        private JsonNode change(Person person, String method, String path, String token, String body) throws Exception {
            String key = UUID.randomUUID().toString();
            long deadline = System.nanoTime() + GIVE_UP.toNanos();
            while (true) {
                HttpRequest request = HttpRequest.newBuilder(URI.create(intake + path)).timeout(Duration.ofSeconds(20))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .header("Idempotency-Key", key).method(method, HttpRequest.BodyPublishers.ofString(body)).build();
                try {
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() / 100 == 2) {
                        JsonNode answer = JSON.readTree(response.body());
                        // every change here appends one event; a link's answer does not name the version
                        person.version = answer.has("version") ? answer.get("version").asInt() : person.version + 1;
                        person.acknowledgedChanges.incrementAndGet();
                        acknowledged.incrementAndGet();
                        return answer;
                    }
                    if (response.statusCode() != 503) {
                        throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
                    }
                    refused.incrementAndGet();
                } catch (IOException e) {
                    // the answer was lost: the same Idempotency-Key makes sending it again safe
                    refused.incrementAndGet();
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(method + " " + path + " not acknowledged within " + GIVE_UP);
                }
                Thread.sleep(1000);
            }
        }
    }

    /** What must hold afterwards, computed from what the driver was told. */
    static final class Oracles {

        /** Waits until every acknowledged person is in their municipality's inbox; returns when that was. */
        static long awaitConsistent(Driver driver, String trajectory, String brokers) {
            Awaitility.await("every acknowledged person in their inbox").atMost(GIVE_UP).pollInterval(Duration.ofSeconds(2))
                    .until(() -> inboxTotal(trajectory) == driver.people.size());
            return System.nanoTime();
        }

        static Row check(Driver driver, String trajectory, String brokers, String scenario, Duration recovery, Duration total)
                throws Exception {
            long lost = 0;
            for (Person person : driver.people) {
                HttpResponse<String> dossier = get(trajectory + "/api/v1/municipalities/" + person.municipality
                        + "/handovers/" + person.id, TestTokens.caseWorker(person.municipality));
                if (dossier.statusCode() != 200
                        || JSON.readTree(dossier.body()).at("/earlyIntake/availability/hoursPerWeek").asInt() != person.hoursPerWeek) {
                    lost++;
                }
            }
            Map<String, Person> byId = new HashMap<>();
            driver.people.forEach(p -> byId.put(p.id, p));
            Map<String, List<Integer>> versions = new ConcurrentHashMap<>();
            AvroKafkaDeserializer<Object> events = new AvroKafkaDeserializer<>();
            events.configure(Map.of("apicurio.registry.url", SchemaRegistryServer.url() + "/apis/registry/v3"), false);
            for (ConsumerRecord<byte[], byte[]> record : TopicContents.allRecords(brokers, "intake.person-events")) {
                GenericRecord event = (GenericRecord) events.deserialize(record.topic(), record.headers(), record.value());
                versions.computeIfAbsent(event.get("personId").toString(), k -> new ArrayList<>())
                        .add((Integer) event.get("recordVersion"));
            }
            long duplicated = 0;
            long outOfOrder = 0;
            for (Person person : driver.people) {
                List<Integer> seen = versions.getOrDefault(person.id, List.of());
                long distinct = seen.stream().distinct().count();
                duplicated += seen.size() - distinct + Math.max(0, distinct - person.acknowledgedChanges.get());
                lost += Math.max(0, person.acknowledgedChanges.get() - distinct);
                for (int i = 1; i < seen.size(); i++) {
                    if (seen.get(i) <= seen.get(i - 1)) {
                        outOfOrder++;
                    }
                }
            }
            assertThat(outOfOrder).as("versions strictly increase per person, in the topic's order").isZero();
            int inboxes = inboxTotal(trajectory);
            assertThat(inboxes).as("each person in exactly one inbox").isEqualTo(driver.people.size());
            return new Row(scenario, driver.people.size(), driver.acknowledged.get(), driver.refused.get(), lost, duplicated,
                    recovery, total);
        }

        private static int inboxTotal(String trajectory) throws Exception {
            int total = 0;
            for (String municipality : MUNICIPALITIES) {
                HttpResponse<String> inbox = get(trajectory + "/api/v1/municipalities/" + municipality + "/handovers?pageSize=1",
                        TestTokens.caseWorker(municipality));
                if (inbox.statusCode() != 200) {
                    return -1;
                }
                total += JSON.readTree(inbox.body()).get("total").asInt();
            }
            return total;
        }

        private static HttpResponse<String> get(String uri, String token) throws Exception {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(20))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
    }
}
