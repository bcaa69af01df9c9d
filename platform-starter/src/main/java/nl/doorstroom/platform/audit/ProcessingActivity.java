package nl.doorstroom.platform.audit;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A processing activity (verwerkingsactiviteit) of the register of processing activities, named in code by a stable
 * key such as {@code intake-registratie}. Its URI in the register is configuration, not code
 * ({@code doorstroom.audit.activities.<key>}, else {@code doorstroom.audit.register-base-uri} + key), because the
 * register gives an activity a new id whenever it changes.
 *
 * @param key lowercase words joined by hyphens
 */
public record ProcessingActivity(String key) {

    private static final Pattern KEY = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public ProcessingActivity {
        Objects.requireNonNull(key, "key");
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("a processing activity key is lowercase words joined by hyphens: " + key);
        }
    }

    public static ProcessingActivity of(String key) {
        return new ProcessingActivity(key);
    }
}
