package nl.doorstroom.platform.write;

import java.util.Map;
import java.util.UUID;

import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.requestreply.ReplyingKafkaTemplate;

import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import nl.doorstroom.platform.PlatformProperties;
import nl.doorstroom.platform.kafka.AvroSerdes;
import nl.doorstroom.schemas.WritePathTopics;
import nl.doorstroom.schemas.platform.WriteOutcome;
import nl.doorstroom.schemas.platform.WriteProposal;
import tools.jackson.databind.json.JsonMapper;

/** Makes a service's {@link WritePath}: its single-writer processors in the service's Streams topology, and its client. */
public class WritePaths {

    private final KafkaProperties kafka;
    private final ProducerFactory<Object, Object> producers;
    private final PlatformProperties platform;
    private final JsonMapper json;
    private final String applicationName;

    public WritePaths(KafkaProperties kafka, ProducerFactory<Object, Object> producers, PlatformProperties platform,
                      JsonMapper json, String applicationName) {
        this.kafka = kafka;
        this.producers = producers;
        this.platform = platform;
        this.json = json;
        this.applicationName = applicationName;
    }

    /**
     * The write path of one event topic's records. Call it while building the topology (from a {@code @Bean} method)
     * and expose the result as a bean, so its reply consumer starts and stops with the application.
     *
     * @param events the service's stream of its own event topic (a topic has one source in a topology, so the read
     *               model and the writer share it)
     */
    public <R extends RecordStore.Versioned, E extends SpecificRecord> WritePath<R, E> create(StreamsBuilder builder, WritePathTopics topics,
            KStream<String, ? extends IndexedRecord> events, RecordStore<?, R, E> records, EventEnvelope<E> envelope) {
        WriterTopology.add(builder, topics, events, AvroSerdes.valueSerde(kafka), AvroSerdes.valueSerde(kafka),
                AvroSerdes.valueSerde(kafka));
        return new WritePath<>(topics, records, envelope, replies(topics), eventSerializer(), platform.cloudEvents().source(),
                platform.publishTimeout(), json);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private ReplyingKafkaTemplate<String, WriteProposal, WriteOutcome> replies(WritePathTopics topics) {
        Map<String, Object> config = kafka.buildConsumerProperties();
        // every instance reads every outcome and keeps the ones it waits for: a group of its own, from now on
        config.put(ConsumerConfig.GROUP_ID_CONFIG, applicationName + "-write-outcomes-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        var container = new ConcurrentMessageListenerContainer<String, WriteOutcome>(
                new DefaultKafkaConsumerFactory<>(config), new ContainerProperties(topics.outcomes().name()));
        container.getContainerProperties().setGroupId((String) config.get(ConsumerConfig.GROUP_ID_CONFIG));
        var template = new ReplyingKafkaTemplate<String, WriteProposal, WriteOutcome>(
                (ProducerFactory) producers, container);
        template.setSharedReplyTopic(true);
        template.setDefaultReplyTimeout(platform.publishTimeout());
        template.afterPropertiesSet();
        return template;
    }

    private Serializer<Object> eventSerializer() {
        AvroKafkaSerializer<Object> serializer = new AvroKafkaSerializer<>();
        serializer.configure(kafka.buildProducerProperties(), false);
        return serializer;
    }
}
