package nl.doorstroom.platform.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.subtle.AesGcmJce;

/**
 * The platform's master key (key-encryption key), which wraps every person's data key before it goes on
 * {@code privacy.subject-keys}: whoever reads that topic without the master key learns nothing.
 *
 * <p>Configured as {@code doorstroom.privacy.master-key}: a raw 256-bit AES key, 32 random bytes in base64
 * ({@code openssl rand -base64 32}). A raw key rather than a Tink keyset JSON because it is what secret stores and
 * Kubernetes secrets hold most easily, and it cannot be mistaken for a cleartext keyset with several keys. Wrapping
 * is AES256-GCM (Tink's {@link AesGcmJce}: random 12-byte nonce, 16-byte tag) of the person's Tink keyset in
 * Tink's binary proto format ({@link TinkProtoKeysetFormat#serializeEncryptedKeyset}), with the person id as
 * associated data, so a wrapped key copied to another person's record does not unwrap. Replacing this by a KMS
 * ({@code KmsClient#getAead}) later changes only where this {@link Aead} comes from.
 */
public final class MasterKey {

    public static final int KEY_BYTES = 32;
    static final String PROPERTY = "doorstroom.privacy.master-key";

    private final Aead aead;

    MasterKey(byte[] rawKey) {
        if (rawKey == null || rawKey.length != KEY_BYTES) {
            throw new PrivacyConfigurationException(PROPERTY + " must be exactly " + KEY_BYTES
                    + " random bytes (a 256-bit AES key) in base64, e.g. openssl rand -base64 32; it has "
                    + (rawKey == null ? 0 : rawKey.length) + " bytes");
        }
        try {
            this.aead = new AesGcmJce(rawKey);
        } catch (GeneralSecurityException e) {
            throw new PrivacyConfigurationException(PROPERTY + " cannot be used as an AES-256 key: " + e.getMessage());
        }
    }

    /** The master key from its configured form: 32 bytes in base64 (standard or URL-safe alphabet). */
    public static MasterKey fromBase64(String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new PrivacyConfigurationException(PROPERTY + " is not set; give it 32 random bytes in base64 "
                    + "(e.g. openssl rand -base64 32), from the service's secret store");
        }
        return new MasterKey(PrivacySecrets.decodeBase64(base64, PROPERTY));
    }

    /** The person's keyset, encrypted for storage on the topic. */
    byte[] wrap(KeysetHandle keyset, String personId) {
        try {
            return TinkProtoKeysetFormat.serializeEncryptedKeyset(keyset, aead, associatedData(personId));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot wrap the data key", e);
        }
    }

    /** The person's keyset from its stored form; fails when it was wrapped with another master key or person id. */
    KeysetHandle unwrap(byte[] wrapped, String personId) throws GeneralSecurityException {
        return TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, aead, associatedData(personId));
    }

    static byte[] associatedData(String personId) {
        return ("doorstroom:subject-key:" + personId).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "MasterKey[AES256-GCM]";
    }
}
