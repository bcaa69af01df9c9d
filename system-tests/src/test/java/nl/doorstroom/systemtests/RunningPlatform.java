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

    private RunningPlatform() {
    }

    static synchronized ServiceProcess service(String name) {
        if (running == null) {
            running = start();
        }
        return running.get(name);
    }

    private static Map<String, ServiceProcess> start() {
        KeycloakServer keycloak = KeycloakServer.start();
        String brokers = System.getProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS);
        String registry = SchemaRegistryServer.url();
        String tokenKey = testTokenKey();
        // the services read the realm's OpenID configuration at start-up
        String issuer = keycloak.awaitReady().issuer();
        Map<String, ServiceProcess> started = new LinkedHashMap<>();
        for (String name : SERVICES) {
            Map<String, String> settings = new LinkedHashMap<>(Map.of(
                    "spring.security.oauth2.resourceserver.jwt.public-key-location", tokenKey,
                    "spring.kafka.bootstrap-servers", brokers,
                    "doorstroom.registry-url", registry,
                    "spring.kafka.streams.state-dir", Path.of("target", "kstreams", name + "-" + UUID.randomUUID()).toAbsolutePath().toString(),
                    "spring.kafka.streams.replication-factor", "1",
                    "doorstroom.topics.partitions", "2"));
            // the public DEMO privacy keys, as in the local stack
            PrivacyDemoSettings.properties().forEach((key, value) -> settings.put(key, String.valueOf(value)));
            settings.putAll(Keycloak.loginProperties(issuer));
            started.put(name, ServiceProcess.start(name, settings));
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> started.values().forEach(ServiceProcess::close)));
        started.values().forEach(service -> service.awaitReady(Duration.ofSeconds(180)));
        return started;
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
