package nl.doorstroom.platform.deadletters;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import nl.doorstroom.schemas.Topic;

/**
 * {@value #GAUGE}: per dead-letter topic (tag {@code topic}), the records on it, as the end offset minus the start
 * offset summed over its partitions. A dead letter written in a Kafka Streams transaction is followed by the
 * transaction's commit marker, which has an offset too, so the figure can be up to twice the letters there: it says
 * whether and roughly how many, which is what an alert needs. {@value #REPLAYED}: replays, per source topic.
 * The offsets are asked of the broker at most every {@link #FRESH}, however often the metrics are scraped.
 */
public class DeadLetterMetrics implements MeterBinder, AutoCloseable {

    public static final String GAUGE = "doorstroom.dead.letters";
    public static final String REPLAYED = "doorstroom.dead.letters.replayed";
    static final Duration FRESH = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(DeadLetterMetrics.class);

    private final Admin admin;
    private final Duration timeout;
    private final List<MeterRegistry> registries = new CopyOnWriteArrayList<>();
    private Map<String, Long> counts = Map.of();
    private long countedAt = System.nanoTime() - FRESH.toNanos() - 1;

    /**
     * @param admin   an admin client of the service's broker, closed with this
     * @param timeout how long one count may take
     */
    public DeadLetterMetrics(Admin admin, Duration timeout) {
        this.admin = admin;
        this.timeout = timeout;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String source : DeadLetterStore.CATALOGUE) {
            String deadLetters = source + Topic.DEAD_LETTER_SUFFIX;
            Gauge.builder(GAUGE, this, metrics -> metrics.count(deadLetters))
                    .tag("topic", deadLetters)
                    .description("Records on the dead-letter topic (end minus start offset over its partitions)")
                    .register(registry);
            replayedCounter(registry, source);
        }
        registries.add(registry);
    }

    /** Counts one replay of a dead letter of this source topic. */
    public void replayed(String sourceTopic) {
        registries.forEach(registry -> replayedCounter(registry, sourceTopic).increment());
    }

    private static Counter replayedCounter(MeterRegistry registry, String sourceTopic) {
        return Counter.builder(REPLAYED).tag("topic", sourceTopic)
                .description("Dead letters published to their source topic again").register(registry);
    }

    /** The records on this dead-letter topic; NaN while the broker cannot say (or the topic does not exist). */
    synchronized double count(String deadLetterTopic) {
        if (System.nanoTime() - countedAt > FRESH.toNanos()) {
            try {
                counts = countAll();
            } catch (ExecutionException | TimeoutException | KafkaException e) {
                log.debug("dead letters not counted now: {}", e.toString());
                counts = Map.of();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                counts = Map.of();
            }
            countedAt = System.nanoTime();
        }
        Long count = counts.get(deadLetterTopic);
        return count == null ? Double.NaN : count;
    }

    private Map<String, Long> countAll() throws ExecutionException, InterruptedException, TimeoutException {
        Set<String> existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        List<String> deadLetterTopics = DeadLetterStore.CATALOGUE.stream().map(t -> t + Topic.DEAD_LETTER_SUFFIX)
                .filter(existing::contains).toList();
        Map<String, TopicDescription> topics = admin.describeTopics(deadLetterTopics).allTopicNames()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        topics.values().forEach(topic -> topic.partitions().forEach(partition -> {
            TopicPartition tp = new TopicPartition(topic.name(), partition.partition());
            earliest.put(tp, OffsetSpec.earliest());
            latest.put(tp, OffsetSpec.latest());
        }));
        Map<TopicPartition, ListOffsetsResultInfo> starts = admin.listOffsets(earliest).all()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        Map<String, Long> found = new HashMap<>();
        deadLetterTopics.forEach(topic -> found.put(topic, 0L));
        ends.forEach((partition, end) ->
                found.merge(partition.topic(), end.offset() - starts.get(partition).offset(), Long::sum));
        return found;
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
