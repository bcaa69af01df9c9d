package nl.doorstroom.platform.deadletters;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

import nl.doorstroom.platform.kafka.EventNotPublishedException;
import nl.doorstroom.platform.kafka.EventPublisher;
import nl.doorstroom.platform.paging.ListPage;
import nl.doorstroom.platform.paging.Paging;
import nl.doorstroom.platform.web.NotFoundException;
import nl.doorstroom.platform.write.FieldProblemsException;
import nl.doorstroom.schemas.Topics;
import nl.doorstroom.schemas.platform.DeadLetterReplay;

/**
 * What an operator does with dead letters, for the API and the page alike: list them, and replay them.
 *
 * <p>A replay publishes the dead letter's key and value bytes, as they were, to its source topic and original
 * partition, with its original headers but without Spring Kafka's {@code kafka_dlt-*} ones, plus
 * {@value #REPLAY_OF}; then it writes a marker keyed by the dead letter's id to {@code platform.dead-letter-replays}.
 * Before replaying, the markers are read from the topic, so a dead letter another instance replayed, or this one
 * before a restart, is not published again; within an instance one replay runs at a time.
 *
 * <p>Two instances replaying the same dead letter at the same moment can both publish it (each read the markers
 * before the other wrote one). That is harmless, and that is why no lock across instances is needed: a record
 * published twice is applied once. The event topics' records fold into a person's record only at the record version
 * they name, and a redelivered event names a version the record has passed ({@code RecordStores.fold}); the handover
 * dossier takes personal details, links and consent by their time and a move by its event id, so the same event twice
 * leaves the dossier as once ({@code HandoverDossiers}); a write path's proposal is applied only at the version it
 * was based on, and refused once its requester stopped waiting. The publish comes before the marker, so a replay that
 * fails half way is retried rather than lost.
 */
public class DeadLetterOperations implements AutoCloseable {

    /** Header of a replayed record: the id of the dead letter it was replayed from. */
    public static final String REPLAY_OF = "doorstroom-replay-of";
    /** Spring Kafka's dead-letter headers ({@code KafkaHeaders.DLT_*}) all start with this. */
    private static final String DEAD_LETTER_HEADERS = "kafka_dlt-";

    private final DeadLetterStore store;
    private final Producer<byte[], byte[]> producer;
    private final EventPublisher publisher;
    private final DeadLetterMetrics metrics;
    private final Duration timeout;
    private final Lock replaying = new ReentrantLock();

    /**
     * @param producer  publishes raw bytes with acks=all (closed with this)
     * @param publisher publishes the replay markers
     * @param timeout   how long a replay waits for the broker's acknowledgement
     */
    public DeadLetterOperations(DeadLetterStore store, Producer<byte[], byte[]> producer, EventPublisher publisher,
                                DeadLetterMetrics metrics, Duration timeout) {
        this.store = store;
        this.producer = producer;
        this.publisher = publisher;
        this.metrics = metrics;
        this.timeout = timeout;
    }

    /** What replaying one dead letter did: the dead letter, and whether it was published now (or before). */
    public record Replay(DeadLetter deadLetter, boolean publishedNow) {
    }

    /** The topics with a dead-letter topic on the broker: the catalogue's, as every service creates them. */
    public List<String> sourceTopics() {
        return store.sourceTopics();
    }

    /** One page of the dead letters of one source topic, or of all when {@code topic} is null; newest first. */
    public ListPage<DeadLetter> list(String topic, Paging paging) {
        List<String> topics = sourceTopics();
        if (topic != null) {
            requireKnown(topic, topics);
            topics = List.of(topic);
        }
        return paging.slice(store.scan(topics).deadLetters());
    }

    /** Every dead letter by source topic, in catalogue order; topics without any are left out. */
    public Map<String, List<DeadLetter>> byTopic() {
        List<String> topics = sourceTopics();
        List<DeadLetter> all = store.scan(topics).deadLetters();
        Map<String, List<DeadLetter>> byTopic = new LinkedHashMap<>();
        for (String topic : topics) {
            List<DeadLetter> letters = all.stream().filter(letter -> letter.topic().equals(topic)).toList();
            if (!letters.isEmpty()) {
                byTopic.put(topic, letters);
            }
        }
        return byTopic;
    }

    /**
     * Replays one dead letter, unless it was replayed before.
     *
     * @throws NotFoundException for an id that is no dead letter here (any more)
     */
    public Replay replay(String id) {
        DeadLetterId letter = DeadLetterId.parse(id)
                .filter(parsed -> DeadLetterStore.CATALOGUE.contains(parsed.sourceTopic()))
                .orElseThrow(() -> new NotFoundException("dead letter"));
        replaying.lock();
        try {
            ConsumerRecord<byte[], byte[]> record = store.record(letter)
                    .orElseThrow(() -> new NotFoundException("dead letter"));
            DeadLetterReplay before = DeadLetterStore.replayOf(record, store.replays());
            if (before != null) {
                return new Replay(DeadLetter.of(record, before), false);
            }
            return new Replay(DeadLetter.of(record, publish(record)), true);
        } finally {
            replaying.unlock();
        }
    }

    /**
     * Replays every dead letter of a source topic that was not replayed yet, oldest first per partition.
     *
     * @return how many were published
     */
    public int replayAll(String topic) {
        requireKnown(topic, sourceTopics());
        replaying.lock();
        try {
            DeadLetterStore.Scan scan = store.scan(List.of(topic));
            int published = 0;
            for (ConsumerRecord<byte[], byte[]> letter : scan.letters()) {
                if (!scan.replayed(letter)) {
                    publish(letter);
                    published++;
                }
            }
            return published;
        } finally {
            replaying.unlock();
        }
    }

    private void requireKnown(String topic, List<String> topics) {
        if (!topics.contains(topic)) {
            throw FieldProblemsException.of("topic", "unknownTopic", "doorstroom.dead-letters.unknown-topic");
        }
    }

    /** Publishes the dead letter to its source topic, then its marker; returns the marker. */
    private DeadLetterReplay publish(ConsumerRecord<byte[], byte[]> letter) {
        DeadLetterId id = DeadLetterStore.idOf(letter);
        String source = DeadLetter.sourceTopic(letter.headers(), id);
        RecordHeaders headers = new RecordHeaders();
        for (Header header : letter.headers()) {
            if (!header.key().startsWith(DEAD_LETTER_HEADERS) && !header.key().equals(REPLAY_OF)) {
                headers.add(header);
            }
        }
        headers.add(REPLAY_OF, id.toString().getBytes(StandardCharsets.UTF_8));
        ProducerRecord<byte[], byte[]> again = new ProducerRecord<>(source,
                DeadLetter.sourcePartition(letter.headers(), letter.partition()), null, letter.key(), letter.value(),
                headers);
        RecordMetadata written;
        try {
            written = producer.send(again).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventNotPublishedException(source, e);
        } catch (ExecutionException e) {
            throw new EventNotPublishedException(source, e.getCause());
        } catch (TimeoutException e) {
            throw new EventNotPublishedException(source, e);
        }
        DeadLetterReplay marker = DeadLetterReplay.newBuilder()
                .setDeadLetterId(id.toString())
                .setSourceTopic(source)
                .setOriginalOffset(DeadLetter.originalOffset(letter.headers()))
                .setReplayedPartition(written.partition())
                .setReplayedOffset(written.offset())
                .setReplayedAt(Instant.now())
                .build();
        publisher.publish(Topics.PLATFORM_DEAD_LETTER_REPLAYS, id.toString(), marker);
        metrics.replayed(source);
        return marker;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
