package nl.doorstroom.platform.privacy;

import java.util.Optional;

/**
 * Where the wrapped data keys live. In a service this is {@link KafkaSubjectKeyStore}: the compacted topic
 * {@code privacy.subject-keys} and a read model of it in every instance.
 */
public interface SubjectKeyStore {

    /**
     * The person's wrapped key. An empty answer is definite: the store has caught up with everything written before
     * the call (by any instance) and the person has no key.
     */
    Optional<byte[]> find(String personId);

    /**
     * Stores {@code wrapped} as the person's key unless they have one already, and returns the person's key from then
     * on: {@code wrapped}, or the key another writer stored first. Returns only when the key is durably stored and
     * readable through {@link #find}.
     */
    byte[] createIfAbsent(String personId, byte[] wrapped);

    /** Erases the person's key everywhere; returns when the erasure is durably stored and visible to {@link #find}. */
    void delete(String personId);
}
