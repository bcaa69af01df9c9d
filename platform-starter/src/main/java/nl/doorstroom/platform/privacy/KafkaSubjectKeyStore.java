package nl.doorstroom.platform.privacy;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;

import nl.doorstroom.platform.kafka.DependencyFailures;
import nl.doorstroom.platform.kafka.EventPublisher;
import nl.doorstroom.platform.kafka.ReadModelUnavailableException;
import nl.doorstroom.schemas.Topic;
import nl.doorstroom.schemas.Topics;
import nl.doorstroom.schemas.privacy.SubjectKey;

/**
 * The wrapped data keys on the compacted topic {@code privacy.subject-keys}, with an in-memory read model of the
 * whole topic in every instance of every service.
 *
 * <p><b>Read model.</b> One plain consumer per instance, without a consumer group and without committed offsets:
 * it is assigned every partition, reads {@code read_committed} from the beginning at each start and then follows
 * the topic. Every instance therefore holds every person's wrapped key (about 150 bytes each), a tombstone removes
 * a key from every instance as it arrives, and a restart rebuilds the model from the topic (nothing on local disk,
 * so no local copy survives an erasure). A Kafka Streams {@code GlobalKTable} would give the same, but needs a
 * Streams application in every service and keeps a RocksDB copy on disk.
 *
 * <p><b>Freshness.</b> Until the first read of the topic reached its end, every call waits. A miss is answered only
 * after the model has caught up with the topic's end as it was at the time of the call, so a key another service
 * created a moment ago is found rather than reported erased (or created twice).
 *
 * <p><b>One key per person.</b> A new key is published (acks=all, waiting for the acknowledgement) and then the
 * creator waits until its own read model has reached its record. The model applies values first-writer-wins: a
 * second, different value for a person who already has a key (two instances created one at the same moment) is
 * ignored by every instance, since all read the partition in the same order; a loser never returned its own key,
 * so it never encrypted with it, and it publishes the winner's value again so the compacted topic ends with the
 * winner. Only a tombstone ends a key.
 */
public class KafkaSubjectKeyStore implements SubjectKeyStore, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(KafkaSubjectKeyStore.class);
    static final Topic<String, SubjectKey> TOPIC = Topics.PRIVACY_SUBJECT_KEYS;
    private static final String READ_MODEL = "subject keys (" + TOPIC.name() + ")";
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);

    private final Supplier<Consumer<String, byte[]>> consumerFactory;
    private final Deserializer<SubjectKey> valueDeserializer;
    private final EventPublisher publisher;
    private final Duration timeout;

    private final ConcurrentHashMap<String, Entry> keys = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Wait> newWaits = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<CompletableFuture<Void>> syncRequests = new ConcurrentLinkedQueue<>();
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private volatile Consumer<String, byte[]> consumer;
    private volatile boolean running;
    private volatile boolean behind;
    private volatile Thread thread;

    /**
     * @param consumerFactory   a consumer of the topic (String keys, raw value bytes); it is assigned partitions,
     *                          so it needs no group id, and must read committed records only
     * @param valueDeserializer the registry-backed Avro deserializer of {@link SubjectKey}
     * @param publisher         publishes with acks=all and waits for the acknowledgement
     * @param timeout           how long a call waits for the read model before giving up (503)
     */
    public KafkaSubjectKeyStore(Supplier<Consumer<String, byte[]>> consumerFactory,
                                Deserializer<SubjectKey> valueDeserializer, EventPublisher publisher, Duration timeout) {
        this.consumerFactory = consumerFactory;
        this.valueDeserializer = valueDeserializer;
        this.publisher = publisher;
        this.timeout = timeout;
    }

    /**
     * A store that reads and writes through the service's own Kafka settings (brokers, registry, security): the
     * consumer is a copy of the service's consumer settings without group id and commits, reading committed records.
     */
    public static KafkaSubjectKeyStore create(KafkaProperties kafkaProperties, EventPublisher publisher,
                                              Duration timeout) {
        Map<String, Object> config = new HashMap<>(kafkaProperties.buildConsumerProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.remove(ConsumerConfig.CLIENT_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Supplier<Consumer<String, byte[]>> consumers =
                () -> new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        AvroKafkaDeserializer<SubjectKey> values = new AvroKafkaDeserializer<>();
        values.configure(config, false);
        return new KafkaSubjectKeyStore(consumers, values, publisher, timeout);
    }

    // ---------------------------------------------------------------------------------------------------- the store

    @Override
    public Optional<byte[]> find(String personId) {
        await(ready);
        Entry entry = keys.get(personId);
        if (entry == null) {
            CompletableFuture<Void> caughtUp = new CompletableFuture<>();
            syncRequests.add(caughtUp);
            wakeUp();
            await(caughtUp);
            entry = keys.get(personId);
        }
        return Optional.ofNullable(entry).map(Entry::wrapped);
    }

    @Override
    public byte[] createIfAbsent(String personId, byte[] wrapped) {
        await(ready);
        Entry existing = keys.get(personId);
        if (existing != null) {
            return existing.wrapped();
        }
        Entry mine = new Entry(wrapped.clone(), Instant.now());
        awaitOwnRecord(publisher.publish(TOPIC, personId, mine.toRecord(personId)));
        Entry winner = keys.get(personId);
        if (winner == null) {
            throw new SubjectErasedException(personId);
        }
        if (!Arrays.equals(winner.wrapped(), mine.wrapped())) {
            log.warn("Two data keys were created at once for one person; the first one stays, re-publishing it");
            awaitOwnRecord(publisher.publish(TOPIC, personId, winner.toRecord(personId)));
        }
        return winner.wrapped();
    }

    @Override
    public void delete(String personId) {
        await(ready);
        awaitOwnRecord(publisher.publish(TOPIC, personId, null));
    }

    private void awaitOwnRecord(RecordMetadata written) {
        Wait wait = new Wait(Map.of(new TopicPartition(written.topic(), written.partition()), written.offset() + 1),
                new CompletableFuture<>());
        newWaits.add(wait);
        wakeUp();
        await(wait.done());
    }

    private void await(CompletableFuture<Void> condition) {
        try {
            condition.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReadModelUnavailableException(READ_MODEL, e);
        } catch (ExecutionException e) {
            throw new ReadModelUnavailableException(READ_MODEL, e.getCause());
        } catch (TimeoutException e) {
            throw new ReadModelUnavailableException(READ_MODEL, e);
        }
    }

    private void wakeUp() {
        Consumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
    }

    /**
     * Whether the model can answer now: the first read of the whole topic has finished, and it is not behind because
     * the broker or the registry could not be reached (readiness).
     */
    public boolean isReady() {
        return ready.isDone() && !behind;
    }

    /** How many persons have a key in this instance's read model. */
    public int size() {
        return keys.size();
    }

    // ----------------------------------------------------------------------------------------------- the read model

    /**
     * Follows the topic for as long as the service runs. A failure of the broker or the registry (a timeout, a refused
     * connection) does not end it: the model reports itself behind, waits with a growing pause and goes on from where
     * it was with a new consumer, keeping what it read. Callers that wait meanwhile get 503 after their timeout.
     */
    private void run() {
        List<Wait> waits = new ArrayList<>();
        Map<TopicPartition, Long> positions = new HashMap<>();
        Duration pause = FIRST_PAUSE;
        while (running) {
            try (Consumer<String, byte[]> c = consumerFactory.get()) {
                consumer = c;
                follow(c, waits, positions);
            } catch (RuntimeException e) {
                if (!running) {
                    break;
                }
                behind = true;
                log.warn("The read model of {} lost the broker or the registry; it is behind and tries again in {} s: {}",
                        TOPIC.name(), pause.toSeconds(), e.toString());
                sleep(pause);
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            } finally {
                consumer = null;
            }
        }
    }

    /** Reads on with one consumer until the service stops or the consumer fails. */
    private void follow(Consumer<String, byte[]> c, List<Wait> waits, Map<TopicPartition, Long> positions) {
        List<TopicPartition> partitions = null;
        List<CompletableFuture<Void>> syncing = new ArrayList<>();
        while (running) {
            try {
                if (partitions == null) {
                    List<TopicPartition> found = partitions(c);
                    if (found.isEmpty()) {
                        continue;
                    }
                    c.assign(found);
                    c.seekToBeginning(found.stream().filter(p -> !positions.containsKey(p)).toList());
                    positions.forEach(c::seek);
                    if (!ready.isDone()) {
                        waits.add(new Wait(c.endOffsets(found), ready));
                    }
                    partitions = found;
                }
                // first the callers' waits (they may already be reached), then the next records
                for (Wait wait; (wait = newWaits.poll()) != null; ) {
                    waits.add(wait);
                }
                for (CompletableFuture<Void> request; (request = syncRequests.poll()) != null; ) {
                    syncing.add(request);
                }
                if (!syncing.isEmpty()) {
                    Map<TopicPartition, Long> end = c.endOffsets(partitions);
                    syncing.forEach(request -> waits.add(new Wait(end, request)));
                    syncing.clear();
                }
                for (TopicPartition partition : partitions) {
                    positions.put(partition, c.position(partition));
                }
                waits.removeIf(wait -> wait.completeIfReached(positions));
                behind = false;
                for (ConsumerRecord<String, byte[]> record : c.poll(POLL)) {
                    apply(record);
                    positions.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
                }
            } catch (WakeupException e) {
                // a caller registered a wait: look at it now instead of after the poll's timeout
            } finally {
                // requests taken from the queue but not yet turned into waits are asked again with the next consumer
                syncRequests.addAll(syncing);
                syncing.clear();
            }
        }
    }

    private void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private List<TopicPartition> partitions(Consumer<String, byte[]> c) {
        List<PartitionInfo> infos;
        try {
            infos = c.partitionsFor(TOPIC.name(), POLL);
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            infos = null;
        }
        if (infos == null || infos.isEmpty()) {
            log.info("Waiting for topic {} to exist", TOPIC.name());
            return List.of();
        }
        return infos.stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        String personId = record.key();
        if (personId == null) {
            log.warn("Ignoring a record without a person id at {}-{}@{}", record.topic(), record.partition(), record.offset());
            return;
        }
        if (record.value() == null) {
            keys.remove(personId);
            return;
        }
        SubjectKey value;
        try {
            value = valueDeserializer.deserialize(record.topic(), record.headers(), record.value());
        } catch (RuntimeException e) {
            if (DependencyFailures.isUnreachable(e)) {
                // the registry is away, the record is fine: skipping it would make the person look erased
                throw e;
            }
            log.error("Ignoring an unreadable data key record at {}-{}@{}", record.topic(), record.partition(),
                    record.offset(), e);
            return;
        }
        Entry entry = Entry.of(value);
        Entry kept = keys.putIfAbsent(personId, entry);
        if (kept != null && !Arrays.equals(kept.wrapped(), entry.wrapped())) {
            log.debug("A second data key for one person at {}-{}@{}; the first one stays", record.topic(),
                    record.partition(), record.offset());
        }
    }

    // --------------------------------------------------------------------------------------------------- lifecycle

    @Override
    public void start() {
        if (running) {
            return;
        }
        running = true;
        Thread t = new Thread(this::run, "doorstroom-subject-keys");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    @Override
    public void stop() {
        running = false;
        wakeUp();
        Thread t = thread;
        if (t != null) {
            // ends a pause between reconnects at once, not after up to 30 s
            t.interrupt();
            try {
                t.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts before, and stops after, the listener containers and Streams that may need keys. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2000;
    }

    // ----------------------------------------------------------------------------------------------------- helpers

    private record Entry(byte[] wrapped, Instant createdAt) {

        static Entry of(SubjectKey value) {
            ByteBuffer buffer = value.getWrappedKeyset().duplicate();
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return new Entry(bytes, value.getCreatedAt());
        }

        SubjectKey toRecord(String personId) {
            return SubjectKey.newBuilder()
                    .setPersonId(personId)
                    .setWrappedKeyset(ByteBuffer.wrap(wrapped.clone()))
                    .setCreatedAt(createdAt)
                    .build();
        }
    }

    /** Done once the read model's position reached {@code targets} (next offset to read) on every partition named. */
    private record Wait(Map<TopicPartition, Long> targets, CompletableFuture<Void> done) {

        boolean completeIfReached(Map<TopicPartition, Long> positions) {
            for (var target : targets.entrySet()) {
                Long position = positions.get(target.getKey());
                if (position == null || position < target.getValue()) {
                    return false;
                }
            }
            done.complete(null);
            return true;
        }
    }
}
