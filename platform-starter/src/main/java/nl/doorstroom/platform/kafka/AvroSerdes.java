package nl.doorstroom.platform.kafka;

import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

import io.apicurio.registry.serde.avro.AvroSerde;

/**
 * Kafka Streams serdes for our Avro classes, configured like every other client of the service (registry address,
 * Confluent wire format, self-contained schemas, specific readers) from the platform's Streams properties.
 */
public final class AvroSerdes {

    private AvroSerdes() {
    }

    public static <T extends SpecificRecord> AvroSerde<T> valueSerde(KafkaProperties properties) {
        AvroSerde<T> serde = new AvroSerde<>();
        Map<String, Object> config = properties.buildStreamsProperties();
        serde.configure(config, false);
        return serde;
    }
}
