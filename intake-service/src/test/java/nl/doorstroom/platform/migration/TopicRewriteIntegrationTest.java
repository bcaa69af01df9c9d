package nl.doorstroom.platform.migration;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/**
 * A topic rewritten in place on the test broker keeps every committed record where it was, with its key, timestamp
 * and headers, loses the aborted ones, keeps its configs, and its consumer group resumes at the same logical record;
 * a rewrite that stopped after the copy is finished by the next call.
 */
class TopicRewriteIntegrationTest {

    private static final String BROKERS = System.getProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS);
    private static final int PARTITIONS = 3;
    private static final long T0 = 1_700_000_000_000L;
    private static final TopicRewrite.ValueRewriter UPPER_CASE =
            record -> new String(record.value(), UTF_8).toUpperCase(Locale.ROOT).getBytes(UTF_8);

    private final String topic = "rewrite-test-" + UUID.randomUUID();
    private final String group = "rewrite-test-group-" + UUID.randomUUID();
    private final TopicRewrite rewrite = new TopicRewrite(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BROKERS));
    private Admin admin;

    @BeforeEach
    void connect() {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BROKERS));
    }

    @AfterEach
    void disconnect() {
        admin.close();
    }

    @Test
    void rewritesEveryCommittedValueAndKeepsTheRestAndTheGroupsPlace() throws Exception {
        Fixture before = fixture();

        TopicRewrite.Report report = rewrite.rewrite(topic, UPPER_CASE);

        assertRewritten(before, report);
    }

    @Test
    void finishesARewriteThatStoppedAfterTheCopy() throws Exception {
        Fixture before = fixture();
        rewrite.copy(topic, UPPER_CASE);
        assertThat(admin.listTopics().names().get()).contains(topic + ".rewrite", topic + ".rewrite-offsets");

        TopicRewrite.Report report = rewrite.rewrite(topic, UPPER_CASE);

        assertRewritten(before, report);
    }

    @Test
    void finishesARewriteThatStoppedAfterDeletingTheOriginal() throws Exception {
        Fixture before = fixture();
        rewrite.copy(topic, UPPER_CASE);
        admin.deleteTopics(List.of(topic)).all().get();
        await().atMost(Duration.ofSeconds(30)).until(() -> !admin.listTopics().names().get().contains(topic));

        TopicRewrite.Report report = rewrite.rewrite(topic, UPPER_CASE);

        assertRewritten(before, report);
    }

    @Test
    void startsOverWhenTheCopyOfAnEarlierRunIsIncomplete() throws Exception {
        Fixture before = fixture();
        // a run that stopped during the copy leaves a partial copy and no checkpoint
        admin.createTopics(List.of(new NewTopic(topic + ".rewrite", PARTITIONS, (short) 1))).all().get();
        try (KafkaProducer<String, String> producer = producer(Map.of())) {
            producer.send(new ProducerRecord<>(topic + ".rewrite", 0, "partial", "PARTIAL")).get();
        }

        TopicRewrite.Report report = rewrite.rewrite(topic, UPPER_CASE);

        assertRewritten(before, report);
    }

    @Test
    void refusesWhileAGroupThatReadsTheTopicHasAnActiveMember() throws Exception {
        Fixture before = fixture();
        try (KafkaConsumer<String, String> member = consumer(Map.of(ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"))) {
            member.subscribe(List.of(topic));
            await("an assignment").atMost(Duration.ofSeconds(30)).until(() -> {
                member.poll(Duration.ofMillis(100));
                return !member.assignment().isEmpty();
            });

            assertThatThrownBy(() -> rewrite.rewrite(topic, UPPER_CASE))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(group)
                    .hasMessageContaining("active member");
        }
        assertThat(admin.listTopics().names().get()).doesNotContain(topic + ".rewrite", topic + ".rewrite-offsets");
        assertThat(contents()).isEqualTo(before.contents());
    }

    @Test
    void refusesATopicThatDoesNotExist() {
        assertThatThrownBy(() -> rewrite.rewrite(topic, UPPER_CASE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(topic)
                .hasMessageContaining("does not exist");
    }

    private void assertRewritten(Fixture before, TopicRewrite.Report report) throws Exception {
        assertThat(report).isEqualTo(new TopicRewrite.Report(topic, 10, 8, Map.of(group, 3L)));
        List<List<Copy>> after = contents();
        for (int partition = 0; partition < PARTITIONS; partition++) {
            assertThat(after.get(partition)).as("partition %d", partition)
                    .isEqualTo(before.contents().get(partition).stream().map(Copy::upperCased).toList());
        }
        assertThat(after.stream().flatMap(List::stream).map(Copy::value)).doesNotContain("ABORTED").containsOnlyOnce((String) null);
        for (int partition = 0; partition < PARTITIONS; partition++) {
            assertThat(next(partition)).as("the group's next record in partition %d", partition)
                    .isEqualTo(before.next().get(partition).map(Copy::upperCased));
        }
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        ConfigEntry retention = admin.describeConfigs(List.of(resource)).all().get().get(resource).get("retention.ms");
        assertThat(retention.value()).isEqualTo("-1");
        assertThat(retention.source()).isEqualTo(ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG);
        assertThat(admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()).hasSize(PARTITIONS);
        assertThat(admin.listTopics().names().get()).doesNotContain(topic + ".rewrite", topic + ".rewrite-offsets");
    }

    /**
     * Partition by partition, in offset order (aborted records and transaction markers take an offset each; a
     * transaction's markers are written after it ends, so one may land after a later record):
     * <pre>
     * 0: alpha beta [aborted abort] [gamma-0 commit] delta EPSILON   the group at delta
     * 1: one tombstone [aborted abort] [gamma-1 commit]              the group at the end
     * 2: [aborted abort] [gamma-2 commit] two                        the group at the abort marker, so next at gamma-2
     * </pre>
     */
    private Fixture fixture() throws Exception {
        admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1).configs(Map.of("retention.ms", "-1"))))
                .all().get();
        try (KafkaProducer<String, String> plain = producer(Map.of());
             KafkaProducer<String, String> transactional = producer(Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                     "rewrite-test-" + UUID.randomUUID()))) {
            send(plain, 0, "a", "alpha", 1);
            send(plain, 0, "b", "beta", 2);
            send(plain, 1, "c", "one", 3);
            send(plain, 1, "d", null, 4);
            transactional.initTransactions();
            transactional.beginTransaction();
            for (int partition = 0; partition < PARTITIONS; partition++) {
                send(transactional, partition, "x", "aborted", 10);
            }
            transactional.abortTransaction();
            transactional.beginTransaction();
            for (int partition = 0; partition < PARTITIONS; partition++) {
                send(transactional, partition, "g" + partition, "gamma-" + partition, 20 + partition);
            }
            transactional.commitTransaction();
            send(plain, 0, "e", "delta", 30);
            send(plain, 0, "f", "EPSILON", 31);
            send(plain, 2, "h", "two", 32);
        }
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int partition = 0; partition < PARTITIONS; partition++) {
            latest.put(new TopicPartition(topic, partition), OffsetSpec.latest());
        }
        // the markers are written after the transaction ends; until then the copy would see an open transaction
        await("the transaction markers").atMost(Duration.ofSeconds(30)).until(() ->
                offsets(admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get())
                        .equals(offsets(admin.listOffsets(latest).all().get())));
        long end = admin.listOffsets(Map.of(new TopicPartition(topic, 1), OffsetSpec.latest())).all().get()
                .get(new TopicPartition(topic, 1)).offset();
        try (KafkaConsumer<String, String> committer = consumer(Map.of(ConsumerConfig.GROUP_ID_CONFIG, group))) {
            // assigned, not subscribed: the group commits but has no member
            committer.commitSync(Map.of(
                    new TopicPartition(topic, 0), new OffsetAndMetadata(offsetOf(0, "e")),
                    new TopicPartition(topic, 1), new OffsetAndMetadata(end),
                    new TopicPartition(topic, 2), new OffsetAndMetadata(offsetOf(2, "g2") - 1)));
        }
        List<Optional<Copy>> next = new ArrayList<>();
        for (int partition = 0; partition < PARTITIONS; partition++) {
            next.add(next(partition));
        }
        assertThat(next).containsExactly(Optional.of(new Copy("e", "delta", T0 + 30, List.of("source=test", "n=30"))),
                Optional.empty(), Optional.of(new Copy("g2", "gamma-2", T0 + 22, List.of("source=test", "n=22"))));
        return new Fixture(contents(), next);
    }

    private void send(KafkaProducer<String, String> producer, int partition, String key, String value, int n)
            throws InterruptedException, ExecutionException {
        producer.send(new ProducerRecord<>(topic, partition, T0 + n, key, value, List.of(
                new RecordHeader("source", "test".getBytes(UTF_8)),
                new RecordHeader("n", Integer.toString(n).getBytes(UTF_8))))).get();
    }

    /** Every committed record, per partition in offset order. */
    private List<List<Copy>> contents() {
        List<List<Copy>> partitions = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer(Map.of())) {
            for (int partition = 0; partition < PARTITIONS; partition++) {
                TopicPartition assigned = new TopicPartition(topic, partition);
                consumer.assign(List.of(assigned));
                consumer.seekToBeginning(List.of(assigned));
                long end = consumer.endOffsets(List.of(assigned)).get(assigned);
                List<Copy> records = new ArrayList<>();
                while (consumer.position(assigned) < end) {
                    consumer.poll(Duration.ofMillis(200)).forEach(record -> records.add(Copy.of(record)));
                }
                partitions.add(records);
            }
        }
        return partitions;
    }

    private static Map<TopicPartition, Long> offsets(Map<TopicPartition, ListOffsetsResultInfo> listed) {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        listed.forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    private long offsetOf(int partition, String key) {
        try (KafkaConsumer<String, String> consumer = consumer(Map.of())) {
            TopicPartition assigned = new TopicPartition(topic, partition);
            consumer.assign(List.of(assigned));
            consumer.seekToBeginning(List.of(assigned));
            long end = consumer.endOffsets(List.of(assigned)).get(assigned);
            while (consumer.position(assigned) < end) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        return record.offset();
                    }
                }
            }
        }
        throw new AssertionError("no record with key " + key + " in partition " + partition);
    }

    /** The record the group reads next in the partition; empty when it is at the end. */
    private Optional<Copy> next(int partition) {
        TopicPartition assigned = new TopicPartition(topic, partition);
        try (KafkaConsumer<String, String> consumer = consumer(Map.of(ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none"))) {
            consumer.assign(List.of(assigned));
            if (consumer.position(assigned) == consumer.endOffsets(List.of(assigned)).get(assigned)) {
                return Optional.empty();
            }
            List<ConsumerRecord<String, String>> polled = new ArrayList<>();
            await("the group's next record").atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(100)).forEach(polled::add);
                return !polled.isEmpty();
            });
            return Optional.of(Copy.of(polled.getFirst()));
        }
    }

    private static KafkaProducer<String, String> producer(Map<String, Object> more) {
        Map<String, Object> properties = new HashMap<>(more);
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BROKERS);
        return new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer(Map<String, Object> more) {
        Map<String, Object> properties = new HashMap<>(more);
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BROKERS);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
    }

    /** The topic's committed records before the rewrite, and the record the group would read next per partition. */
    private record Fixture(List<List<Copy>> contents, List<Optional<Copy>> next) {
    }

    /** What of a record must survive a rewrite: headers as name=value, in order. */
    private record Copy(String key, String value, long timestamp, List<String> headers) {

        static Copy of(ConsumerRecord<String, String> record) {
            List<String> headers = new ArrayList<>();
            record.headers().forEach(header -> headers.add(header.key() + "=" + new String(header.value(), UTF_8)));
            return new Copy(record.key(), record.value(), record.timestamp(), headers);
        }

        Copy upperCased() {
            return new Copy(key, value == null ? null : value.toUpperCase(Locale.ROOT), timestamp, headers);
        }
    }
}
