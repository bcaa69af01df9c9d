package nl.doorstroom.platform.write;

import java.util.Locale;

import nl.doorstroom.platform.privacy.PseudonymDomain;
import nl.doorstroom.platform.privacy.Pseudonyms;

/**
 * Claim keys: keyed digests (HMAC with the platform's claims secret) of unique natural keys, so that a V-number meets
 * the same writer every time while nobody can compute it back from the key on the claims topic.
 */
public final class ClaimKeys {

    private final Pseudonyms pseudonyms;

    public ClaimKeys(Pseudonyms pseudonyms) {
        this.pseudonyms = pseudonyms;
    }

    /**
     * @param kind  what the natural key is ({@code v-number}, {@code kvk-number}), so equal values of two kinds differ
     * @param value the natural key, normalised by the caller (trimmed, no separators)
     */
    public String of(String kind, String value) {
        return pseudonyms.pseudonymOf(PseudonymDomain.CLAIMS, kind.toLowerCase(Locale.ROOT) + ":" + value);
    }
}
