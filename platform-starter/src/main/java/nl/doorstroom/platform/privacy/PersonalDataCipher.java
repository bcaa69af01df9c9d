package nl.doorstroom.platform.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Objects;

import com.google.crypto.tink.Aead;

/**
 * Encrypts a person's direct identifiers (name, BSN, V-number, date of birth, contact) with that person's own data
 * key, so that erasing the key ({@link SubjectKeys#forget}) makes every copy unreadable.
 *
 * <p>Ciphertext: Tink's AEAD output (a 5-byte key prefix, a random 12-byte nonce, the AES256-GCM ciphertext and a
 * 16-byte tag); the associated data is the person id, so a ciphertext moved to another person's record does not
 * decrypt. Encrypting the same value twice gives different ciphertexts: never compare or index ciphertexts; use a
 * {@link Pseudonyms pseudonym} to look a value up.
 *
 * <p>Decrypting after erasure throws {@link SubjectErasedException} (not an empty result), so no caller can mistake
 * erased data for a missing optional field; a ciphertext that is altered or not the person's throws
 * {@link PersonalDataUnreadableException}.
 */
public class PersonalDataCipher {

    private static final String ASSOCIATED_DATA_PREFIX = "doorstroom:person:";

    private final SubjectKeys keys;

    public PersonalDataCipher(SubjectKeys keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /** Encrypts with the person's key, creating the key first if the person has none. */
    public byte[] encrypt(String personId, byte[] plaintext) {
        Objects.requireNonNull(plaintext, "plaintext");
        try {
            return keys.keyFor(personId).encrypt(plaintext, associatedData(personId));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt personal data of person " + personId, e);
        }
    }

    /**
     * @throws SubjectErasedException          the person's key has been erased
     * @throws PersonalDataUnreadableException the ciphertext is altered or belongs to another person
     */
    public byte[] decrypt(String personId, byte[] ciphertext) {
        Objects.requireNonNull(ciphertext, "ciphertext");
        Aead key = keys.existingKeyFor(personId).orElseThrow(() -> new SubjectErasedException(personId));
        try {
            return key.decrypt(ciphertext, associatedData(personId));
        } catch (GeneralSecurityException e) {
            throw new PersonalDataUnreadableException(personId, e);
        }
    }

    /** {@link #encrypt} of a text in UTF-8. */
    public byte[] encryptText(String personId, String plaintext) {
        return encrypt(personId, Objects.requireNonNull(plaintext, "plaintext").getBytes(StandardCharsets.UTF_8));
    }

    /** {@link #decrypt} of a text in UTF-8. */
    public String decryptText(String personId, byte[] ciphertext) {
        return new String(decrypt(personId, ciphertext), StandardCharsets.UTF_8);
    }

    static byte[] associatedData(String personId) {
        return (ASSOCIATED_DATA_PREFIX + personId).getBytes(StandardCharsets.UTF_8);
    }
}
