package nl.doorstroom.intake.record;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
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
import nl.doorstroom.platform.write.EventHistory;
import nl.doorstroom.platform.write.RecordStore;
import nl.doorstroom.platform.write.RecordStores;
import nl.doorstroom.schemas.Topics;
import nl.doorstroom.schemas.intake.FamilyReunification;
import nl.doorstroom.schemas.intake.IntakeRecordState;
import nl.doorstroom.schemas.intake.PersonEvent;

/**
 * Every person's intake record, materialised from this service's own topic (Kafka is the system of record) into two
 * stores ({@link RecordStores}): {@value #STORE} keeps each person's record as it stands, bounded whatever the number
 * of changes; {@value #HISTORY} keeps each event under {@code <person id>/<version>}, for the versions view and for
 * repeated requests. An erased person keeps only the version and the erasure (no personal data), so a repeated erasure
 * is recognised, and their history entries are removed.
 */
@Configuration(proxyBeanMethods = false)
public class PersonRecords implements RecordStore<IntakeRecord, PersonEvent> {

    static final String STORE = "intake-records";
    static final String HISTORY = "intake-record-history";
    /** A person registered a moment ago may not be in the read model yet: wait this long before answering 404. */
    private static final Duration CATCH_UP = Duration.ofSeconds(3);

    private final ReadModel<IntakeRecordState> store;
    private final EventHistory<PersonEvent> history;

    PersonRecords(ReadModels readModels, KafkaProperties properties) {
        this.store = readModels.of(STORE, AvroSerdes.valueSerde(properties));
        this.history = new EventHistory<>(readModels.of(HISTORY, AvroSerdes.valueSerde(properties)));
    }

    /** The one source of this service's own topic: the record stores and the write path's single writer share it. */
    @Bean
    static KStream<String, PersonEvent> personEvents(StreamsBuilder builder, KafkaProperties properties) {
        AvroSerde<PersonEvent> events = AvroSerdes.valueSerde(properties);
        return builder.stream(Topics.INTAKE_PERSON_EVENTS.name(), Consumed.with(Serdes.String(), events));
    }

    @Bean
    static KStream<String, IntakeRecordState> personRecordChanges(StreamsBuilder builder,
                                                                  KStream<String, PersonEvent> personEvents,
                                                                  KafkaProperties properties) {
        return RecordStores.materialise(builder, personEvents, STORE, AvroSerdes.valueSerde(properties), HISTORY,
                AvroSerdes.valueSerde(properties), IntakeRecord.FOLD);
    }

    /** The record as the store holds it right now, without waiting; empty if the person has no events. */
    @Override
    public Optional<IntakeRecord> stored(String personId) {
        return store.get(personId).map(IntakeRecord::of);
    }

    /** The person's events, oldest first: one per version. */
    public List<PersonEvent> history(String personId) {
        return history.of(personId);
    }

    /** The person's events of versions {@code first} to {@code last}, oldest first. */
    @Override
    public List<PersonEvent> events(String personId, int first, int last) {
        return history.between(personId, first, last);
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
        for (KeyValue<String, IntakeRecordState> next : store.all()) {
            IntakeRecord record = IntakeRecord.of(next.value);
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
    @Override
    public boolean awaitVersion(String personId, int version) {
        return ReadModelCatchUp.until(() -> stored(personId).filter(r -> r.version() >= version).isPresent(), CATCH_UP);
    }

    private static boolean isVisibleTo(DoorstroomUser user, IntakeRecord record) {
        return user.has(Role.COA_PLACEMENT_OFFICER) || user.worksAt(record.receptionLocation());
    }

    private Optional<IntakeRecord> latest(String personId) {
        ReadModelCatchUp.until(() -> stored(personId).isPresent(), CATCH_UP);
        return stored(personId);
    }
}
