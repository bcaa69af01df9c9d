package nl.doorstroom.intake.registration;

import java.time.Duration;
import java.util.Optional;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.streams.KafkaStreamsInteractiveQueryService;

import io.apicurio.registry.serde.avro.AvroSerde;
import nl.doorstroom.platform.kafka.AvroSerdes;
import nl.doorstroom.platform.kafka.ReadModelUnavailableException;
import nl.doorstroom.platform.security.CurrentUser;
import nl.doorstroom.platform.security.DoorstroomUser;
import nl.doorstroom.platform.security.Role;
import nl.doorstroom.schemas.Topics;
import nl.doorstroom.schemas.intake.PersonErased;
import nl.doorstroom.schemas.intake.PersonEvent;
import nl.doorstroom.schemas.intake.PersonRegistered;

/**
 * The people this service has registered, materialised from its own topic (Kafka is the system of record), so that
 * an intake or a link can only be recorded for someone who exists. An erased person stays only as the erasure event
 * (no personal data), so a repeated erasure request is recognised.
 */
@Configuration(proxyBeanMethods = false)
public class RegisteredPersons {

    static final String STORE = "registered-persons";
    /** A person registered a moment ago may not be in the read model yet: wait this long before answering 404. */
    private static final Duration CATCH_UP = Duration.ofSeconds(3);

    private final KafkaStreamsInteractiveQueryService queries;

    RegisteredPersons(StreamsBuilderFactoryBean streams) {
        this.queries = new KafkaStreamsInteractiveQueryService(streams);
    }

    @Bean
    static KTable<String, PersonEvent> registrations(StreamsBuilder builder, KafkaProperties properties) {
        AvroSerde<PersonEvent> serde = AvroSerdes.valueSerde(properties);
        return builder.stream(Topics.INTAKE_PERSON_EVENTS.name(), Consumed.with(Serdes.String(), serde))
                .filter((personId, event) -> event.getPayload() instanceof PersonRegistered
                        || event.getPayload() instanceof PersonErased, Named.as("registrations-and-erasures"))
                .toTable(Named.as("registrations"), Materialized.<String, PersonEvent, KeyValueStore<Bytes, byte[]>>as(STORE)
                        .withKeySerde(Serdes.String()).withValueSerde(serde));
    }

    /**
     * The registration of a person as far as the current user may see it: AZC staff only their own location's
     * people, COA placement officers everyone; anyone else, or anyone from another location, gets nothing (a 404).
     */
    public Optional<PersonRegistered> findVisible(String personId) {
        DoorstroomUser user = CurrentUser.get();
        return find(personId).filter(registered ->
                user.has(Role.COA_PLACEMENT_OFFICER) || user.worksAt(registered.getReceptionLocation()));
    }

    /** The registration of a person, waiting briefly for a registration that was acknowledged a moment ago. */
    public Optional<PersonRegistered> find(String personId) {
        return latest(personId).filter(event -> event.getPayload() instanceof PersonRegistered)
                .map(event -> (PersonRegistered) event.getPayload());
    }

    /** Whether the person was registered here and has since been erased. */
    public boolean isErased(String personId) {
        return latest(personId).filter(event -> event.getPayload() instanceof PersonErased).isPresent();
    }

    private Optional<PersonEvent> latest(String personId) {
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
        while (true) {
            PersonEvent event = store().get(personId);
            if (event != null) {
                return Optional.of(event);
            }
            if (System.nanoTime() > deadline) {
                return Optional.empty();
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    private ReadOnlyKeyValueStore<String, PersonEvent> store() {
        try {
            return queries.retrieveQueryableStore(STORE, QueryableStoreTypes.keyValueStore());
        } catch (InvalidStateStoreException | IllegalStateException e) {
            throw new ReadModelUnavailableException(STORE, e);
        }
    }
}
