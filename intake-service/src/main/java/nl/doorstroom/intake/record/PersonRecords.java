package nl.doorstroom.intake.record;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import nl.doorstroom.platform.readmodel.ReadModel;
import nl.doorstroom.platform.readmodel.ReadModels;
import nl.doorstroom.platform.security.CurrentUser;
import nl.doorstroom.platform.security.DoorstroomUser;
import nl.doorstroom.platform.security.Role;
import nl.doorstroom.platform.write.KeyedRecords;
import nl.doorstroom.platform.write.RecordStore;
import nl.doorstroom.platform.write.RecordStores;
import nl.doorstroom.platform.write.WritePaths;
import nl.doorstroom.schemas.Topics;
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
public class PersonRecords {

    static final String STORE = "intake-records";
    static final String HISTORY = "intake-record-history";
    private final RecordStore<IntakeRecordState, IntakeRecord, PersonEvent> store;
    private final ReadModel<String> arrivals;

    PersonRecords(KeyedRecords<IntakeRecordState, IntakeRecord, PersonEvent> intakeRecords, ArrivalsIndex arrivalsIndex) {
        this.store = intakeRecords.store();
        this.arrivals = arrivalsIndex.entries();
    }

    @Bean
    static KeyedRecords<IntakeRecordState, IntakeRecord, PersonEvent> intakeRecords(WritePaths paths,
                                                                                   StreamsBuilder builder,
                                                                                   ReadModels readModels) {
        return paths.records(builder, readModels, new KeyedRecords.Definition<>(Topics.INTAKE_PERSON_EVENTS, STORE,
                HISTORY, IntakeRecord.FOLD, IntakeRecord::of, RecordChanges::envelope));
    }

    @Bean
    static ArrivalsIndex arrivalsIndex(KeyedRecords<IntakeRecordState, IntakeRecord, PersonEvent> intakeRecords,
                                       StreamsBuilder builder, ReadModels readModels) {
        return ArrivalsIndex.add(builder, intakeRecords.changes(), readModels);
    }

    /** Every person's record and events, as the write path and the versions view read them. */
    public RecordStore<IntakeRecordState, IntakeRecord, PersonEvent> store() {
        return store;
    }

    /** A registered (and not erased) person, waiting briefly for a registration acknowledged a moment ago. */
    public Optional<IntakeRecord> find(String personId) {
        return store.awaitStored(personId).filter(IntakeRecord::isRegistered);
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
        return store.awaitStored(personId).filter(IntakeRecord::isErased).isPresent();
    }

    /** Every registered person the current user may see, that matches. */
    public List<IntakeRecord> visible(Predicate<IntakeRecord> filter) {
        DoorstroomUser user = CurrentUser.get();
        return all(record -> isVisibleTo(user, record) && filter.test(record));
    }

    /** Every registered person that matches, whoever asks; for rules that span locations (a nareiziger's anchor). */
    public List<IntakeRecord> all(Predicate<IntakeRecord> filter) {
        List<IntakeRecord> found = new ArrayList<>();
        for (KeyValue<String, IntakeRecordState> next : store.states().all()) {
            IntakeRecord record = IntakeRecord.of(next.value);
            if (record.isRegistered() && filter.test(record)) {
                found.add(record);
            }
        }
        return found;
    }

    /**
     * The nareizigers who arrived for an anchor person: expected member id → the nareiziger's person id. Looked up in
     * the arrivals index, and only when the anchor's household expects someone: never a scan of every record.
     */
    public Map<String, String> arrivalsOf(IntakeRecord anchor) {
        boolean expectsSomeone = anchor.household().map(h -> !h.getExpectedFamilyMembers().isEmpty()).orElse(false);
        if (!expectsSomeone) {
            return Map.of();
        }
        Map<String, String> arrived = new HashMap<>();
        arrivals.prefixScan(ArrivalsIndex.arrivalsPrefix(anchor.personId())).forEach(entry ->
                arrived.put(ArrivalsIndex.expectedMemberOf(entry.key), entry.value));
        return arrived;
    }

    /** Arrivals for every anchor person at once: anchor id → (expected member id → nareiziger's person id). */
    public Map<String, Map<String, String>> allArrivals() {
        Map<String, Map<String, String>> all = new HashMap<>();
        arrivals.prefixScan(ArrivalsIndex.ARRIVED_FOR).forEach(entry ->
                all.computeIfAbsent(ArrivalsIndex.anchorOf(entry.key), k -> new HashMap<>())
                        .put(ArrivalsIndex.expectedMemberOf(entry.key), entry.value));
        return all;
    }

    private static boolean isVisibleTo(DoorstroomUser user, IntakeRecord record) {
        return user.has(Role.COA_PLACEMENT_OFFICER) || user.worksAt(record.receptionLocation());
    }
}
