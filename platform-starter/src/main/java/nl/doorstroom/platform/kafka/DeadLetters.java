package nl.doorstroom.platform.kafka;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import nl.doorstroom.schemas.Topic;

/** Where listener records go that cannot be read or processed: {@code <topic>.dlt}, same partition, with the reason. */
public final class DeadLetters {

    private static final BackOff FEW_RETRIES = new FixedBackOff(500, 3);

    private DeadLetters() {
    }

    /**
     * Listener failures: a few blocking retries (order per person matters, so no retry topics), then the record goes
     * to {@code <topic>.dlt} with the exception in its headers and the listener goes on with the next record. A record
     * that fails because the broker or the registry is unreachable is never dead-lettered: it is retried with backoff
     * until the dependency is back.
     */
    public static DefaultErrorHandler errorHandler(KafkaProperties kafkaProperties) {
        return errorHandler(kafkaProperties, FEW_RETRIES);
    }

    /**
     * For a listener that must never skip a record it can read (an erasure): a failure while handling it (a store
     * still restoring, the broker away) is retried with backoff, up to every 10 s, for as long as it takes. Only a
     * record that cannot be deserialised goes to the dead-letter topic, after the few retries any listener gives it.
     */
    public static DefaultErrorHandler retryingUntilHandled(KafkaProperties kafkaProperties) {
        return errorHandler(kafkaProperties, untilBack());
    }

    private static DefaultErrorHandler errorHandler(KafkaProperties kafkaProperties, BackOff backOff) {
        DeadLetterPublishingRecoverer deadLetters = recoverer(kafkaProperties);
        DefaultErrorHandler handler = new DefaultErrorHandler((record, exception) -> {
            if (DependencyFailures.isUnreachable(exception)) {
                // a failed recovery makes the handler seek back: the record is read again, not dead-lettered
                throw new IllegalStateException("not a dead letter: a dependency is unreachable", exception);
            }
            deadLetters.accept(record, exception);
        }, backOff);
        handler.setBackOffFunction((record, exception) -> {
            if (DependencyFailures.isUnreachable(exception)) {
                return untilBack();
            }
            // waiting longer never makes bytes readable that were not written as this topic's records
            return unreadable(exception) ? FEW_RETRIES : null;
        });
        // a record that could not be read is tried again too: the registry may have been away (then it waits for
        // it); one that is wrong in itself fails the same way each time and becomes a dead letter after the retries
        handler.removeClassification(DeserializationException.class);
        return handler;
    }

    private static boolean unreadable(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof DeserializationException) {
                return true;
            }
        }
        return false;
    }

    private static BackOff untilBack() {
        ExponentialBackOff backOff = new ExponentialBackOff(Duration.ofMillis(500).toMillis(), 2);
        backOff.setMaxInterval(Duration.ofSeconds(10).toMillis());
        return backOff;
    }

    /** Publishes a failed record to {@code <topic>.dlt}; raw bytes stay raw (a record that could not be read). */
    static DeadLetterPublishingRecoverer recoverer(KafkaProperties kafkaProperties) {
        Map<String, Object> config = kafkaProperties.buildProducerProperties();
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        Map<Class<?>, Serializer<?>> byType = Map.of(
                byte[].class, new ByteArraySerializer(),
                Object.class, avroSerializer(config));
        var factory = new DefaultKafkaProducerFactory<Object, Object>(config, null,
                () -> new DelegatingByTypeSerializer(byType, true));
        factory.setKeySerializerSupplier(() -> new DelegatingByTypeSerializer(Map.of(
                byte[].class, new ByteArraySerializer(),
                Object.class, new StringSerializer()), true));
        return new DeadLetterPublishingRecoverer(new KafkaTemplate<>(factory),
                (record, exception) -> new TopicPartition(record.topic() + Topic.DEAD_LETTER_SUFFIX, record.partition()));
    }

    private static Serializer<Object> avroSerializer(Map<String, Object> config) {
        AvroKafkaSerializer<Object> serializer = new AvroKafkaSerializer<>();
        serializer.configure(config, false);
        return serializer;
    }
}
