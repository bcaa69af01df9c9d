package nl.doorstroom.trajectory.record;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.KeyValueStore;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.apicurio.registry.serde.avro.AvroSerde;
import nl.doorstroom.platform.kafka.AvroSerdes;
import nl.doorstroom.schemas.Topics;
import nl.doorstroom.schemas.trajectory.TrajectoryEvent;
import nl.doorstroom.schemas.trajectory.TrajectoryEventHistory;

/**
 * Materialises every person's trajectory record from this service's own topic (Kafka is the system of record): the
 * store {@value #STORE} keeps each person's events in order, keyed by person id like the handover dossiers, so the
 * record and the dossier that scopes it sit on the same partition. Unreadable records go to
 * {@code trajectory.trajectory-events.dlt} through the platform's Streams exception handlers.
 */
@Configuration(proxyBeanMethods = false)
public class TrajectoryTopology {

    /** Person id → the person's trajectory events ({@link TrajectoryEventHistory}), a timestamped key-value store. */
    public static final String STORE = "trajectory-records";

    /** The trajectory topic, read once: a topic can be the source of only one stream in a topology. */
    @Bean
    static KStream<String, TrajectoryEvent> trajectoryEvents(StreamsBuilder builder, KafkaProperties properties) {
        return builder.stream(Topics.TRAJECTORY_TRAJECTORY_EVENTS.name(),
                Consumed.with(Serdes.String(), AvroSerdes.<TrajectoryEvent>valueSerde(properties)));
    }

    @Bean
    static KTable<String, TrajectoryEventHistory> trajectoryRecordTable(KStream<String, TrajectoryEvent> trajectoryEvents,
                                                                       KafkaProperties properties) {
        AvroSerde<TrajectoryEvent> events = AvroSerdes.valueSerde(properties);
        AvroSerde<TrajectoryEventHistory> histories = AvroSerdes.valueSerde(properties);
        return trajectoryEvents
                .groupByKey(Grouped.with(Serdes.String(), events))
                .aggregate(() -> new TrajectoryEventHistory("", List.of()), TrajectoryTopology::append,
                        Named.as(STORE),
                        Materialized.<String, TrajectoryEventHistory, KeyValueStore<Bytes, byte[]>>as(STORE)
                                .withKeySerde(Serdes.String()).withValueSerde(histories));
    }

    /** Appends an event once: a redelivered event (same id) changes nothing. */
    static TrajectoryEventHistory append(String personId, TrajectoryEvent event, TrajectoryEventHistory history) {
        if (history.getEvents().stream().anyMatch(e -> e.getEventId().equals(event.getEventId()))) {
            return history;
        }
        List<TrajectoryEvent> events = new ArrayList<>(history.getEvents());
        events.add(event);
        return new TrajectoryEventHistory(personId, events);
    }
}
