package nl.doorstroom.platform.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed pseudonyms of a data subject, one secret per receiving domain ({@link PseudonymDomain}), so that the
 * pseudonyms two domains receive cannot be joined, and nobody without the domain's secret can recompute a pseudonym
 * from a BSN or V-number (a plain hash of a 9-digit BSN is reversed by trying them all).
 *
 * <p>Format: {@code <domain>-<32 characters>}, e.g. {@code employer-3xk…}: the domain's configuration name, a hyphen,
 * and the first 160 bits of HMAC-SHA256(secret of the domain, {@code <domain>:<subject id>} in UTF-8) in lower-case
 * base32 (RFC 4648 alphabet {@code a-z2-7}, no padding). Stable for as long as the domain's secret is, URL-safe,
 * case-insensitive and without look-alike characters. The domain name is also part of the MAC input, so even two
 * domains configured with the same secret by mistake would not produce joinable pseudonyms (and that mistake is
 * refused at start anyway).
 *
 * <p>Thread-safe; no Spring needed.
 */
public final class Pseudonyms {

    /** A secret shorter than this (in bytes) is refused: HMAC-SHA256 wants a key of at least its output size. */
    public static final int MIN_SECRET_BYTES = 32;
    static final int PSEUDONYM_BYTES = 20;
    private static final String ALGORITHM = "HmacSHA256";
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    private final Map<PseudonymDomain, SecretKeySpec> secrets = new EnumMap<>(PseudonymDomain.class);

    /** @param secrets the secret of every domain, at least {@value #MIN_SECRET_BYTES} bytes each, all different */
    public Pseudonyms(Map<PseudonymDomain, byte[]> secrets) {
        for (PseudonymDomain domain : PseudonymDomain.values()) {
            byte[] secret = secrets.get(domain);
            if (secret == null) {
                throw new PrivacyConfigurationException("No pseudonym secret for the domain '" + domain.configName()
                        + "': set doorstroom.privacy.pseudonym-secrets." + domain.configName()
                        + " to at least " + MIN_SECRET_BYTES + " random bytes in base64 (e.g. openssl rand -base64 32)");
            }
            if (secret.length < MIN_SECRET_BYTES) {
                throw new PrivacyConfigurationException("The pseudonym secret for the domain '" + domain.configName()
                        + "' (doorstroom.privacy.pseudonym-secrets." + domain.configName() + ") has " + secret.length
                        + " bytes; at least " + MIN_SECRET_BYTES + " are needed (e.g. openssl rand -base64 32)");
            }
            for (var other : this.secrets.entrySet()) {
                if (Arrays.equals(other.getValue().getEncoded(), secret)) {
                    throw new PrivacyConfigurationException("The domains '" + other.getKey().configName() + "' and '"
                            + domain.configName() + "' have the same pseudonym secret; each domain needs its own, "
                            + "or their pseudonyms could be joined");
                }
            }
            this.secrets.put(domain, new SecretKeySpec(secret.clone(), ALGORITHM));
        }
    }

    /**
     * Reads the secrets as configured under {@code doorstroom.privacy.pseudonym-secrets}: domain name to base64
     * (standard or URL-safe alphabet). An unknown domain name is refused, so a typo does not go unnoticed.
     */
    public static Pseudonyms fromConfiguration(Map<String, String> base64Secrets) {
        Map<PseudonymDomain, byte[]> secrets = new EnumMap<>(PseudonymDomain.class);
        if (base64Secrets != null) {
            for (var entry : base64Secrets.entrySet()) {
                PseudonymDomain domain = PseudonymDomain.fromConfigName(entry.getKey());
                if (domain == null) {
                    throw new PrivacyConfigurationException("Unknown pseudonym domain 'doorstroom.privacy.pseudonym-secrets."
                            + entry.getKey() + "'; known domains: " + Arrays.stream(PseudonymDomain.values())
                            .map(PseudonymDomain::configName).toList());
                }
                secrets.put(domain, PrivacySecrets.decodeBase64(entry.getValue(),
                        "doorstroom.privacy.pseudonym-secrets." + domain.configName()));
            }
        }
        return new Pseudonyms(secrets);
    }

    /**
     * The pseudonym of a subject for one receiving domain.
     *
     * @param subjectId the identifier to pseudonymise (a person id, V-number or BSN), used exactly as given:
     *                  normalise it first (trim, no separators) if it can be written in several ways
     */
    public String pseudonymOf(PseudonymDomain domain, String subjectId) {
        Objects.requireNonNull(domain, "domain");
        if (subjectId == null || subjectId.isEmpty()) {
            throw new IllegalArgumentException("A pseudonym needs a subject identifier");
        }
        byte[] mac;
        try {
            Mac hmac = Mac.getInstance(ALGORITHM);
            hmac.init(secrets.get(domain));
            hmac.update((domain.configName() + ":").getBytes(StandardCharsets.UTF_8));
            mac = hmac.doFinal(subjectId.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
        return domain.configName() + "-" + base32(Arrays.copyOf(mac, PSEUDONYM_BYTES));
    }

    /** Whether {@code value} has the form of a pseudonym of the domain (not whether anyone has it). */
    public static boolean isPseudonymOf(PseudonymDomain domain, String value) {
        return value != null && value.matches(domain.configName() + "-[a-z2-7]{32}");
    }

    /** RFC 4648 base32, lower case, without padding; 20 bytes give exactly 32 characters. */
    static String base32(byte[] bytes) {
        StringBuilder out = new StringBuilder((bytes.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32[(buffer >>> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(BASE32[(buffer << (5 - bits)) & 31]);
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return "Pseudonyms" + secrets.keySet();
    }
}
