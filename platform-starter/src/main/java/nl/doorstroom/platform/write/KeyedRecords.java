package nl.doorstroom.platform.write;

import java.util.function.Function;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.kstream.KStream;
import org.springframework.context.SmartLifecycle;

import nl.doorstroom.schemas.Topic;

/**
 * A service's keyed records, wired once (DESIGN §1): its own event topic read once (a topic can be the source of only
 * one stream in a topology), the bounded record stores materialised from it ({@link RecordStores}), their read side
 * ({@link RecordStore}) and the single-writer write path ({@link WritePath}). Made by {@link WritePaths#records}; expose
 * it as a bean, so the write path's reply consumer starts and stops with the application.
 *
 * @param events  the service's own event stream, for topologies derived from it
 * @param changes every changed record as stored, for read models derived from the records
 * @param store   the records and their history, as the read models hold them
 * @param writes  the one way a record changes
 */
public record KeyedRecords<S extends SpecificRecord, R extends RecordStore.Versioned, E extends SpecificRecord>(
        KStream<String, E> events, KStream<String, S> changes, RecordStore<S, R, E> store, WritePath<R, E> writes)
        implements SmartLifecycle {

    /**
     * What a service says about its records.
     *
     * @param topic        the service's event topic (the system of record)
     * @param recordStore  name of the store of records as they stand
     * @param historyStore name of the store of their events, one per version
     * @param fold         how an event changes a stored record
     * @param view         the service's record of a stored value
     * @param envelope     how a change's payload becomes an event on the topic
     */
    public record Definition<S, R, E extends SpecificRecord>(Topic<String, E> topic, String recordStore, String historyStore,
                                      RecordFold<S, E> fold, Function<S, R> view, EventEnvelope<E> envelope) {
    }

    @Override
    public void start() {
        writes.start();
    }

    @Override
    public void stop() {
        writes.stop();
    }

    @Override
    public boolean isRunning() {
        return writes.isRunning();
    }
}
