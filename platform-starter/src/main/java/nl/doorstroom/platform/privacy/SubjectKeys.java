package nl.doorstroom.platform.privacy;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

/**
 * Per-person data keys for crypto-shredding. Each person gets their own Tink keyset (AES256-GCM), stored wrapped
 * with the {@link MasterKey} in a {@link SubjectKeyStore}; {@link #forget} erases it, after which every copy of the
 * person's encrypted data, on every topic, state store, changelog and backup, is unreadable.
 *
 * <p>Unwrapped keys are cached per person, but every use first asks the store for the current wrapped key, so a key
 * erased by another service is not served from the cache.
 */
public class SubjectKeys {

    static {
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final SubjectKeyStore store;
    private final MasterKey masterKey;
    private final ConcurrentHashMap<String, Unwrapped> unwrapped = new ConcurrentHashMap<>();

    public SubjectKeys(SubjectKeyStore store, MasterKey masterKey) {
        this.store = Objects.requireNonNull(store, "store");
        this.masterKey = Objects.requireNonNull(masterKey, "masterKey");
    }

    /**
     * The person's key, created (and durably stored, acknowledged by every in-sync replica) when they have none.
     * Usable at once, here and, as soon as their read models have caught up, in every other service.
     */
    public Aead keyFor(String personId) {
        requirePersonId(personId);
        Optional<byte[]> existing = store.find(personId);
        if (existing.isPresent()) {
            return aead(personId, existing.get());
        }
        byte[] wrapped = masterKey.wrap(newKeyset(), personId);
        return aead(personId, store.createIfAbsent(personId, wrapped));
    }

    /** The person's key if they have one; empty when it was erased (or never created). Never creates a key. */
    public Optional<Aead> existingKeyFor(String personId) {
        requirePersonId(personId);
        Optional<byte[]> wrapped = store.find(personId);
        if (wrapped.isEmpty()) {
            unwrapped.remove(personId);
            return Optional.empty();
        }
        return Optional.of(aead(personId, wrapped.get()));
    }

    /**
     * Erases the person's key (crypto-shredding): a tombstone on {@code privacy.subject-keys}. Returns when the
     * broker has acknowledged it and this instance no longer has the key; other instances drop it as their read
     * models reach the tombstone, and the broker physically removes the wrapped key within the topic's
     * {@code max.compaction.lag.ms}.
     */
    public void forget(String personId) {
        requirePersonId(personId);
        unwrapped.remove(personId);
        store.delete(personId);
        unwrapped.remove(personId);
    }

    private Aead aead(String personId, byte[] wrapped) {
        Unwrapped cached = unwrapped.get(personId);
        if (cached != null && Arrays.equals(cached.wrapped(), wrapped)) {
            return cached.aead();
        }
        try {
            Aead aead = masterKey.unwrap(wrapped, personId).getPrimitive(RegistryConfiguration.get(), Aead.class);
            unwrapped.put(personId, new Unwrapped(wrapped, aead));
            return aead;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The data key of person " + personId + " does not unwrap: it was "
                    + "wrapped with another master key (doorstroom.privacy.master-key differs between services?)", e);
        }
    }

    private static KeysetHandle newKeyset() {
        try {
            return KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate an AES256-GCM data key", e);
        }
    }

    private static void requirePersonId(String personId) {
        if (personId == null || personId.isBlank()) {
            throw new IllegalArgumentException("A data key needs a person id");
        }
    }

    private record Unwrapped(byte[] wrapped, Aead aead) {
    }
}
