package nl.doorstroom.platform.privacy;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The store's contract without Kafka, for unit tests; {@link #stored} shows exactly what would go on the topic. */
class InMemorySubjectKeyStore implements SubjectKeyStore {

    final Map<String, byte[]> stored = new ConcurrentHashMap<>();

    @Override
    public Optional<byte[]> find(String personId) {
        return Optional.ofNullable(stored.get(personId));
    }

    @Override
    public byte[] createIfAbsent(String personId, byte[] wrapped) {
        return stored.computeIfAbsent(personId, id -> wrapped.clone());
    }

    @Override
    public void delete(String personId) {
        stored.remove(personId);
    }
}
