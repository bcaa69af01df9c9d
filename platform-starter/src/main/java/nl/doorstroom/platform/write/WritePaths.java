package nl.doorstroom.platform.write;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
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
import nl.doorstroom.platform.kafka.DependencyBreakers;
import nl.doorstroom.platform.privacy.PersonalTexts;
import nl.doorstroom.platform.readmodel.ReadModels;
import nl.doorstroom.schemas.WritePathTopics;
import nl.doorstroom.schemas.platform.WriteOutcome;
import nl.doorstroom.schemas.platform.WriteProposal;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes a service's {@link KeyedRecords}: its record stores and the single-writer processors in the service's Streams
 * topology, and the write path's client.
 */
public class WritePaths {

    private final KafkaProperties kafka;
    private final ProducerFactory<Object, Object> producers;
    private final PlatformProperties platform;
    private final JsonMapper json;
    private final String applicationName;
    private final RecordSealing sealing;
    private final DependencyBreakers breakers;
    private final List<WritePathTopics> made = new CopyOnWriteArrayList<>();

    /** @param texts the service's personal texts; {@code null} without privacy settings */
    public WritePaths(KafkaProperties kafka, ProducerFactory<Object, Object> producers, PlatformProperties platform,
                      JsonMapper json, String applicationName, PersonalTexts texts, DependencyBreakers breakers) {
        this.kafka = kafka;
        this.producers = producers;
        this.platform = platform;
        this.json = json;
        this.applicationName = applicationName;
        this.sealing = new RecordSealing(texts);
        this.breakers = breakers;
    }

    /**
     * A service's keyed records: its event topic read once, the record stores, their read side and the write path.
     * Call it while building the topology (from a {@code @Bean} method) and expose the result as a bean.
     */
    public <S extends SpecificRecord, R extends RecordStore.Versioned, E extends SpecificRecord> KeyedRecords<S, R, E> records(
            StreamsBuilder builder, ReadModels readModels, KeyedRecords.Definition<S, R, E> definition) {
        KStream<String, E> events = builder.stream(definition.topic().name(),
                Consumed.with(Serdes.String(), AvroSerdes.valueSerde(kafka)));
        KStream<String, S> changes = RecordStores.materialise(builder, events, definition.recordStore(),
                AvroSerdes.valueSerde(kafka), definition.historyStore(), AvroSerdes.valueSerde(kafka), definition.fold());
        RecordStore<S, R, E> store = new RecordStore<>(readModels, kafka, definition.recordStore(), definition.historyStore(),
                definition.view(), definition.fold(), sealing);
        var topics = new WritePathTopics(definition.topic());
        made.add(topics);
        WriterTopology.add(builder, topics, events, AvroSerdes.valueSerde(kafka), AvroSerdes.valueSerde(kafka),
                AvroSerdes.valueSerde(kafka));
        WritePath<R, E> writes = new WritePath<>(topics, store, definition.envelope(), replies(topics), eventSerializer(),
                platform.cloudEvents().source(), platform.publishTimeout(), json, sealing, breakers,
                readModels.of(WriterTopology.claimStore(topics), Serdes.String()));
        return new KeyedRecords<>(events, changes, store, writes);
    }

    /** The topics of every write path made so far (a migration rewrites them). */
    public List<WritePathTopics> topics() {
        return List.copyOf(made);
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
        // never committed (nothing acknowledges): an instance reads from "now" anyway, and a group without offsets
        // disappears with its instance instead of staying behind as a group that seems to lag forever
        container.getContainerProperties().setAckMode(ContainerProperties.AckMode.MANUAL);
        container.getContainerProperties().setAssignmentCommitOption(ContainerProperties.AssignmentCommitOption.NEVER);
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
