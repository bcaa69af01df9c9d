package nl.doorstroom.platform.write;

import org.apache.avro.generic.IndexedRecord;

import nl.doorstroom.schemas.platform.WriterState;

/**
 * How a service's bounded record follows its events. The sections are the service's own; the version and the digests
 * of recent requests are worked out once, for every service, by {@link RecordStores#fold}.
 *
 * @param <S> the record as stored
 * @param <E> the envelope on the service's event topic
 */
public interface RecordFold<S, E extends IndexedRecord> {

    /** The record of a key without events. */
    S empty(String key);

    /** The version and the recent requests the record keeps. */
    WriterState written(S record);

    /** The record after the event, with {@code written} as its version and recent requests. */
    S apply(S record, E event, WriterState written);

    /**
     * Whether the event erases the record: its history entries are removed, and {@link #apply} keeps only what the
     * erasure itself needs.
     */
    boolean erases(E event);
}
