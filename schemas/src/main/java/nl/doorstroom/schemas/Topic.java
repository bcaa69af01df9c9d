package nl.doorstroom.schemas;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * One Kafka topic of the catalogue: its name, the type of its keys and of its values, and whether it is compacted.
 * Producers and consumers take name and types from here, so a wrong serde is a compile error, not a runtime surprise.
 *
 * @param name       topic name, {@code <owning domain>.<plural noun>}
 * @param keyType    Java type of the record key
 * @param valueType  Java type of the record value (an Avro envelope for event topics, a state record for compacted
 *                   topics)
 * @param compacted  whether the topic keeps only the latest value per key
 * @param configs    further topic-level configs the topic is created with (Kafka's names, e.g.
 *                   {@code max.compaction.lag.ms}); empty for most topics
 */
public record Topic<K, V>(String name, Class<K> keyType, Class<V> valueType, boolean compacted,
                          Map<String, String> configs) {

    public static final String DEAD_LETTER_SUFFIX = ".dlt";
    /**
     * Ninety days: long enough for an operator to notice a dead letter and replay it after the fault is fixed, short
     * enough that a record nobody could process does not linger.
     */
    public static final Duration DEAD_LETTER_RETENTION = Duration.ofDays(90);

    public Topic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keyType, "keyType");
        Objects.requireNonNull(valueType, "valueType");
        configs = configs == null ? Map.of() : Map.copyOf(configs);
    }

    public Topic(String name, Class<K> keyType, Class<V> valueType, boolean compacted) {
        this(name, keyType, valueType, compacted, Map.of());
    }

    /** Name of the dead-letter topic where records that failed on this topic end up, with the reason in headers. */
    public String deadLetterTopic() {
        return name + DEAD_LETTER_SUFFIX;
    }

    /** Registry subject of the value schema (TopicNameStrategy, as Confluent-compatible clients expect). */
    public String valueSubject() {
        return name + "-value";
    }
}
