package nl.doorstroom.platform.write;

import nl.doorstroom.schemas.platform.RequestDigests;

/**
 * How a payload becomes the event of one change on a service's topic: its envelope with the record version, who made
 * the change and the request's digests.
 *
 * @param <E> the envelope on the service's event topic
 */
@FunctionalInterface
public interface EventEnvelope<E> {

    /**
     * @param digests the request's Idempotency-Key digests, or {@code null} for a request without a key
     */
    E wrap(String key, int version, Object payload, RequestDigests digests);
}
