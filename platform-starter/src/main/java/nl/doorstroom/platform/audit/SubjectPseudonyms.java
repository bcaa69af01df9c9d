package nl.doorstroom.platform.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Objects;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The processing log's pseudonym of a data subject: HMAC-SHA256 of the person id under a secret key, base64url
 * without padding (43 characters). The same person always gets the same pseudonym, so their entries can be listed for
 * an access request, but the pseudonym reveals nothing without the key. Kept to this one class so that the
 * platform's general per-domain pseudonym component can take its place.
 */
public final class SubjectPseudonyms {

    static final String ALGORITHM = "HmacSHA256";
    static final int MIN_KEY_BYTES = 32;

    private final SecretKeySpec key;

    private SubjectPseudonyms(byte[] key) {
        this.key = new SecretKeySpec(key, ALGORITHM);
    }

    /**
     * @param base64Secret the key, base64 (standard or URL alphabet), at least 32 bytes
     * @throws IllegalStateException when the key is missing, not base64 or too short (the message never shows it)
     */
    public static SubjectPseudonyms fromBase64Secret(String base64Secret) {
        if (base64Secret == null || base64Secret.isBlank()) {
            throw new IllegalStateException("doorstroom.audit.pseudonym-secret is not set: the processing log needs a "
                    + "base64 key of at least " + MIN_KEY_BYTES + " bytes to pseudonymise data subjects");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64Secret.strip().replace('-', '+').replace('_', '/'));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("doorstroom.audit.pseudonym-secret is not valid base64");
        }
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalStateException("doorstroom.audit.pseudonym-secret has " + key.length
                    + " bytes; at least " + MIN_KEY_BYTES + " are needed");
        }
        return new SubjectPseudonyms(key);
    }

    /** The pseudonym of one subject id (a person id). */
    public String of(String subjectId) {
        Objects.requireNonNull(subjectId, "subjectId");
        if (subjectId.isBlank()) {
            throw new IllegalArgumentException("a data subject id is blank");
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] digest = mac.doFinal(subjectId.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "SubjectPseudonyms[HMAC-SHA256, key hidden]";
    }
}
