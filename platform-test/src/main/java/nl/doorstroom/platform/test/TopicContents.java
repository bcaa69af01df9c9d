package nl.doorstroom.platform.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * What is really on a topic, read as raw bytes the way an outside consumer would (committed records only): for tests
 * that check what a service published, or that it published nothing.
 */
public final class TopicContents {

    private TopicContents() {
    }

    /** Every committed record on {@code topic} whose key is {@code key} (UTF-8), in offset order per partition. */
    public static List<ConsumerRecord<byte[], byte[]>> recordsWithKey(String brokers, String topic, String key) {
        return allRecords(brokers, topic).stream()
                .filter(r -> r.key() != null && key.equals(new String(r.key(), StandardCharsets.UTF_8))).toList();
    }

    /** Every committed record on {@code topic}, in offset order per partition. */
    public static List<ConsumerRecord<byte[], byte[]>> allRecords(String brokers, String topic) {
        List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = rawConsumer(brokers)) {
            List<TopicPartition> partitions = partitionsOf(consumer, topic);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(found::add);
            }
        }
        return found;
    }

    /**
     * How many committed records lie between each partition's given offset and its end: a consumer group's true lag.
     * The end offset minus the committed offset overstates it on transactional topics, where commit markers take
     * offsets that no consumer ever receives or commits past.
     */
    public static long recordsAfter(String brokers, Map<TopicPartition, Long> from) {
        if (from.isEmpty()) {
            return 0;
        }
        long count = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = rawConsumer(brokers)) {
            List<TopicPartition> partitions = List.copyOf(from.keySet());
            consumer.assign(partitions);
            from.forEach(consumer::seek);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                count += consumer.poll(Duration.ofMillis(200)).count();
            }
        }
        return count;
    }

    /** The sum of the end offsets of all partitions: unchanged means nothing was published in between. */
    public static long endOffsets(String brokers, String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = rawConsumer(brokers)) {
            return consumer.endOffsets(partitionsOf(consumer, topic)).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** The last value of a header as text; {@code null} when the record does not carry it. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static List<TopicPartition> partitionsOf(KafkaConsumer<byte[], byte[]> consumer, String topic) {
        return consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    private static KafkaConsumer<byte[], byte[]> rawConsumer(String brokers) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
