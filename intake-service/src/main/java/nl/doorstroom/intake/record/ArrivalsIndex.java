package nl.doorstroom.intake.record;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

import nl.doorstroom.platform.readmodel.ReadModel;
import nl.doorstroom.platform.readmodel.ReadModels;
import nl.doorstroom.schemas.intake.FamilyReunification;
import nl.doorstroom.schemas.intake.IntakeRecordState;

/**
 * Which nareiziger (family member arriving later) arrived for which expected member of an anchor person's household,
 * kept in step with the records: {@code arrived-for/<anchor id>/<expected member id>} → the nareiziger's person id,
 * and {@code arrival/<nareiziger id>} → that key, so an erasure removes the entry. An entry lives with the nareiziger's
 * record (the same partition); an anchor's arrivals are a prefix scan over every instance, without reading anyone
 * else's record.
 */
public final class ArrivalsIndex {

    static final String STORE = "intake-arrivals";
    static final String ARRIVED_FOR = "arrived-for/";
    private static final String ARRIVAL = "arrival/";
    private static final char SEPARATOR = '/';

    private final ReadModel<String> entries;

    private ArrivalsIndex(ReadModel<String> entries) {
        this.entries = entries;
    }

    static ArrivalsIndex add(StreamsBuilder builder, KStream<String, IntakeRecordState> changes, ReadModels readModels) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(),
                Serdes.String()));
        changes.process(Indexer::new, Named.as(STORE), STORE);
        return new ArrivalsIndex(readModels.of(STORE, Serdes.String()));
    }

    ReadModel<String> entries() {
        return entries;
    }

    static String arrivalsPrefix(String anchorPersonId) {
        return ARRIVED_FOR + anchorPersonId + SEPARATOR;
    }

    static String anchorOf(String arrivedForKey) {
        return arrivedForKey.substring(ARRIVED_FOR.length(), arrivedForKey.lastIndexOf(SEPARATOR));
    }

    static String expectedMemberOf(String arrivedForKey) {
        return arrivedForKey.substring(arrivedForKey.lastIndexOf(SEPARATOR) + 1);
    }

    /** Adds a registered nareiziger's entry, removes an erased one's. */
    static final class Indexer implements Processor<String, IntakeRecordState, Void, Void> {

        private KeyValueStore<String, String> store;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore(STORE);
        }

        @Override
        public void process(Record<String, IntakeRecordState> changed) {
            String personId = changed.key();
            IntakeRecord record = IntakeRecord.of(changed.value());
            if (record.isRegistered() && record.arrivedThroughFamilyReunification()) {
                FamilyReunification reunification = record.registration().getFamilyReunification();
                if (reunification.getExpectedMemberId() != null && store.get(ARRIVAL + personId) == null) {
                    String key = arrivalsPrefix(reunification.getAnchorPersonId()) + reunification.getExpectedMemberId();
                    store.put(key, personId);
                    store.put(ARRIVAL + personId, key);
                }
            } else if (record.isErased()) {
                String key = store.delete(ARRIVAL + personId);
                if (key != null) {
                    store.delete(key);
                }
            }
        }
    }
}
