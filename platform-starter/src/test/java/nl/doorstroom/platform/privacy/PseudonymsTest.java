package nl.doorstroom.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PseudonymsTest {

    private static final String V_NUMBER = "1234567890";
    private static final String BSN = "999996708";

    private final Map<PseudonymDomain, byte[]> secrets = randomSecrets();
    private final Pseudonyms pseudonyms = new Pseudonyms(secrets);

    @Test
    void theSameSubjectGetsTheSamePseudonymEveryTime() {
        String first = pseudonyms.pseudonymOf(PseudonymDomain.EMPLOYER, V_NUMBER);
        assertThat(pseudonyms.pseudonymOf(PseudonymDomain.EMPLOYER, V_NUMBER)).isEqualTo(first);
        // and in another instance (another service) with the same secrets
        assertThat(new Pseudonyms(secrets).pseudonymOf(PseudonymDomain.EMPLOYER, V_NUMBER)).isEqualTo(first);
    }

    @Test
    void aKnownSecretGivesAKnownPseudonym() {
        // pins the documented format: HMAC-SHA256(secret, "<domain>:<id>"), first 20 bytes, lower-case base32
        Map<PseudonymDomain, byte[]> fixed = new EnumMap<>(PseudonymDomain.class);
        for (PseudonymDomain domain : PseudonymDomain.values()) {
            byte[] secret = new byte[32];
            secret[0] = (byte) domain.ordinal();
            fixed.put(domain, secret);
        }
        String pseudonym = new Pseudonyms(fixed).pseudonymOf(PseudonymDomain.ANALYTICS, "abc");
        assertThat(pseudonym).isEqualTo("analytics-" + Pseudonyms.base32(java.util.Arrays.copyOf(
                hmac(fixed.get(PseudonymDomain.ANALYTICS), "analytics:abc"), 20)));
    }

    @Test
    void domainsCannotBeJoined() {
        Set<String> perDomain = new HashSet<>();
        Set<String> hashParts = new HashSet<>();
        for (PseudonymDomain domain : PseudonymDomain.values()) {
            String pseudonym = pseudonyms.pseudonymOf(domain, V_NUMBER);
            perDomain.add(pseudonym);
            hashParts.add(pseudonym.substring(pseudonym.indexOf('-') + 1));
        }
        assertThat(perDomain).hasSize(PseudonymDomain.values().length);
        assertThat(hashParts).as("not merely a different prefix").hasSize(PseudonymDomain.values().length);
    }

    @Test
    void differentSubjectsGetDifferentPseudonyms() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertThat(seen.add(pseudonyms.pseudonymOf(PseudonymDomain.ANALYTICS, String.format("%09d", i)))).isTrue();
        }
        assertThat(pseudonyms.pseudonymOf(PseudonymDomain.ANALYTICS, "1234567890"))
                .isNotEqualTo(pseudonyms.pseudonymOf(PseudonymDomain.ANALYTICS, "1234567891"));
    }

    @Test
    void theSecretMatters() {
        Pseudonyms otherSecrets = new Pseudonyms(randomSecrets());
        for (PseudonymDomain domain : PseudonymDomain.values()) {
            assertThat(otherSecrets.pseudonymOf(domain, BSN)).isNotEqualTo(pseudonyms.pseudonymOf(domain, BSN));
        }
    }

    @ParameterizedTest
    @EnumSource(PseudonymDomain.class)
    void isUrlSafePrefixedAndHoldsNoIdentifier(PseudonymDomain domain) {
        for (String id : new String[] {V_NUMBER, BSN, "0f8fad5b-d9cb-469f-a165-70867728950e"}) {
            String pseudonym = pseudonyms.pseudonymOf(domain, id);
            assertThat(pseudonym).matches(domain.configName() + "-[a-z2-7]{32}");
            assertThat(Pseudonyms.isPseudonymOf(domain, pseudonym)).isTrue();
            assertThat(pseudonym).doesNotContain(id).doesNotContain(id.substring(0, 6));
            assertThat(pseudonym).doesNotContain(Base64.getEncoder().withoutPadding().encodeToString(id.getBytes()));
        }
    }

    @Test
    void refusesMissingShortOrSharedSecrets() {
        Map<PseudonymDomain, byte[]> missing = new EnumMap<>(secrets);
        missing.remove(PseudonymDomain.AUDIT);
        assertThatThrownBy(() -> new Pseudonyms(missing)).isInstanceOf(PrivacyConfigurationException.class)
                .hasMessageContaining("doorstroom.privacy.pseudonym-secrets.audit");

        Map<PseudonymDomain, byte[]> tooShort = new EnumMap<>(secrets);
        tooShort.put(PseudonymDomain.EMPLOYER, new byte[31]);
        assertThatThrownBy(() -> new Pseudonyms(tooShort)).isInstanceOf(PrivacyConfigurationException.class)
                .hasMessageContaining("doorstroom.privacy.pseudonym-secrets.employer").hasMessageContaining("31 bytes");

        Map<PseudonymDomain, byte[]> shared = new EnumMap<>(secrets);
        shared.put(PseudonymDomain.ANALYTICS, secrets.get(PseudonymDomain.EMPLOYER));
        assertThatThrownBy(() -> new Pseudonyms(shared)).isInstanceOf(PrivacyConfigurationException.class)
                .hasMessageContaining("same pseudonym secret");
    }

    @Test
    void readsBase64ConfigurationAndRefusesUnknownDomainsAndBadBase64() {
        Map<String, String> config = new HashMap<>();
        secrets.forEach((domain, secret) -> config.put(domain.configName(), Base64.getEncoder().encodeToString(secret)));
        assertThat(Pseudonyms.fromConfiguration(config).pseudonymOf(PseudonymDomain.AUDIT, V_NUMBER))
                .isEqualTo(pseudonyms.pseudonymOf(PseudonymDomain.AUDIT, V_NUMBER));

        Map<String, String> typo = new HashMap<>(config);
        typo.put("employers", config.get("employer"));
        assertThatThrownBy(() -> Pseudonyms.fromConfiguration(typo)).isInstanceOf(PrivacyConfigurationException.class)
                .hasMessageContaining("Unknown pseudonym domain").hasMessageContaining("employers");

        Map<String, String> notBase64 = new HashMap<>(config);
        notBase64.put("audit", "not base64 at all!");
        assertThatThrownBy(() -> Pseudonyms.fromConfiguration(notBase64))
                .isInstanceOf(PrivacyConfigurationException.class)
                .hasMessageContaining("not valid base64").hasMessageNotContaining("not base64 at all");

        assertThatThrownBy(() -> Pseudonyms.fromConfiguration(Map.of()))
                .isInstanceOf(PrivacyConfigurationException.class).hasMessageContaining("openssl rand -base64 32");
    }

    @Test
    void base32IsRfc4648LowerCase() {
        // RFC 4648 test vectors
        assertThat(Pseudonyms.base32("".getBytes())).isEmpty();
        assertThat(Pseudonyms.base32("f".getBytes())).isEqualTo("my");
        assertThat(Pseudonyms.base32("fooba".getBytes())).isEqualTo("mzxw6ytb");
        assertThat(Pseudonyms.base32("foobar".getBytes())).isEqualTo("mzxw6ytboi");
    }

    private static Map<PseudonymDomain, byte[]> randomSecrets() {
        SecureRandom random = new SecureRandom();
        Map<PseudonymDomain, byte[]> secrets = new EnumMap<>(PseudonymDomain.class);
        for (PseudonymDomain domain : PseudonymDomain.values()) {
            byte[] secret = new byte[32];
            random.nextBytes(secret);
            secrets.put(domain, secret);
        }
        return secrets;
    }

    private static byte[] hmac(byte[] key, String input) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
