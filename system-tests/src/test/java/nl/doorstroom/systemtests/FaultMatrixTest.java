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
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import nl.doorstroom.platform.test.SchemaRegistryServer;
import nl.doorstroom.platform.test.TestTokens;
import nl.doorstroom.platform.test.TopicContents;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The promise under faults (issue 13). A broker of its own (a child process, so it can be killed), the shared registry
 * and intake and trajectory as processes, started once; then one scenario at a time: a population of its own is
 * driven through registration, early intake and link (every tenth person's early intake corrected, every twentieth
 * re-linked) while one fault is injected once a third of it is through. The oracles, computed from what the driver was
 * told, must then hold for this population and everyone driven before it. The driver behaves like a careful client:
 * every change carries an Idempotency-Key and is sent again after a 503 or a lost answer, so a change is acknowledged
 * once or not at all. Size per scenario: {@code -Ddoorstroom.faults.people} (CI: 1,000; the full run: 10,000). The
 * rows go to {@code target/fault-matrix.md}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultMatrixTest {

    private static final int PEOPLE = Integer.getInteger("doorstroom.faults.people", 1000);
    private static final List<String> MUNICIPALITIES = List.of("GM0344", "GM0307", "GM0356", "GM0363");
    /** How long the driver waits to send again when no answer came (a lost connection; no Retry-After to go by). */
    private static final Duration RECONNECT = Duration.ofSeconds(1);
    private static final int CALLERS = Integer.getInteger("doorstroom.faults.callers", 16);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** How long a change may take to be acknowledged, or the platform to become consistent: longer for more people. */
    private static final Duration GIVE_UP = Duration.ofMinutes(Integer.getInteger("doorstroom.faults.give-up.minutes",
            Math.max(5, PEOPLE / 200)));

    private FaultRun run;

    @BeforeAll
    void startThePlatform() {
        run = FaultRun.start();
    }

    @AfterAll
    void stopThePlatform() {
        if (run != null) {
            run.close();
        }
    }

    @Test
    @Order(1)
    void aPoisonRecordOnEveryConsumedTopic() throws Exception {
        scenario("a poison record (not Avro, an unknown schema id) on every consumed topic", FaultRun::poison);
    }

    @Test
    @Order(2)
    void theBrokerKilledForThirtySeconds() throws Exception {
        scenario("the broker killed (SIGKILL) for 30 s and started again", run -> {
            run.broker.kill();
            pause(Duration.ofSeconds(30));
            run.broker.startAgain();
        });
    }

    @Test
    @Order(3)
    void intakeKilledMidStream() throws Exception {
        scenario("intake-service killed (SIGKILL) and started again", run -> {
            run.intake.kill();
            pause(Duration.ofSeconds(5));
            run.intake = run.intake.startAgain("restarted");
        });
    }

    @Test
    @Order(4)
    void trajectoryKilledWithItsStreamsState() throws Exception {
        scenario("trajectory-service (Streams state) killed (SIGKILL) and started again", run -> {
            run.trajectory.kill();
            pause(Duration.ofSeconds(5));
            run.trajectory = run.trajectory.startAgain("restarted");
        });
    }

    @Test
    @Order(5)
    void theRegistryAwayForSixtySecondsWhileAServiceStarts() throws Exception {
        scenario("the schema registry unavailable (SIGSTOP) for 60 s; trajectory-service killed and started again in it", run -> {
            SchemaRegistryServer.pause();
            try {
                pause(Duration.ofSeconds(10));
                run.trajectory.kill();
                run.trajectory = run.trajectory.startAgain("during-registry-outage");
                pause(Duration.ofSeconds(50));
            } finally {
                SchemaRegistryServer.resume();
            }
        });
    }

    @Test
    @Order(6)
    void aSecondTrajectoryInstanceJoinsAndLeaves() throws Exception {
        scenario("a second trajectory-service instance joins, then leaves", run -> {
            try (ServiceProcess second = ServiceProcess.start("trajectory-service", "faults-trajectory-service-2",
                    RunningPlatform.settings("trajectory-service", run.broker.bootstrapServers()))) {
                second.awaitReady(Duration.ofSeconds(180));
                Driver driver = run.drivers.getLast();
                int through = driver.finished.get();
                Awaitility.await("another tenth of the people through while both instances hold partitions")
                        .atMost(GIVE_UP).until(() -> driver.finished.get() >= Math.min(PEOPLE, through + PEOPLE / 10));
            }
        });
    }

    /**
     * A population of its own driven through the running platform, the fault injected once a third is through; the
     * oracles hold for this population and for everyone driven before it.
     */
    private void scenario(String name, Fault fault) throws Exception {
        long start = System.nanoTime();
        Driver driver = run.drive(PEOPLE);
        Awaitility.await("a third of the people through").atMost(GIVE_UP).until(() -> driver.finished.get() >= PEOPLE / 3);
        fault.inject(run);
        driver.done();
        long lastWrite = System.nanoTime();
        Oracles.awaitConsistent(run);
        Row row = Oracles.check(run, driver, name, Duration.ofNanos(System.nanoTime() - lastWrite),
                Duration.ofNanos(System.nanoTime() - start));
        report(row);
        assertThat(row.lost()).as("lost").isZero();
        assertThat(row.duplicated()).as("duplicated").isZero();
        assertThat(row.wrongBefore()).as("lost or duplicated among the people of earlier scenarios").isZero();
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

        /** Topics read by a consumer group, which puts what it cannot read on {@code <topic>.dlt}. */
        static final List<String> READ_BY_A_GROUP = List.of("intake.person-events", "trajectory.trajectory-events",
                "intake.person-events.write-proposals", "trajectory.trajectory-events.write-proposals",
                "intake.person-events.write-claims", "trajectory.trajectory-events.write-claims");
        /**
         * Topics every instance reads whole for itself: it skips and logs what it cannot read (a dead letter from
         * each instance would be a copy per instance), and reads on.
         */
        static final List<String> READ_BY_EVERY_INSTANCE = List.of("privacy.subject-keys",
                "intake.person-events.write-outcomes", "trajectory.trajectory-events.write-outcomes",
                "platform.dead-letter-replays");

        final BrokerProcess broker;
        volatile ServiceProcess intake;
        volatile ServiceProcess trajectory;
        final List<Driver> drivers = new ArrayList<>();
        final List<String> poisoned = new ArrayList<>();

        private FaultRun(BrokerProcess broker, ServiceProcess intake, ServiceProcess trajectory) {
            this.broker = broker;
            this.intake = intake;
            this.trajectory = trajectory;
        }

        static FaultRun start() {
            BrokerProcess broker = BrokerProcess.start();
            return new FaultRun(broker, service("intake-service", broker), service("trajectory-service", broker));
        }

        /** A new population of {@code size}, driven through intake from now on. */
        Driver drive(int size) {
            int first = drivers.stream().mapToInt(d -> d.people.size()).sum();
            Driver driver = new Driver(intake.baseUrl(), first, size);
            drivers.add(driver);
            return driver;
        }

        /** Everyone driven all the way through so far (a scenario that failed leaves its stragglers out). */
        List<Person> everyone() {
            return drivers.stream().flatMap(d -> d.people.stream()).filter(p -> p.through).toList();
        }

        /** Every person whose registration was acknowledged. */
        List<String> registered() {
            return drivers.stream().flatMap(d -> d.people.stream()).map(p -> p.id).filter(Objects::nonNull).toList();
        }

        /** Bytes that are not Avro, and a record naming a schema id the registry never gave, on each consumed topic. */
        void poison() {
            byte[] unknownSchema = ByteBuffer.allocate(9).put((byte) 0).putInt(987_654_321).putInt(42).array();
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
                for (String topic : concat(READ_BY_A_GROUP, READ_BY_EVERY_INSTANCE)) {
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

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> both = new ArrayList<>(first);
        both.addAll(second);
        return both;
    }

    private static ServiceProcess service(String name, BrokerProcess broker) {
        Map<String, String> settings = RunningPlatform.settings(name, broker.bootstrapServers());
        return ServiceProcess.start(name, "faults-" + name, settings).awaitReady(Duration.ofSeconds(180));
    }

    /** One scenario's figures. */
    record Row(String scenario, int people, long acknowledged, long refused, long lost, long duplicated,
               long wrongBefore, long deadLettered, Duration recovery, Duration total) {
    }

    private static void report(Row row) throws IOException {
        Path file = Path.of("target", "fault-matrix.md");
        if (!Files.exists(file)) {
            Files.writeString(file, """
                    | scenario | people | acknowledged writes | answered 503 or not at all (sent again) | lost | duplicated | dead letters (all so far) | consistent after the last write | scenario took |
                    |---|---|---|---|---|---|---|---|---|
                    """);
        }
        Files.writeString(file, "| %s | %d | %d | %d | %d | %d | %d | %d s | %d s |%n".formatted(row.scenario(), row.people(),
                row.acknowledged(), row.refused(), row.lost(), row.duplicated(), row.deadLettered(),
                row.recovery().toSeconds(), row.total().toSeconds()), StandardOpenOption.APPEND);
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
        volatile boolean through;
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
        private final List<Future<Object>> each;

        /** Starts driving {@code size} people, numbered from {@code first}, {@value #CALLERS} at a time. */
        Driver(String intake, int first, int size) {
            this.intake = intake;
            long vNumbers = 1_000_000_000L + Math.abs(UUID.randomUUID().getMostSignificantBits() % 7_000_000_000L);
            for (int i = first; i < first + size; i++) {
                people.add(new Person(i, "%010d".formatted(vNumbers + i)));
            }
            ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
            each = people.stream().map(p -> callers.submit(() -> {
                through(p);
                return null;
            })).toList();
            callers.shutdown();
        }

        /** Waits until every person is through; fails with the first person who could not be. */
        void done() throws Exception {
            for (Future<?> person : each) {
                person.get();
            }
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
            person.through = true;
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
            Duration backOff;
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
                    String retryAfter = response.headers().firstValue("Retry-After").orElseThrow(() ->
                            new IllegalStateException(method + " " + path + " answered 503 without Retry-After"));
                    refused.incrementAndGet();
                    backOff = Duration.ofSeconds(Long.parseLong(retryAfter));
                } catch (IOException e) {
                    // the answer was lost: the same Idempotency-Key makes sending it again safe
                    refused.incrementAndGet();
                    backOff = RECONNECT;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(method + " " + path + " not acknowledged within " + GIVE_UP);
                }
                // as the service asked (Retry-After), or a client's pause before it connects again
                Thread.sleep(backOff);
            }
        }
    }

    /** What must hold afterwards, computed from what the driver was told. */
    static final class Oracles {

        /**
         * One client for every read of the oracles: a client per read kept its sockets and selector until collected,
         * and the second 10,000-person scenario in one run ran out of file descriptors.
         */
        private static final HttpClient READS = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

        /**
         * Waits until everyone acknowledged so far is in their municipality's inbox and the services have read every
         * record of the topics they consume (no consumer lag).
         */
        static void awaitConsistent(FaultRun run) {
            int everyone = run.everyone().size();
            Awaitility.await("every acknowledged person in their inbox, no consumer lag").atMost(GIVE_UP)
                    .pollInterval(Duration.ofSeconds(1)).until(() -> {
                        int inbox = inboxTotal(run.trajectory.baseUrl());
                        Map<String, Long> lag = inbox == everyone ? lag(run.broker) : Map.of();
                        System.out.printf("awaiting consistency: %d of %d in an inbox, lag %s%n", inbox, everyone, lag);
                        return inbox == everyone && lag.isEmpty();
                    });
        }

        /**
         * The scenario's figures, and the oracles over everyone driven so far: each acknowledged person in exactly one
         * inbox with their latest early intake; on the event topic every acknowledged change once, in version order,
         * and no person the driver was not told about (a refused registration left nothing behind); every poison
         * record on its dead-letter topic with the reason.
         */
        static Row check(FaultRun run, Driver driver, String scenario, Duration recovery, Duration total) throws Exception {
            List<Person> everyone = run.everyone();
            String trajectory = run.trajectory.baseUrl();
            String brokers = run.broker.bootstrapServers();
            Map<Person, Long> lost = new ConcurrentHashMap<>();
            List<Future<Object>> reads = new ArrayList<>();
            try (ExecutorService readers = Executors.newFixedThreadPool(CALLERS)) {
                for (Person person : everyone) {
                    reads.add(readers.submit(() -> {
                        HttpResponse<String> dossier = get(trajectory + "/api/v1/municipalities/" + person.municipality
                                + "/handovers/" + person.id, TestTokens.caseWorker(person.municipality));
                        if (dossier.statusCode() != 200 || JSON.readTree(dossier.body())
                                .at("/earlyIntake/availability/hoursPerWeek").asInt() != person.hoursPerWeek) {
                            lost.merge(person, 1L, Long::sum);
                        }
                        return null;
                    }));
                }
            }
            for (Future<Object> read : reads) {
                read.get();
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
            Map<Person, Long> duplicated = new HashMap<>();
            long outOfOrder = 0;
            for (Person person : everyone) {
                List<Integer> seen = versions.getOrDefault(person.id, List.of());
                long distinct = seen.stream().distinct().count();
                duplicated.merge(person, seen.size() - distinct + Math.max(0, distinct - person.acknowledgedChanges.get()), Long::sum);
                lost.merge(person, Math.max(0, person.acknowledgedChanges.get() - distinct), Long::sum);
                for (int i = 1; i < seen.size(); i++) {
                    if (seen.get(i) <= seen.get(i - 1)) {
                        outOfOrder++;
                    }
                }
            }
            assertThat(outOfOrder).as("versions strictly increase per person, in the topic's order").isZero();
            assertThat(versions.keySet()).as("only the people the driver was told about: a refused write left nothing")
                    .containsExactlyInAnyOrderElementsOf(run.registered());
            assertThat(inboxTotal(trajectory)).as("each person in exactly one inbox").isEqualTo(everyone.size());
            long deadLettered = 0;
            for (String topic : concat(FaultRun.READ_BY_A_GROUP, FaultRun.READ_BY_EVERY_INSTANCE)) {
                List<ConsumerRecord<byte[], byte[]>> letters = TopicContents.allRecords(brokers, topic + ".dlt");
                deadLettered += letters.size();
                for (String poisoned : run.poisoned) {
                    String[] where = poisoned.split("\\|");
                    if (!topic.equals(where[0])) {
                        continue;
                    }
                    var withItsReason = letters.stream().filter(r -> where[1].equals(new String(r.key(), StandardCharsets.UTF_8))
                            && r.headers().lastHeader("kafka_dlt-exception-fqcn") != null);
                    if (FaultRun.READ_BY_A_GROUP.contains(topic)) {
                        assertThat(withItsReason.count()).as("%s on %s.dlt with its reason", where[1], topic).isPositive();
                    } else {
                        assertThat(withItsReason.count()).as("%s skipped by each instance, not dead-lettered", where[1]).isZero();
                    }
                }
            }
            return new Row(scenario, driver.people.size(), driver.acknowledged.get(), driver.refused.get(),
                    driver.people.stream().mapToLong(p -> lost.getOrDefault(p, 0L)).sum(),
                    driver.people.stream().mapToLong(p -> duplicated.getOrDefault(p, 0L)).sum(),
                    everyone.stream().mapToLong(p -> lost.getOrDefault(p, 0L) + duplicated.getOrDefault(p, 0L)).sum(),
                    deadLettered, recovery, total);
        }

        /** Per consumer group (listeners and Streams), the records it has not read yet over the topics it reads. */
        private static Map<String, Long> lag(BrokerProcess broker) throws Exception {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
                Map<String, Long> lag = new TreeMap<>();
                for (var group : admin.listGroups().all().get()) {
                    Map<TopicPartition, Long> committed = new HashMap<>();
                    admin.listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata().get()
                            .forEach((partition, offset) -> {
                                if (offset != null) {
                                    committed.put(partition, offset.offset());
                                }
                            });
                    long unread = TopicContents.recordsAfter(broker.bootstrapServers(), committed);
                    if (unread > 0) {
                        lag.put(group.groupId() + " " + committed, unread);
                    }
                }
                return lag;
            }
        }

        private static int inboxTotal(String trajectory) throws Exception {
            int total = 0;
            for (String municipality : MUNICIPALITIES) {
                HttpResponse<String> inbox;
                try {
                    inbox = get(trajectory + "/api/v1/municipalities/" + municipality + "/handovers?pageSize=1",
                            TestTokens.caseWorker(municipality));
                } catch (IOException e) {
                    return -1; // a restarted service not listening yet
                }
                if (inbox.statusCode() != 200) {
                    return -1;
                }
                total += JSON.readTree(inbox.body()).get("total").asInt();
            }
            return total;
        }

        private static HttpResponse<String> get(String uri, String token) throws Exception {
            return READS.send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(20))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
    }
}
