package nl.doorstroom.platform.privacy;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The privacy primitives' settings, under {@code doorstroom.privacy.*}. Nothing here has a production default:
 * when any of these is set, all secrets must be, and the service refuses to start otherwise. Demo values for the
 * local stack come with the {@code doorstroom-local} profile ({@link PrivacyDemoSettings}), those for tests from
 * platform-test.
 *
 * @param pseudonymSecrets domain name ({@code employer}, {@code analytics}, {@code audit}) to its HMAC secret:
 *                         at least 32 random bytes in base64, different for every domain
 * @param masterKey        the key that wraps every person's data key: exactly 32 random bytes (AES-256) in base64
 * @param timeout          how long a call waits for the data-key read model (first load, catching up) before it
 *                         fails with 503
 */
@ConfigurationProperties(PrivacyProperties.PREFIX)
public record PrivacyProperties(Map<String, String> pseudonymSecrets, String masterKey, Duration timeout) {

    public static final String PREFIX = "doorstroom.privacy";

    public PrivacyProperties {
        pseudonymSecrets = pseudonymSecrets == null ? Map.of() : Map.copyOf(pseudonymSecrets);
        if (timeout == null) {
            timeout = Duration.ofSeconds(30);
        }
    }

    @Override
    public String toString() {
        // never print the secrets
        return "PrivacyProperties[pseudonymSecrets=" + pseudonymSecrets.keySet() + ", masterKey="
                + (masterKey == null ? "unset" : "set") + ", timeout=" + timeout + "]";
    }
}
