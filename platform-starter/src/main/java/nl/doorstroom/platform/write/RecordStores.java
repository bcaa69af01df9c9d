package nl.doorstroom.platform.write;

import java.util.ArrayList;
import java.util.List;

import org.apache.avro.generic.IndexedRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

import nl.doorstroom.schemas.platform.WriterState;

/**
 * Bounded records (DESIGN §1): a service's read model of its keyed records, materialised from its own event stream
 * into two stores that change together, in one processor:
 * <ul>
 *     <li>the record store, record key → the record as it stands (each section's latest state, its version and the
 *     digests of its recent requests), so a value never grows with the number of changes: a changelog value over the
 *     broker's limit stops Streams, and a restart replays into the same failure;</li>
 *     <li>the history store, {@link #historyKey} → the event, one entry per version, for history views and for
 *     answering a repeated request with the events it appended ({@link EventHistory}).</li>
 * </ul>
 */
public final class RecordStores {

    private static final StringSerializer KEYS = new StringSerializer();

    private RecordStores() {
    }

    /** Key of one event in a history store: the record key, then the version zero-padded, so keys sort by version. */
    public static String historyKey(String key, int version) {
        return historyPrefix(key) + "%010d".formatted(version);
    }

    static String historyPrefix(String key) {
        return key + "/";
    }

    /**
     * The record after one more event, or the same instance when the record already has it (a redelivered event
     * names a version the record has passed). An event that names no version (written before envelopes carried one)
     * is the next.
     */
    public static <S, E extends IndexedRecord> S fold(RecordFold<S, E> fold, S record, E event) {
        WriterState written = fold.written(record);
        int named = Envelopes.recordVersion(event);
        if (named != 0 && named <= written.getVersion()) {
            return record;
        }
        int version = named == 0 ? written.getVersion() + 1 : named;
        return fold.apply(record, event, RecentRequests.after(written, version, version, Envelopes.digests(event)));
    }

    /**
     * Adds both stores and their processor to the topology.
     *
     * @param events the service's stream of its own event topic (a topic has one source in a topology)
     * @return every changed record, keyed by record key, for read models derived from it
     */
    public static <S, E extends IndexedRecord> KStream<String, S> materialise(
            StreamsBuilder builder, KStream<String, E> events, String recordStore, Serde<S> records,
            String historyStore, Serde<E> history, RecordFold<S, E> fold) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(recordStore),
                Serdes.String(), records));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(historyStore),
                Serdes.String(), history));
        return events.process(() -> new RecordProcessor<>(fold, recordStore, historyStore), Named.as(recordStore),
                recordStore, historyStore);
    }

    private static final class RecordProcessor<S, E extends IndexedRecord> implements Processor<String, E, String, S> {

        private final RecordFold<S, E> fold;
        private final String recordStore;
        private final String historyStore;
        private ProcessorContext<String, S> context;
        private KeyValueStore<String, S> records;
        private KeyValueStore<String, E> history;

        RecordProcessor(RecordFold<S, E> fold, String recordStore, String historyStore) {
            this.fold = fold;
            this.recordStore = recordStore;
            this.historyStore = historyStore;
        }

        @Override
        public void init(ProcessorContext<String, S> context) {
            this.context = context;
            records = context.getStateStore(recordStore);
            history = context.getStateStore(historyStore);
        }

        @Override
        public void process(Record<String, E> record) {
            String key = record.key();
            E event = record.value();
            if (key == null || event == null) {
                return;
            }
            S before = records.get(key);
            if (before == null) {
                before = fold.empty(key);
            }
            S after = RecordStores.fold(fold, before, event);
            if (after == before) {
                return;
            }
            // the history first: a reader that sees the record's version finds its events
            if (fold.erases(event)) {
                forget(key);
            } else {
                history.put(historyKey(key, fold.written(after).getVersion()), event);
            }
            records.put(key, after);
            context.forward(record.withValue(after));
        }

        /** Tombstones every history entry of the key, so nothing of an erased record stays in the changelog. */
        private void forget(String key) {
            List<String> keys = new ArrayList<>();
            try (KeyValueIterator<String, E> entries = history.prefixScan(historyPrefix(key), KEYS)) {
                entries.forEachRemaining(entry -> keys.add(entry.key));
            }
            keys.forEach(history::delete);
        }
    }
}
