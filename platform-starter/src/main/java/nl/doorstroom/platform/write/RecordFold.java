package nl.doorstroom.platform.write;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

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

    /** The version and recent requests of a record without events. */
    static WriterState unwritten() {
        return new WriterState(0, List.of());
    }

    /** A fold of these functions. */
    static <S, E extends IndexedRecord> RecordFold<S, E> of(Function<String, S> empty, Function<S, WriterState> written,
                                                            Step<S, E> apply, Predicate<E> erases) {
        return new RecordFold<>() {
            @Override
            public S empty(String key) {
                return empty.apply(key);
            }

            @Override
            public WriterState written(S record) {
                return written.apply(record);
            }

            @Override
            public S apply(S record, E event, WriterState next) {
                return apply.apply(record, event, next);
            }

            @Override
            public boolean erases(E event) {
                return erases.test(event);
            }
        };
    }

    /** {@link #apply} as a function. */
    @FunctionalInterface
    interface Step<S, E> {
        S apply(S record, E event, WriterState written);
    }
}
