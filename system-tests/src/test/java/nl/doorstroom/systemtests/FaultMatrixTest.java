package nl.doorstroom.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
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
    void theBrokerKilledForThirtySeconds() throws Exception {
        scenario("the broker killed (SIGKILL) for 30 s and started again", run -> {
            run.broker.kill();
            pause(Duration.ofSeconds(30));
            run.broker.startAgain();
        });
    }

    @Test
    void intakeKilledMidStream() throws Exception {
        scenario("intake-service killed (SIGKILL) and started again", run -> {
            run.intake.kill();
            pause(Duration.ofSeconds(5));
            run.intake = run.intake.startAgain("restarted");
        });
    }

    @Test
    void trajectoryKilledWithItsStreamsState() throws Exception {
        scenario("trajectory-service (Streams state) killed (SIGKILL) and started again", run -> {
            run.trajectory.kill();
            pause(Duration.ofSeconds(5));
            run.trajectory = run.trajectory.startAgain("restarted");
        });
    }

    @Test
    void aSecondTrajectoryInstanceJoinsAndLeaves() throws Exception {
        scenario("a second trajectory-service instance joins, then leaves", run -> {
            try (ServiceProcess second = ServiceProcess.start("trajectory-service", "faults-trajectory-service-2",
                    RunningPlatform.settings("trajectory-service", run.broker.bootstrapServers()))) {
                second.awaitReady(Duration.ofSeconds(180));
                pause(Duration.ofSeconds(20));
            }
        });
    }

    @Test
    void aPoisonRecordOnEveryConsumedTopic() throws Exception {
        scenario("a poison record (not Avro, an unknown schema id) on every consumed topic", FaultRun::poison);
    }

    /** A fresh broker and services, the population driven through them, the fault injected once a third is through. */
    private static void scenario(String name, Fault fault) throws Exception {
        try (FaultRun run = FaultRun.start()) {
            long start = System.nanoTime();
            Future<?> driving = run.driver.drive(PEOPLE);
            Awaitility.await("a third of the people through").atMost(GIVE_UP)
                    .until(() -> run.driver.finished.get() >= PEOPLE / 3);
            fault.inject(run);
            long injected = System.nanoTime();
            driving.get();
            long consistent = Oracles.awaitConsistent(run);
            Row row = Oracles.check(run, name, Duration.ofNanos(consistent - injected), Duration.ofNanos(System.nanoTime() - start));
            report(row);
            assertThat(row.lost()).as("lost").isZero();
            assertThat(row.duplicated()).as("duplicated").isZero();
            assertThat(row.deadLettered()).as("dead letters").isEqualTo(run.poisoned.size());
        }
    }

    /** One fault, injected while the population is driven. */
    @FunctionalInterface
    interface Fault {
        void inject(FaultRun run) throws Exception;
    }

    /** How long a fault lasts: the fault's length, not a wait for a result. */
    private static void pause(Duration length) throws InterruptedException {
        Thread.sleep(length);
    }

    /** The broker and the two services a dossier passes through, started for one scenario. */
    static final class FaultRun implements AutoCloseable {

        final BrokerProcess broker;
        volatile ServiceProcess intake;
        volatile ServiceProcess trajectory;
        final Driver driver;
        final List<String> poisoned = new ArrayList<>();

        private FaultRun(BrokerProcess broker, ServiceProcess intake, ServiceProcess trajectory) {
            this.broker = broker;
            this.intake = intake;
            this.trajectory = trajectory;
            this.driver = new Driver(intake.baseUrl());
        }

        static FaultRun start() {
            BrokerProcess broker = BrokerProcess.start();
            return new FaultRun(broker, service("intake-service", broker), service("trajectory-service", broker));
        }

        /** Bytes that are not Avro, and a record naming a schema id the registry never gave, on each consumed topic. */
        void poison() {
            byte[] unknownSchema = ByteBuffer.allocate(9).put((byte) 0).putInt(987_654_321).putInt(42).array();
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
                for (String topic : List.of("intake.person-events", "trajectory.trajectory-events")) {
                    for (byte[] poison : List.of("dit is geen Avro".getBytes(StandardCharsets.UTF_8), unknownSchema)) {
                        String key = "poison-" + UUID.randomUUID();
                        producer.send(new ProducerRecord<>(topic, key, poison));
                        poisoned.add(topic + "|" + key);
                    }
                }
                producer.flush();
            }
        }

        @Override
        public void close() {
            trajectory.close();
            intake.close();
            broker.close();
        }
    }

    private static ServiceProcess service(String name, BrokerProcess broker) {
        Map<String, String> settings = RunningPlatform.settings(name, broker.bootstrapServers());
        return ServiceProcess.start(name, "faults-" + name, settings).awaitReady(Duration.ofSeconds(180));
    }

    /** One scenario's figures. */
    record Row(String scenario, int people, long acknowledged, long refused, long lost, long duplicated,
               long deadLettered, Duration recovery, Duration total) {
    }

    private static void report(Row row) throws IOException {
        Path file = Path.of("target", "fault-matrix.md");
        if (!Files.exists(file)) {
            Files.writeString(file, """
                    | scenario | people | acknowledged writes | refused or unanswered (sent again) | lost | duplicated | dead-lettered | consistent after |
                    |---|---|---|---|---|---|---|---|
                    """);
        }
        Files.writeString(file, "| %s | %d | %d | %d | %d | %d | %d | %d s |%n".formatted(row.scenario(), row.people(),
                row.acknowledged(), row.refused(), row.lost(), row.duplicated(), row.deadLettered(),
                row.recovery().toSeconds()), StandardOpenOption.APPEND);
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

        /**
         * Waits until every acknowledged person is in their municipality's inbox and the services have read every
         * record of the topics they consume (no consumer lag); returns when that was.
         */
        static long awaitConsistent(FaultRun run) {
            Awaitility.await("every acknowledged person in their inbox, no consumer lag").atMost(GIVE_UP)
                    .pollInterval(Duration.ofSeconds(2)).ignoreExceptions()
                    .until(() -> inboxTotal(run.trajectory.baseUrl()) == run.driver.people.size() && lag(run.broker) == 0);
            return System.nanoTime();
        }

        static Row check(FaultRun run, String scenario, Duration recovery, Duration total) throws Exception {
            Driver driver = run.driver;
            String trajectory = run.trajectory.baseUrl();
            String brokers = run.broker.bootstrapServers();
            long lost = 0;
            for (Person person : driver.people) {
                HttpResponse<String> dossier = get(trajectory + "/api/v1/municipalities/" + person.municipality
                        + "/handovers/" + person.id, TestTokens.caseWorker(person.municipality));
                if (dossier.statusCode() != 200
                        || JSON.readTree(dossier.body()).at("/earlyIntake/availability/hoursPerWeek").asInt() != person.hoursPerWeek) {
                    lost++;
                }
            }
            Map<String, List<Integer>> versions = new HashMap<>();
            AvroKafkaDeserializer<Object> events = new AvroKafkaDeserializer<>();
            events.configure(Map.of("apicurio.registry.url", SchemaRegistryServer.url() + "/apis/registry/v3"), false);
            for (ConsumerRecord<byte[], byte[]> record : TopicContents.allRecords(brokers, "intake.person-events")) {
                if (record.key() != null && new String(record.key(), StandardCharsets.UTF_8).startsWith("poison-")) {
                    continue;
                }
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
            assertThat(inboxTotal(trajectory)).as("each person in exactly one inbox").isEqualTo(driver.people.size());
            long deadLettered = 0;
            for (String topic : List.of("intake.person-events.dlt", "trajectory.trajectory-events.dlt")) {
                List<ConsumerRecord<byte[], byte[]>> letters = TopicContents.allRecords(brokers, topic);
                deadLettered += letters.stream().map(r -> new String(r.key(), StandardCharsets.UTF_8)).distinct().count();
                for (String poisoned : run.poisoned) {
                    String[] where = poisoned.split("\\|");
                    if (topic.equals(where[0] + ".dlt")) {
                        assertThat(letters).as("%s on %s with its reason", where[1], topic).anyMatch(r ->
                                where[1].equals(new String(r.key(), StandardCharsets.UTF_8))
                                        && r.headers().lastHeader("kafka_dlt-exception-fqcn") != null);
                    }
                }
            }
            return new Row(scenario, driver.people.size(), driver.acknowledged.get(), driver.refused.get(), lost, duplicated,
                    deadLettered, recovery, total);
        }

        /** Records the services' consumer groups have not read yet, over the topics they consume. */
        private static long lag(BrokerProcess broker) throws Exception {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
                long lag = 0;
                for (String group : List.of("intake-service", "trajectory-service", "trajectory-service-erasures")) {
                    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                            .partitionsToOffsetAndMetadata().get();
                    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                    committed.keySet().stream().filter(p -> p.topic().endsWith("-events"))
                            .forEach(p -> latest.put(p, OffsetSpec.latest()));
                    var ends = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get();
                    for (var end : ends.entrySet()) {
                        lag += Math.max(0, end.getValue().offset() - committed.get(end.getKey()).offset());
                    }
                }
                return lag;
            }
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
