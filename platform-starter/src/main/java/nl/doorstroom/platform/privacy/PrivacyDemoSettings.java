package nl.doorstroom.platform.privacy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Public demo values of the privacy secrets ({@code doorstroom-privacy-demo.properties}), for the local stack and
 * tests only. They apply when the Spring profile {@value #LOCAL_PROFILE} is active (as the lowest-precedence
 * property source, so a value the service sets wins), and never otherwise; platform-test offers them to tests that
 * ask for them. Every demo value decodes to a text starting with {@value #MARKER}, by which
 * {@link #isDemoSecret(byte[])} recognises them so that their use is logged as a warning. Outside that profile a
 * service refuses to start with any of them (or with the local realm's client secret), unless the test
 * infrastructure says it runs tests ({@value #ALLOWED_PROPERTY}).
 */
public class PrivacyDemoSettings implements EnvironmentPostProcessor {

    /** The profile of the one-command local stack. */
    public static final String LOCAL_PROFILE = "doorstroom-local";
    static final String MARKER = "DEMO-ONLY";
    private static final String RESOURCE = "/doorstroom-privacy-demo.properties";
    private static final String SOURCE_NAME = "doorstroomPrivacyDemoSettings (DEMO ONLY)";

    /** Set by the test infrastructure (platform-test, system tests), which runs services with the demo values. */
    public static final String ALLOWED_PROPERTY = "doorstroom.privacy.demo-secrets-allowed";
    /** The local realm's client secret of the pages (deploy/local's Keycloak), public like the rest. */
    static final String DEMO_CLIENT_SECRET = "doorstroom-web-local-secret";
    static final String CLIENT_SECRET_PROPERTY = "spring.security.oauth2.client.registration.keycloak.client-secret";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean local = Arrays.asList(environment.getActiveProfiles()).contains(LOCAL_PROFILE);
        if (local && !environment.getPropertySources().contains(SOURCE_NAME)) {
            environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, properties()));
        }
        if (!local && !environment.getProperty(ALLOWED_PROPERTY, Boolean.class, false)) {
            refuseDemoSecrets(environment);
        }
    }

    /**
     * Outside the local stack and tests a service does not start with a secret from the repository: anyone can read
     * those, so the data they protect would be anyone's.
     */
    static void refuseDemoSecrets(ConfigurableEnvironment environment) {
        Map<String, Object> demo = new LinkedHashMap<>(properties());
        demo.put(CLIENT_SECRET_PROPERTY, DEMO_CLIENT_SECRET);
        demo.forEach((name, value) -> {
            if (value.equals(environment.getProperty(name))) {
                throw new IllegalStateException(name + " is a public DEMO value from the repository. Set a secret of "
                        + "your own; demo values are accepted only with the Spring profile " + LOCAL_PROFILE + ".");
            }
        });
    }

    /** The demo settings, {@code doorstroom.privacy.*} names to values. Public: anyone can read them. */
    public static Map<String, Object> properties() {
        Properties loaded = new Properties();
        try (InputStream in = PrivacyDemoSettings.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the platform starter");
            }
            loaded.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        loaded.stringPropertyNames().stream().sorted().forEach(name -> properties.put(name, loaded.getProperty(name)));
        return properties;
    }

    /** Whether a decoded secret is one of the public demo values. */
    static boolean isDemoSecret(byte[] secret) {
        byte[] marker = MARKER.getBytes(StandardCharsets.US_ASCII);
        return secret.length >= marker.length && Arrays.equals(secret, 0, marker.length, marker, 0, marker.length);
    }
}
