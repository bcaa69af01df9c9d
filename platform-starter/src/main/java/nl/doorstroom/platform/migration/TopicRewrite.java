package nl.doorstroom.platform.migration;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.ListStreamsGroupOffsetsSpec;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Rewrites a topic in place, offline: every committed record goes through a {@link ValueRewriter}, keeps its
 * partition, key, timestamp and headers, and every consumer group (Kafka Streams applications included) resumes at
 * the same logical record. A topic is an immutable log, so the records are copied to {@code <topic>.rewrite}, the
 * topic is deleted and recreated with the same partitions, replication factor and non-default configs, and the copy
 * is copied back.
 * <p>
 * Every service that reads or writes the topic must be stopped first: a group with active members is refused, and a
 * record written during the rewrite is lost. A run that stopped half way is resumed by calling {@link #rewrite}
 * again with the same rewriter: the committed offsets are kept in {@code <topic>.rewrite-offsets}, written once the
 * copy is complete and before the original is deleted, so a resume never needs the original.
 */
public final class TopicRewrite {

    /** Header on each record of the copy: its offset in the original topic, an 8-byte big-endian long. */
    private static final String SOURCE_OFFSET = "doorstroom-rewrite-source-offset";

    /** Key of the checkpoint's last record, "records changed": no group key can equal it, those hold a '|'. */
    private static final String COPY_DONE = "copy";
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration TOPIC_DELETION = Duration.ofMinutes(2);

    private final Map<String, Object> clients;

    /** @param clients Kafka client properties, at least {@code bootstrap.servers} */
    public TopicRewrite(Map<String, Object> clients) {
        this.clients = Map.copyOf(clients);
    }

    /** The new value of one record; it may return the same array. Never called for a tombstone. */
    @FunctionalInterface
    public interface ValueRewriter {
        byte[] rewrite(ConsumerRecord<byte[], byte[]> record);
    }

    /**
     * What a rewrite did.
     *
     * @param records     records copied (committed records only: aborted ones and transaction markers are dropped)
     * @param changed     records whose value the rewriter changed
     * @param groupsMoved per consumer group, the number of partitions whose committed offset was translated
     */
    public record Report(String topic, long records, long changed, Map<String, Long> groupsMoved) {

        public Report {
            groupsMoved = Map.copyOf(groupsMoved);
        }
    }

    /**
     * Rewrites every value of {@code topic}, or finishes a rewrite of it that stopped half way.
     *
     * @throws IllegalStateException when the topic does not exist, a group that reads it has active members, or a
     *                               transaction on it is still open
     */
    public Report rewrite(String topic, ValueRewriter rewriter) {
        try (Admin admin = Admin.create(clients)) {
            Set<String> topics = topics(admin);
            Optional<Checkpoint> checkpoint = topics.contains(offsetsTopic(topic))
                    ? readCheckpoint(topic) : Optional.empty();
            if (checkpoint.isPresent() && !topics.contains(copyTopic(topic))) {
                // only the clean-up was left: copying again would rewrite rewritten values
                delete(admin, offsetsTopic(topic));
                return checkpoint.get().report(topic, checkpoint.get().records());
            }
            if (checkpoint.isEmpty()) {
                checkpoint = Optional.of(copy(admin, topic, rewriter));
            }
            return copyBack(admin, topic, checkpoint.get());
        }
    }

    /**
     * The copy and its checkpoint, the original left as it was: package-private, so a test can stop a rewrite where a
     * crash would.
     */
    void copy(String topic, ValueRewriter rewriter) {
        try (Admin admin = Admin.create(clients)) {
            copy(admin, topic, rewriter);
        }
    }

    private Checkpoint copy(Admin admin, String topic, ValueRewriter rewriter) {
        Set<String> topics = topics(admin);
        if (!topics.contains(topic)) {
            throw new IllegalStateException("Topic " + topic + " does not exist");
        }
        Layout layout = layout(admin, topic);
        Map<String, Map<Integer, Long>> committed = committedOffsets(admin, topic, layout.partitions());
        refuseActiveMembers(admin, topic, committed.keySet());
        refuseOpenTransactions(admin, topic, layout.partitions());
        // leftovers of a run that stopped before its checkpoint was complete: the original is still whole
        for (String leftover : List.of(copyTopic(topic), offsetsTopic(topic))) {
            if (topics.contains(leftover)) {
                delete(admin, leftover);
            }
        }

        create(admin, layout.topic(copyTopic(topic)));
        long[] changed = {0};
        long records = copy(topic, layout.partitions(), record -> {
            byte[] value = record.value() == null ? null : rewriter.rewrite(record);
            if (!Arrays.equals(value, record.value())) {
                changed[0]++;
            }
            List<Header> headers = new ArrayList<>();
            record.headers().forEach(headers::add);
            headers.add(new RecordHeader(SOURCE_OFFSET, ByteBuffer.allocate(Long.BYTES).putLong(record.offset()).array()));
            return new ProducerRecord<>(copyTopic(topic), record.partition(), record.timestamp(), record.key(), value,
                    headers);
        });
        Checkpoint checkpoint = new Checkpoint(committed, records, changed[0]);
        writeCheckpoint(admin, topic, layout.replication(), checkpoint);
        return checkpoint;
    }

    /** The original recreated from the copy, the groups' offsets translated, the temporary topics gone. */
    private Report copyBack(Admin admin, String topic, Checkpoint checkpoint) {
        refuseActiveMembers(admin, topic, checkpoint.committed().keySet());
        Layout layout = layout(admin, copyTopic(topic));
        if (topics(admin).contains(topic)) {
            delete(admin, topic);
        }
        create(admin, layout.topic(topic));

        // a committed offset N becomes the number of copied records whose source offset is below N
        Map<String, Map<Integer, Long>> translated = new HashMap<>();
        checkpoint.committed().forEach((group, offsets) -> offsets.keySet()
                .forEach(partition -> translated.computeIfAbsent(group, g -> new HashMap<>()).put(partition, 0L)));
        long records = copy(copyTopic(topic), layout.partitions(), record -> {
            long source = ByteBuffer.wrap(record.headers().lastHeader(SOURCE_OFFSET).value()).getLong();
            checkpoint.committed().forEach((group, offsets) -> {
                Long committed = offsets.get(record.partition());
                if (committed != null && source < committed) {
                    translated.get(group).merge(record.partition(), 1L, Long::sum);
                }
            });
            List<Header> headers = new ArrayList<>();
            record.headers().forEach(header -> {
                if (!SOURCE_OFFSET.equals(header.key())) {
                    headers.add(header);
                }
            });
            return new ProducerRecord<>(topic, record.partition(), record.timestamp(), record.key(), record.value(),
                    headers);
        });
        translated.forEach((group, offsets) -> get(admin.alterConsumerGroupOffsets(group, offsets.entrySet().stream()
                .collect(Collectors.toMap(e -> new TopicPartition(topic, e.getKey()),
                        e -> new OffsetAndMetadata(e.getValue())))).all()));

        // the copy first: a checkpoint without a copy means only this clean-up was left
        delete(admin, copyTopic(topic));
        delete(admin, offsetsTopic(topic));
        return checkpoint.report(topic, records);
    }

    /**
     * Copies every committed record of {@code from}, up to the end offsets at the start, to what {@code copyOf}
     * makes of it, and waits until all are acknowledged.
     *
     * @return the number of records copied
     */
    private long copy(String from, int partitions,
                      Function<ConsumerRecord<byte[], byte[]>, ProducerRecord<byte[], byte[]>> copyOf) {
        long records = 0;
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProperties(),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProperties(),
                     new ByteArraySerializer(), new ByteArraySerializer())) {
            List<TopicPartition> all = partitions(from, partitions);
            consumer.assign(all);
            consumer.seekToBeginning(all);
            Map<TopicPartition, Long> end = consumer.endOffsets(all);
            while (all.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        producer.send(copyOf.apply(record), (metadata, e) -> {
                            if (e != null) {
                                failure.compareAndSet(null, e);
                            }
                        });
                        records++;
                    }
                }
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("Copying " + from + " failed", failure.get());
        }
        return records;
    }

    /** Per group, per partition of {@code topic}, the committed offset: the next record the group reads. */
    private static Map<String, Map<Integer, Long>> committedOffsets(Admin admin, String topic, int partitions) {
        Collection<GroupListing> groups = get(admin.listGroups().all());
        List<TopicPartition> all = partitions(topic, partitions);
        Map<String, ListConsumerGroupOffsetsSpec> consumerGroups = new HashMap<>();
        Map<String, ListStreamsGroupOffsetsSpec> streamsGroups = new HashMap<>();
        for (GroupListing group : groups) {
            switch (group.type().orElse(GroupType.CLASSIC)) {
                case CLASSIC, CONSUMER ->
                        consumerGroups.put(group.groupId(), new ListConsumerGroupOffsetsSpec().topicPartitions(all));
                case STREAMS ->
                        streamsGroups.put(group.groupId(), new ListStreamsGroupOffsetsSpec().topicPartitions(all));
                default -> {
                    // share groups commit no offsets
                }
            }
        }
        if (!streamsGroups.isEmpty()) {
            // KIP-1071 groups need their own offset API; Doorstroom's Streams applications use the classic protocol
            get(admin.listStreamsGroupOffsets(streamsGroups).all()).forEach((group, offsets) -> {
                if (offsets.values().stream().anyMatch(o -> o != null)) {
                    throw new IllegalStateException("Streams group " + group + " has offsets on " + topic
                            + "; groups of the streams protocol are not supported");
                }
            });
        }
        Map<String, Map<Integer, Long>> committed = new TreeMap<>();
        if (consumerGroups.isEmpty()) {
            return committed;
        }
        get(admin.listConsumerGroupOffsets(consumerGroups).all()).forEach((group, offsets) -> offsets.forEach(
                (partition, offset) -> {
                    if (offset != null) {
                        committed.computeIfAbsent(group, g -> new TreeMap<>()).put(partition.partition(), offset.offset());
                    }
                }));
        return committed;
    }

    private static void refuseActiveMembers(Admin admin, String topic, Set<String> groups) {
        if (groups.isEmpty()) {
            return;
        }
        for (ConsumerGroupDescription group : get(admin.describeConsumerGroups(groups).all()).values()) {
            if (!group.members().isEmpty()) {
                throw new IllegalStateException("Consumer group " + group.groupId() + " reads " + topic + " and has "
                        + group.members().size() + " active member(s); stop its services before rewriting " + topic);
            }
        }
    }

    /** A read-committed copy stops at the first open transaction: what follows it would be lost. */
    private static void refuseOpenTransactions(Admin admin, String topic, int partitions) {
        Map<TopicPartition, OffsetSpec> latest = partitions(topic, partitions).stream()
                .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResultInfo> stable = get(admin.listOffsets(latest,
                new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all());
        Map<TopicPartition, ListOffsetsResultInfo> written = get(admin.listOffsets(latest).all());
        for (TopicPartition partition : latest.keySet()) {
            if (stable.get(partition).offset() != written.get(partition).offset()) {
                throw new IllegalStateException("Partition " + partition + " has an open transaction; stop its "
                        + "producers and wait for transaction.timeout.ms before rewriting " + topic);
            }
        }
    }

    /**
     * Stores the committed offsets, then the copy's counts. The producer is idempotent and writes one partition in
     * order, so the counts being there means everything before them is too.
     */
    private void writeCheckpoint(Admin admin, String topic, short replication, Checkpoint checkpoint) {
        create(admin, new NewTopic(offsetsTopic(topic), 1, replication)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProperties(),
                new StringSerializer(), new StringSerializer())) {
            List<Future<?>> sent = new ArrayList<>();
            checkpoint.committed().forEach((group, offsets) -> offsets.forEach((partition, offset) -> sent.add(
                    producer.send(new ProducerRecord<>(offsetsTopic(topic), 0, group + "|" + partition,
                            Long.toString(offset))))));
            sent.add(producer.send(new ProducerRecord<>(offsetsTopic(topic), 0, COPY_DONE,
                    checkpoint.records() + " " + checkpoint.changed())));
            producer.flush();
            sent.forEach(TopicRewrite::get);
        }
    }

    /** The checkpoint of an earlier run; empty when that run stopped before the checkpoint was complete. */
    private Optional<Checkpoint> readCheckpoint(String topic) {
        Map<String, Map<Integer, Long>> committed = new TreeMap<>();
        String copy = null;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProperties(),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> all = partitions(offsetsTopic(topic), 1);
            consumer.assign(all);
            consumer.seekToBeginning(all);
            long end = consumer.endOffsets(all).get(all.getFirst());
            while (consumer.position(all.getFirst()) < end) {
                for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                    if (COPY_DONE.equals(record.key())) {
                        copy = record.value();
                    } else {
                        int bar = record.key().lastIndexOf('|');
                        committed.computeIfAbsent(record.key().substring(0, bar), g -> new TreeMap<>())
                                .put(Integer.parseInt(record.key().substring(bar + 1)), Long.parseLong(record.value()));
                    }
                }
            }
        }
        if (copy == null) {
            return Optional.empty();
        }
        String[] counts = copy.split(" ");
        return Optional.of(new Checkpoint(committed, Long.parseLong(counts[0]), Long.parseLong(counts[1])));
    }

    private static Layout layout(Admin admin, String topic) {
        TopicDescription description = get(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic);
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = get(admin.describeConfigs(List.of(resource)).all()).get(resource);
        Map<String, String> configs = config.entries().stream()
                .filter(entry -> entry.source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG)
                .collect(Collectors.toMap(ConfigEntry::name, ConfigEntry::value));
        return new Layout(description.partitions().size(),
                (short) description.partitions().getFirst().replicas().size(), configs);
    }

    private static void create(Admin admin, NewTopic topic) {
        get(admin.createTopics(List.of(topic)).all());
    }

    /** Deletes a topic and waits until the broker no longer lists it: deletion completes asynchronously. */
    private static void delete(Admin admin, String topic) {
        get(admin.deleteTopics(List.of(topic)).all());
        long deadline = System.nanoTime() + TOPIC_DELETION.toNanos();
        while (topics(admin).contains(topic)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Topic " + topic + " is still listed " + TOPIC_DELETION + " after its deletion");
            }
            // the Admin API has no call that waits for a deletion to reach every broker
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the deletion of " + topic, e);
            }
        }
    }

    private static Set<String> topics(Admin admin) {
        return get(admin.listTopics().names());
    }

    private static List<TopicPartition> partitions(String topic, int partitions) {
        return IntStream.range(0, partitions).mapToObj(p -> new TopicPartition(topic, p)).toList();
    }

    private Map<String, Object> consumerProperties() {
        Map<String, Object> properties = new HashMap<>(clients);
        // assigned, not subscribed: the copy must neither join nor commit for any group
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
        return properties;
    }

    private Map<String, Object> producerProperties() {
        Map<String, Object> properties = new HashMap<>(clients);
        properties.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        return properties;
    }

    private static <T> T get(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the broker", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        }
    }

    private static String copyTopic(String topic) {
        return topic + ".rewrite";
    }

    private static String offsetsTopic(String topic) {
        return topic + ".rewrite-offsets";
    }

    /** What a topic is recreated with. */
    private record Layout(int partitions, short replication, Map<String, String> configs) {

        NewTopic topic(String name) {
            return new NewTopic(name, partitions, replication).configs(configs);
        }
    }

    /** What survives the original's deletion: the groups' committed offsets on it and the copy's counts. */
    private record Checkpoint(Map<String, Map<Integer, Long>> committed, long records, long changed) {

        Report report(String topic, long copiedBack) {
            Map<String, Long> moved = new TreeMap<>();
            committed.forEach((group, offsets) -> moved.put(group, (long) offsets.size()));
            return new Report(topic, copiedBack, changed, moved);
        }
    }
}
