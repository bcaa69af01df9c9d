package nl.doorstroom.schemas;

import java.time.Duration;
import java.util.Objects;

/**
 * One Kafka topic of the catalogue: its name, the type of its keys and of its values, and whether it is compacted.
 * Producers and consumers take name and types from here, so a wrong serde is a compile error, not a runtime surprise.
 *
 * @param name       topic name, {@code <owning domain>.<plural noun>}
 * @param keyType    Java type of the record key
 * @param valueType  Java type of the record value (an Avro envelope)
 * @param compacted  whether the topic keeps only the latest value per key
 * @param retention  how long records are kept ({@code retention.ms}); {@code null} means the broker's default
 */
public record Topic<K, V>(String name, Class<K> keyType, Class<V> valueType, boolean compacted, Duration retention) {

    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    public Topic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keyType, "keyType");
        Objects.requireNonNull(valueType, "valueType");
        if (retention != null && (retention.isNegative() || retention.isZero())) {
            throw new IllegalArgumentException("retention of " + name + " must be positive");
        }
    }

    /** A topic with the broker's default retention. */
    public Topic(String name, Class<K> keyType, Class<V> valueType, boolean compacted) {
        this(name, keyType, valueType, compacted, null);
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
