package nl.doorstroom.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.aead.AesGcmKey;

class PersonalDataCipherTest {

    private static final String NAME = "Amina Haddad";

    private final MasterKey masterKey = new MasterKey(randomBytes(32));
    private final InMemorySubjectKeyStore store = new InMemorySubjectKeyStore();
    private final SubjectKeys keys = new SubjectKeys(store, masterKey);
    private final PersonalDataCipher cipher = new PersonalDataCipher(keys);
    private final String amina = UUID.randomUUID().toString();
    private final String omar = UUID.randomUUID().toString();

    @Test
    void roundTrip() {
        byte[] ciphertext = cipher.encryptText(amina, NAME);
        assertThat(new String(ciphertext, StandardCharsets.ISO_8859_1)).doesNotContain(NAME);
        assertThat(cipher.decryptText(amina, ciphertext)).isEqualTo(NAME);
        // random nonces: the same value twice gives different ciphertexts, both readable
        byte[] again = cipher.encryptText(amina, NAME);
        assertThat(again).isNotEqualTo(ciphertext);
        assertThat(cipher.decryptText(amina, again)).isEqualTo(NAME);
        assertThat(cipher.decrypt(amina, cipher.encrypt(amina, new byte[0]))).isEmpty();
    }

    @Test
    void anotherServiceWithTheSameStoreAndMasterKeyDecrypts() {
        byte[] ciphertext = cipher.encryptText(amina, NAME);
        PersonalDataCipher elsewhere = new PersonalDataCipher(new SubjectKeys(store, masterKey));
        assertThat(elsewhere.decryptText(amina, ciphertext)).isEqualTo(NAME);
    }

    @Test
    void aCiphertextCannotBeMovedToAnotherPerson() {
        byte[] ciphertext = cipher.encryptText(amina, NAME);
        cipher.encryptText(omar, "Omar");
        assertThatThrownBy(() -> cipher.decrypt(omar, ciphertext)).isInstanceOf(PersonalDataUnreadableException.class);
    }

    @Test
    void theAssociatedDataIsThePersonIdEvenWithTheRightKey() throws GeneralSecurityException {
        byte[] ciphertext = keys.keyFor(amina).encrypt(NAME.getBytes(StandardCharsets.UTF_8),
                PersonalDataCipher.associatedData(omar));
        assertThatThrownBy(() -> cipher.decrypt(amina, ciphertext)).isInstanceOf(PersonalDataUnreadableException.class);
    }

    @Test
    void aTamperedCiphertextIsRefused() {
        byte[] ciphertext = cipher.encryptText(amina, NAME);
        for (int i = 0; i < ciphertext.length; i++) {
            byte[] tampered = ciphertext.clone();
            tampered[i] ^= 0x01;
            assertThatThrownBy(() -> cipher.decrypt(amina, tampered)).as("flipped bit in byte %d", i)
                    .isInstanceOf(PersonalDataUnreadableException.class);
        }
        byte[] truncated = java.util.Arrays.copyOf(ciphertext, ciphertext.length - 1);
        assertThatThrownBy(() -> cipher.decrypt(amina, truncated)).isInstanceOf(PersonalDataUnreadableException.class);
    }

    @Test
    void differentPersonsGetDifferentKeys() throws GeneralSecurityException {
        keys.keyFor(amina);
        keys.keyFor(omar);
        assertThat(rawKey(amina)).isNotEqualTo(rawKey(omar));
        assertThat(store.stored.get(amina)).isNotEqualTo(store.stored.get(omar));
        // and a person keeps their key
        byte[] before = store.stored.get(amina);
        keys.keyFor(amina);
        assertThat(store.stored.get(amina)).isSameAs(before);
    }

    @Test
    void theStoredKeyIsWrappedNotRaw() throws GeneralSecurityException {
        cipher.encryptText(amina, NAME);
        byte[] stored = store.stored.get(amina);
        byte[] raw = rawKey(amina);
        assertThat(raw).hasSize(32);
        assertThat(indexOf(stored, raw)).as("raw AES key inside the stored value").isEqualTo(-1);
        assertThat(indexOf(stored, java.util.Arrays.copyOf(raw, 8))).as("even a part of it").isEqualTo(-1);
        // a wrapped key does not unwrap with another master key, nor as another person's key
        assertThatThrownBy(() -> new MasterKey(randomBytes(32)).unwrap(stored, amina))
                .isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> masterKey.unwrap(stored, omar)).isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void afterErasureNothingDecrypts() {
        byte[] name = cipher.encryptText(amina, NAME);
        byte[] other = cipher.encryptText(omar, "Omar");
        keys.forget(amina);
        assertThat(store.stored).doesNotContainKey(amina);
        assertThatThrownBy(() -> cipher.decrypt(amina, name)).isInstanceOf(SubjectErasedException.class)
                .hasMessageContaining(amina);
        assertThat(keys.existingKeyFor(amina)).isEmpty();
        assertThat(cipher.decryptText(omar, other)).isEqualTo("Omar");
        // a new key after erasure does not bring the old data back
        cipher.encryptText(amina, "new");
        assertThatThrownBy(() -> cipher.decrypt(amina, name)).isInstanceOf(PersonalDataUnreadableException.class);
    }

    @Test
    void decryptingNeverCreatesAKey() {
        assertThatThrownBy(() -> cipher.decrypt(amina, new byte[40])).isInstanceOf(SubjectErasedException.class);
        assertThat(store.stored).isEmpty();
    }

    @Test
    void theMasterKeyMustBe32Bytes() {
        assertThatThrownBy(() -> new MasterKey(randomBytes(16))).isInstanceOf(PrivacyConfigurationException.class)
                .hasMessageContaining("doorstroom.privacy.master-key").hasMessageContaining("32");
        assertThatThrownBy(() -> MasterKey.fromBase64(null)).isInstanceOf(PrivacyConfigurationException.class)
                .hasMessageContaining("not set");
        assertThat(MasterKey.fromBase64(java.util.Base64.getEncoder().encodeToString(randomBytes(32)))).isNotNull();
    }

    private byte[] rawKey(String personId) throws GeneralSecurityException {
        KeysetHandle keyset = masterKey.unwrap(store.stored.get(personId), personId);
        assertThat(keyset.size()).isEqualTo(1);
        return ((AesGcmKey) keyset.getPrimary().getKey()).getKeyBytes().toByteArray(InsecureSecretKeyAccess.get());
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
