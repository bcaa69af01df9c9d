package nl.doorstroom.platform.write;

import java.util.List;
import java.util.Optional;

import nl.doorstroom.schemas.platform.RecentRequest;

/**
 * What the write path reads of a service's records: its read model of the records and their event history.
 *
 * @param <R> the service's record (a person's intake record, a trajectory)
 * @param <E> the envelope on the service's event topic
 */
public interface RecordStore<R extends RecordStore.Versioned, E> {

    /** What the write path needs of every record. */
    interface Versioned {

        int version();

        /** The digests of the record's most recent requests, newest first (a bounded number of them). */
        List<RecentRequest> recentRequests();
    }

    /** The record as the read model holds it now, without waiting; empty for a key without events. */
    Optional<R> stored(String key);

    /** Waits, bounded, until the read model shows at least {@code version}; whether it does. */
    boolean awaitVersion(String key, int version);

    /** The record's events of versions {@code first} to {@code last}, oldest first, from its history. */
    List<E> events(String key, int first, int last);

    /** The events of an earlier request with this Idempotency-Key digest, if the record still remembers it. */
    default Optional<EarlierRequest<E>> earlierRequest(String key, R record, String keyDigest) {
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
