package nl.doorstroom.intake.record;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
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
import nl.doorstroom.platform.kafka.ReadModelCatchUp;
import nl.doorstroom.platform.readmodel.ReadModel;
import nl.doorstroom.platform.readmodel.ReadModels;
import nl.doorstroom.platform.security.CurrentUser;
import nl.doorstroom.platform.security.DoorstroomUser;
import nl.doorstroom.platform.security.Role;
import nl.doorstroom.schemas.Topics;
import nl.doorstroom.schemas.intake.FamilyReunification;
import nl.doorstroom.schemas.intake.PersonErased;
import nl.doorstroom.schemas.intake.PersonEvent;
import nl.doorstroom.schemas.intake.PersonEventHistory;

/**
 * Every person's intake record, materialised from this service's own topic (Kafka is the system of record): the
 * store keeps each person's events in order, so the current record, every earlier version and the timeline come from
 * one look-up. An erased person keeps only the erasure event (no personal data), so a repeated erasure is recognised.
 */
@Configuration(proxyBeanMethods = false)
public class PersonRecords {

    static final String STORE = "person-records";
    /** A person registered a moment ago may not be in the read model yet: wait this long before answering 404. */
    private static final Duration CATCH_UP = Duration.ofSeconds(3);

    private final ReadModel<PersonEventHistory> store;

    PersonRecords(ReadModels readModels, KafkaProperties properties) {
        this.store = readModels.of(STORE, AvroSerdes.valueSerde(properties));
    }

    /** The one source of this service's own topic: the record store and the write path's single writer share it. */
    @Bean
    static KStream<String, PersonEvent> personEvents(StreamsBuilder builder, KafkaProperties properties) {
        AvroSerde<PersonEvent> events = AvroSerdes.valueSerde(properties);
        return builder.stream(Topics.INTAKE_PERSON_EVENTS.name(), Consumed.with(Serdes.String(), events));
    }

    @Bean
    static KTable<String, PersonEventHistory> personRecordTable(KStream<String, PersonEvent> personEvents,
                                                                KafkaProperties properties) {
        AvroSerde<PersonEvent> events = AvroSerdes.valueSerde(properties);
        AvroSerde<PersonEventHistory> histories = AvroSerdes.valueSerde(properties);
        return personEvents
                .groupByKey(Grouped.with(Serdes.String(), events))
                .aggregate(() -> new PersonEventHistory("", List.of()), PersonRecords::append, Named.as("person-records"),
                        Materialized.<String, PersonEventHistory, KeyValueStore<Bytes, byte[]>>as(STORE)
                                .withKeySerde(Serdes.String()).withValueSerde(histories));
    }

    static PersonEventHistory append(String personId, PersonEvent event, PersonEventHistory history) {
        if (event.getPayload() instanceof PersonErased) {
            return new PersonEventHistory(personId, List.of(event));
        }
        if (history.getEvents().stream().anyMatch(e -> e.getEventId().equals(event.getEventId()))) {
            return history;
        }
        List<PersonEvent> events = new ArrayList<>(history.getEvents());
        events.add(event);
        return new PersonEventHistory(personId, events);
    }

    /** The record as the store holds it right now, without waiting; empty if the person has no events. */
    public Optional<IntakeRecord> current(String personId) {
        return store.get(personId).map(history -> IntakeRecord.of(personId, history.getEvents()));
    }

    /** A registered (and not erased) person, waiting briefly for a registration acknowledged a moment ago. */
    public Optional<IntakeRecord> find(String personId) {
        return latest(personId).filter(IntakeRecord::isRegistered);
    }

    /**
     * A registered person as far as the current user may see them: AZC staff only their own location's people, COA
     * placement officers everyone; anyone else, or anyone from another location, gets nothing (a 404).
     */
    public Optional<IntakeRecord> findVisible(String personId) {
        DoorstroomUser user = CurrentUser.get();
        return find(personId).filter(record -> isVisibleTo(user, record));
    }

    /** Whether the person was registered here and has since been erased. */
    public boolean isErased(String personId) {
        return latest(personId).filter(IntakeRecord::isErased).isPresent();
    }

    /** Every registered person the current user may see, that matches. */
    public List<IntakeRecord> visible(Predicate<IntakeRecord> filter) {
        DoorstroomUser user = CurrentUser.get();
        return all(record -> isVisibleTo(user, record) && filter.test(record));
    }

    /** Every registered person that matches, whoever asks; for rules that span locations (a nareiziger's anchor). */
    public List<IntakeRecord> all(Predicate<IntakeRecord> filter) {
        List<IntakeRecord> found = new ArrayList<>();
        for (KeyValue<String, PersonEventHistory> next : store.all()) {
            IntakeRecord record = IntakeRecord.of(next.key, next.value.getEvents());
            if (record.isRegistered() && filter.test(record)) {
                found.add(record);
            }
        }
        return found;
    }

    /** The nareizigers who arrived for an anchor person: expected member id → the nareiziger's person id. */
    public Map<String, String> arrivalsOf(String anchorPersonId) {
        return allArrivals().getOrDefault(anchorPersonId, Map.of());
    }

    /** Arrivals for every anchor person at once: anchor id → (expected member id → nareiziger's person id). */
    public Map<String, Map<String, String>> allArrivals() {
        Map<String, Map<String, String>> arrivals = new HashMap<>();
        all(IntakeRecord::arrivedThroughFamilyReunification).forEach(r -> {
            FamilyReunification reunification = r.registration().getFamilyReunification();
            if (reunification.getExpectedMemberId() != null) {
                arrivals.computeIfAbsent(reunification.getAnchorPersonId(), k -> new HashMap<>())
                        .put(reunification.getExpectedMemberId(), r.personId());
            }
        });
        return arrivals;
    }

    /** Waits until the store shows at least {@code version} of the person's record, or the catch-up time passes. */
    boolean awaitVersion(String personId, int version) {
        // an erasure leaves one event, so it counts as caught up once the record shows it
        return ReadModelCatchUp.until(() -> current(personId).filter(r -> r.isErased() || r.version() >= version).isPresent(),
                CATCH_UP);
    }

    private static boolean isVisibleTo(DoorstroomUser user, IntakeRecord record) {
        return user.has(Role.COA_PLACEMENT_OFFICER) || user.worksAt(record.receptionLocation());
    }

    private Optional<IntakeRecord> latest(String personId) {
        ReadModelCatchUp.until(() -> current(personId).isPresent(), CATCH_UP);
        return current(personId);
    }
}
