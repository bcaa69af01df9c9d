package nl.doorstroom.platform.deadletters;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import nl.doorstroom.platform.kafka.ReadModelUnavailableException;
import nl.doorstroom.schemas.Topic;
import nl.doorstroom.schemas.Topics;
import nl.doorstroom.schemas.WritePathTopics;
import nl.doorstroom.schemas.platform.DeadLetterReplay;

/**
 * Reads the dead-letter topics and the replay markers, by bounded scans: each call reads what it needs from the
 * beginning up to the end it saw when it started, with its own consumer (no group, nothing committed, committed
 * records only), and stops. Dead letters are rare and kept 90 days, so a scan is small, and it is always as current
 * as the broker, in every instance, with nothing to keep in step. The record values are read only to be replayed,
 * never to be shown.
 */
public class DeadLetterStore {

    /** The catalogue's topics, which every service creates together with their dead-letter topics. */
    static final List<String> CATALOGUE = Stream.concat(Topics.ALL.stream(),
                    Topics.WRITE_PATHS.stream().map(WritePathTopics::all).flatMap(List::stream))
            .map(Topic::name).toList();

    private static final String READ_MODEL = "dead letters";
    private static final Duration POLL = Duration.ofMillis(200);

    private final Supplier<Consumer<byte[], byte[]>> consumers;
    private final Deserializer<DeadLetterReplay> replays;
    private final Duration timeout;

    /**
     * @param consumers a new raw consumer per scan, reading committed records only, without a group
     * @param replays   the registry-backed Avro deserializer of the replay markers
     * @param timeout   how long a scan may take before the call is answered 503
     */
    public DeadLetterStore(Supplier<Consumer<byte[], byte[]>> consumers, Deserializer<DeadLetterReplay> replays,
                           Duration timeout) {
        this.consumers = consumers;
        this.replays = replays;
        this.timeout = timeout;
    }

    /** A store that reads with the service's own consumer settings (brokers, registry, security). */
    public static DeadLetterStore create(Map<String, Object> consumerProperties, Duration timeout) {
        Map<String, Object> config = new HashMap<>(consumerProperties);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // looking at a topic must never create it
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        AvroKafkaDeserializer<DeadLetterReplay> markers = new AvroKafkaDeserializer<>();
        markers.configure(config, false);
        return new DeadLetterStore(() -> {
            Map<String, Object> own = new HashMap<>(config);
            own.put(ConsumerConfig.CLIENT_ID_CONFIG, "dead-letters-" + UUID.randomUUID());
            return new KafkaConsumer<>(own, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        }, markers, timeout);
    }

    /** The catalogue's topics that have a dead-letter topic on the broker, in catalogue order. */
    public List<String> sourceTopics() {
        return read(consumer -> {
            Set<String> existing = consumer.listTopics(timeout).keySet();
            return CATALOGUE.stream().filter(topic -> existing.contains(topic + Topic.DEAD_LETTER_SUFFIX)).toList();
        });
    }

    /**
     * The dead letters of these source topics as records (in offset order per partition), with every replay marker.
     *
     * @param letters the records of the dead-letter topics, values included (for replaying; never shown)
     * @param replays every replay marker, by dead-letter id
     */
    public record Scan(List<ConsumerRecord<byte[], byte[]>> letters, Map<String, DeadLetterReplay> replays) {

        /** The dead letters as shown, newest first, each with whether it was replayed. */
        public List<DeadLetter> deadLetters() {
            return letters.stream()
                    .map(record -> DeadLetter.of(record, replayOf(record, replays)))
                    .sorted(Comparator.comparing(DeadLetter::timestamp).thenComparingLong(DeadLetter::offset).reversed())
                    .toList();
        }

        /** Whether the dead letter at this record was replayed. */
        public boolean replayed(ConsumerRecord<byte[], byte[]> letter) {
            return replayOf(letter, replays) != null;
        }
    }

    /**
     * The replay marker of the dead letter at this record, or {@code null}. A marker is the record's only if it also
     * names the record's original offset: a dead-letter topic rewritten in place ({@code TopicRewrite}) numbers its
     * records anew, so an id alone could then name another dead letter.
     */
    static DeadLetterReplay replayOf(ConsumerRecord<byte[], byte[]> letter, Map<String, DeadLetterReplay> replays) {
        DeadLetterReplay marker = replays.get(idOf(letter).toString());
        return marker != null && marker.getOriginalOffset() == DeadLetter.originalOffset(letter.headers()) ? marker : null;
    }

    static DeadLetterId idOf(ConsumerRecord<?, ?> letter) {
        return new DeadLetterId(letter.topic(), letter.partition(), letter.offset());
    }

    /** Reads the dead letters of these source topics and the replay markers, in one scan. */
    public Scan scan(Collection<String> sourceTopics) {
        return read(consumer -> {
            Instant deadline = Instant.now().plus(timeout);
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : sourceTopics) {
                partitions.addAll(partitions(consumer, topic + Topic.DEAD_LETTER_SUFFIX));
            }
            partitions.addAll(partitions(consumer, Topics.PLATFORM_DEAD_LETTER_REPLAYS.name()));
            List<ConsumerRecord<byte[], byte[]>> records = scan(consumer, partitions, deadline);
            List<ConsumerRecord<byte[], byte[]>> letters = records.stream()
                    .filter(record -> !record.topic().equals(Topics.PLATFORM_DEAD_LETTER_REPLAYS.name())).toList();
            return new Scan(letters, replays(records));
        });
    }

    /** Every replay marker, by dead-letter id. */
    public Map<String, DeadLetterReplay> replays() {
        return read(consumer -> replays(scan(consumer,
                partitions(consumer, Topics.PLATFORM_DEAD_LETTER_REPLAYS.name()), Instant.now().plus(timeout))));
    }

    /** The record of one dead letter, raw; empty if it is not there (aged out, or it never was). */
    public Optional<ConsumerRecord<byte[], byte[]>> record(DeadLetterId id) {
        return read(consumer -> {
            TopicPartition partition = id.topicPartition();
            if (!partitions(consumer, id.deadLetterTopic()).contains(partition)) {
                return Optional.empty();
            }
            consumer.assign(List.of(partition));
            long start = consumer.beginningOffsets(List.of(partition), timeout).get(partition);
            long end = consumer.endOffsets(List.of(partition), timeout).get(partition);
            if (id.offset() < start || id.offset() >= end) {
                return Optional.empty();
            }
            consumer.seek(partition, id.offset());
            Instant deadline = Instant.now().plus(timeout);
            // a transaction marker has an offset of its own and is never returned: stop once past the offset
            while (consumer.position(partition, timeout) <= id.offset()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    if (record.offset() == id.offset()) {
                        return Optional.of(record);
                    }
                    if (record.offset() > id.offset()) {
                        return Optional.empty();
                    }
                }
                checkDeadline(deadline);
            }
            return Optional.empty();
        });
    }

    private Map<String, DeadLetterReplay> replays(List<ConsumerRecord<byte[], byte[]>> records) {
        Map<String, DeadLetterReplay> found = new LinkedHashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            if (record.topic().equals(Topics.PLATFORM_DEAD_LETTER_REPLAYS.name()) && record.key() != null
                    && record.value() != null) {
                DeadLetterReplay replay = replays.deserialize(record.topic(), record.headers(), record.value());
                found.put(replay.getDeadLetterId(), replay);
            }
        }
        return found;
    }

    private List<TopicPartition> partitions(Consumer<byte[], byte[]> consumer, String topic) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
        return infos == null ? List.of()
                : infos.stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
    }

    /** Every committed record of these partitions, up to their ends as they were when the scan started. */
    private List<ConsumerRecord<byte[], byte[]>> scan(Consumer<byte[], byte[]> consumer,
                                                       List<TopicPartition> partitions, Instant deadline) {
        List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
        if (partitions.isEmpty()) {
            return found;
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions, timeout));
        end.entrySet().removeIf(e -> consumer.position(e.getKey(), timeout) >= e.getValue());
        while (!end.isEmpty()) {
            checkDeadline(deadline);
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                Long last = end.get(new TopicPartition(record.topic(), record.partition()));
                if (last != null && record.offset() < last) {
                    found.add(record);
                }
            }
            end.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
        }
        return found;
    }

    private void checkDeadline(Instant deadline) {
        if (Instant.now().isAfter(deadline)) {
            throw new ReadModelUnavailableException(READ_MODEL,
                    new TimeoutException("dead letters not read to their end within " + timeout));
        }
    }

    private <T> T read(Function<Consumer<byte[], byte[]>, T> scan) {
        try (Consumer<byte[], byte[]> consumer = consumers.get()) {
            return scan.apply(consumer);
        } catch (KafkaException e) {
            throw new ReadModelUnavailableException(READ_MODEL, e);
        }
    }
}
