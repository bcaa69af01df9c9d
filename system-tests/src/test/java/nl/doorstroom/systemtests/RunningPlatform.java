package nl.doorstroom.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.kafka.test.EmbeddedKafkaBroker;

import nl.doorstroom.local.Keycloak;
import nl.doorstroom.platform.privacy.PrivacyDemoSettings;
import nl.doorstroom.platform.test.SchemaRegistryServer;
import nl.doorstroom.platform.test.TestTokens;

/**
 * All four services, started once per test JVM from their packaged jars against the JVM's broker and registry, and
 * stopped when the JVM exits. Their pages sign users in at a real Keycloak with the local stack's demo realm
 * (OpenID Connect, as in the local stack); their APIs trust the test token signer as they would trust the identity
 * provider, so API tests make tokens for any role and scope without a user for each.
 */
final class RunningPlatform {

    static final List<String> SERVICES = List.of("intake-service", "trajectory-service", "employer-service", "analytics-service");

    private static Map<String, ServiceProcess> running;
    private static String issuer;
    private static RuntimeException failedToStart;

    private RunningPlatform() {
    }

    static synchronized ServiceProcess service(String name) {
        if (failedToStart != null) {
            // a second start beside the first one's processes (Keycloak holds its database) would only fail confusingly
            throw new IllegalStateException("the platform did not start; see the first failure", failedToStart);
        }
        if (running == null) {
            try {
                running = start();
            } catch (RuntimeException e) {
                failedToStart = e;
                throw e;
            }
        }
        return running.get(name);
    }

    private static Map<String, ServiceProcess> start() {
        issuer();
        Map<String, ServiceProcess> started = new LinkedHashMap<>();
        for (String name : SERVICES) {
            started.put(name, ServiceProcess.start(name, settings(name)));
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> started.values().forEach(ServiceProcess::close)));
        started.values().forEach(service -> service.awaitReady(Duration.ofSeconds(180)));
        return started;
    }

    /**
     * One more instance of a running service (same application id, its own state directory and port), ready; the
     * caller stops it. The instances share the broker's partitions, so reads and writes of one person may be answered
     * by either.
     */
    static ServiceProcess startAnother(String name, String instance) {
        service(name);
        ServiceProcess another = ServiceProcess.start(name, instance, settings(name));
        Runtime.getRuntime().addShutdownHook(new Thread(another::close));
        return another.awaitReady(Duration.ofSeconds(180));
    }

    /** The realm's issuer, Keycloak started on first use: the services read its OpenID configuration at start-up. */
    private static synchronized String issuer() {
        if (issuer == null) {
            issuer = KeycloakServer.start().awaitReady().issuer();
        }
        return issuer;
    }

    private static Map<String, String> settings(String name) {
        return settings(name, System.getProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS));
    }

    /** How a service is started against these brokers (the fault tests' broker process, or the test JVM's). */
    static Map<String, String> settings(String name, String brokers) {
        Map<String, String> settings = new LinkedHashMap<>(Map.of(
                "spring.security.oauth2.resourceserver.jwt.public-key-location", testTokenKey(),
                "spring.kafka.bootstrap-servers", brokers,
                "doorstroom.registry-url", SchemaRegistryServer.url(),
                "spring.kafka.streams.state-dir", Path.of("target", "kstreams", name + "-" + UUID.randomUUID()).toAbsolutePath().toString(),
                "spring.kafka.streams.replication-factor", "1",
                "doorstroom.topics.partitions", "2"));
        // the public DEMO privacy keys, as in the local stack
        PrivacyDemoSettings.properties().forEach((key, value) -> settings.put(key, String.valueOf(value)));
        settings.put(PrivacyDemoSettings.ALLOWED_PROPERTY, "true");
        settings.putAll(Keycloak.loginProperties(issuer()));
        return settings;
    }

    /** The services trust the test token signer, like they trust the identity provider in production. */
    private static String testTokenKey() {
        try (var in = RunningPlatform.class.getResourceAsStream("/" + TestTokens.PUBLIC_KEY_RESOURCE)) {
            Path key = Path.of("target", TestTokens.PUBLIC_KEY_RESOURCE).toAbsolutePath();
            Files.write(key, in.readAllBytes());
            return key.toUri().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
