package nl.doorstroom.platform.write;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.apache.avro.specific.SpecificRecord;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

import nl.doorstroom.platform.kafka.AvroSerdes;
import nl.doorstroom.platform.kafka.ReadModelCatchUp;
import nl.doorstroom.platform.readmodel.ReadModel;
import nl.doorstroom.platform.readmodel.ReadModels;
import nl.doorstroom.schemas.platform.RecentRequest;
import nl.doorstroom.schemas.platform.WriterState;

/**
 * A service's records as its read models hold them ({@link RecordStores}): each record as it stands, and its events
 * one per version. The write path decides against it and waits on it; the service reads its records through it.
 *
 * @param <S> the stored value (an Avro record state)
 * @param <R> the service's view of it (a person's intake record, a trajectory)
 * @param <E> the envelope on the service's event topic
 */
public final class RecordStore<S extends SpecificRecord, R extends RecordStore.Versioned, E extends SpecificRecord> {

    /** A change acknowledged a moment ago may not be in the read model yet: wait at most this long for it. */
    private static final Duration CATCH_UP = Duration.ofSeconds(3);

    /** What the write path needs of every record: the writer's part of its state. */
    public interface Versioned {

        WriterState writes();

        /** The number of changes recorded. */
        default int version() {
            return writes().getVersion();
        }

        /** The digests of the record's most recent requests, newest first (a bounded number of them). */
        default List<RecentRequest> recentRequests() {
            return writes().getRecentRequests();
        }
    }

    private final ReadModel<S> states;
    private final EventHistory<E> history;
    private final Function<S, R> view;
    private final RecordFold<S, E> fold;
    private final RecordSealing sealing;

    /**
     * @param store   the record store's name
     * @param history the history store's name
     * @param view    the service's record of a stored value, its personal texts opened
     * @param fold    how the read model applies an event to a stored value
     */
    RecordStore(ReadModels readModels, KafkaProperties properties, String store, String history, Function<S, R> view,
                RecordFold<S, E> fold, RecordSealing sealing) {
        this.states = readModels.of(store, AvroSerdes.valueSerde(properties));
        this.history = new EventHistory<>(readModels.of(history, AvroSerdes.valueSerde(properties)));
        this.view = view;
        this.fold = fold;
        this.sealing = sealing;
    }

    /** The stored values themselves, their personal texts still sealed: for lists over every record. */
    public ReadModel<S> states() {
        return states;
    }

    /** The record as the read model holds it now, without waiting; empty for a key without events. */
    public Optional<R> stored(String key) {
        return states.get(key).map(sealing::open).map(view);
    }

    /** Waits, bounded, until the read model shows the record; the record, if it does. */
    public Optional<R> awaitStored(String key) {
        ReadModelCatchUp.until(() -> stored(key).isPresent(), CATCH_UP);
        return stored(key);
    }

    /** Waits, bounded, until the read model shows at least {@code version}; whether it does. */
    public boolean awaitVersion(String key, int version) {
        return ReadModelCatchUp.until(() -> stored(key).filter(r -> r.version() >= version).isPresent(), CATCH_UP);
    }

    /**
     * The record as the read model will show it once these events (sealed, as appended) are applied, computed with the
     * read model's own fold: the answer to a change that is committed while the read model cannot catch up yet (the
     * broker went away right after the commit).
     */
    R withEvents(String key, List<E> appended) {
        S record = states.get(key).orElseGet(() -> fold.empty(key));
        for (E event : appended) {
            record = RecordStores.fold(fold, record, event);
        }
        return view.apply(sealing.open(record));
    }

    /** Every event of the record, oldest first: one per version. */
    public List<E> history(String key) {
        return sealing.open(history.of(key));
    }

    /** The record's events of versions {@code first} to {@code last}, oldest first. */
    public List<E> events(String key, int first, int last) {
        return sealing.open(history.between(key, first, last));
    }

    /** The events of an earlier request with this Idempotency-Key digest, if the record still remembers it. */
    Optional<EarlierRequest<E>> earlierRequest(String key, R record, String keyDigest) {
        return record.recentRequests().stream().filter(request -> request.getKeyDigest().equals(keyDigest)).findFirst()
                .map(request -> new EarlierRequest<>(request.getRequestDigest(),
                        events(key, request.getFirstVersion(), request.getLastVersion())));
    }

    /**
     * @param requestDigest digest of the earlier request, to tell a repeat from a reused key
     * @param events        the events that request appended
     */
    record EarlierRequest<E>(String requestDigest, List<E> events) {
    }
}
