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
import org.springframework.util.backoff.ExponentialBackOff;

import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import nl.doorstroom.schemas.Topic;

/** Where listener records go that cannot be read or processed: {@code <topic>.dlt}, same partition, with the reason. */
public final class DeadLetters {

    private DeadLetters() {
    }

    /** Publishes a failed record to {@code <topic>.dlt}; raw bytes stay raw (a record that could not be read). */
    public static DeadLetterPublishingRecoverer recoverer(KafkaProperties kafkaProperties) {
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

    /**
     * For a listener that must never skip a record it can read (an erasure): a failure while handling it (a store
     * still restoring, the broker away) is retried with backoff, up to every 10 s, for as long as it takes. Only a
     * record that cannot be deserialised goes to the dead-letter topic.
     */
    public static DefaultErrorHandler retryingUntilHandled(KafkaProperties kafkaProperties) {
        ExponentialBackOff backOff = new ExponentialBackOff(Duration.ofMillis(500).toMillis(), 2);
        backOff.setMaxInterval(Duration.ofSeconds(10).toMillis());
        return new DefaultErrorHandler(recoverer(kafkaProperties), backOff);
    }

    private static Serializer<Object> avroSerializer(Map<String, Object> config) {
        AvroKafkaSerializer<Object> serializer = new AvroKafkaSerializer<>();
        serializer.configure(config, false);
        return serializer;
    }
}
