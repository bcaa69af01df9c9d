package nl.doorstroom.platform.write;

import java.util.List;
import java.util.Optional;

import nl.doorstroom.schemas.platform.RequestDigests;

/**
 * What the write path needs from a service about its records: the read model, and how a payload becomes the service's
 * event envelope.
 *
 * @param <R> the service's record (a person's intake record, a trajectory)
 * @param <E> the envelope on the service's event topic
 */
public interface RecordReads<R, E> {

    /** The record as the read model holds it now, without waiting; empty for a key without events. */
    Optional<R> current(String key);

    int version(R record);

    /** Waits, bounded, until the read model shows at least {@code version}; whether it does. */
    boolean awaitVersion(String key, int version);

    /** The record's events, oldest first, as far as the record keeps them. */
    List<E> history(R record);

    /** The digests of the request that caused an event; {@code null} for a request without Idempotency-Key. */
    RequestDigests digestsOf(E event);

    /** The events of an earlier request with this Idempotency-Key digest that the record still knows of. */
    default Optional<EarlierRequest<E>> earlierRequest(R record, String keyDigest) {
        List<E> earlier = history(record).stream().filter(event -> {
            RequestDigests digests = digestsOf(event);
            return digests != null && digests.getKeyDigest().equals(keyDigest);
        }).toList();
        return earlier.isEmpty() ? Optional.empty()
                : Optional.of(new EarlierRequest<>(digestsOf(earlier.getFirst()).getRequestDigest(), earlier));
    }

    /** The event of one change: the payload in the envelope, with the record version, who and the request's digests. */
    E envelope(String key, int version, Object payload, RequestDigests digests);

    /**
     * @param requestDigest digest of the earlier request, to tell a repeat from a reused key
     * @param events        the events that request appended
     */
    record EarlierRequest<E>(String requestDigest, List<E> events) {
    }
}
