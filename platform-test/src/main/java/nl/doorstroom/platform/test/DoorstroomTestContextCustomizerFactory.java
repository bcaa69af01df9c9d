package nl.doorstroom.platform.test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.MapPropertySource;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

import nl.doorstroom.platform.privacy.PrivacyDemoSettings;

/**
 * Points every {@code @SpringBootTest} context at the test JVM's real broker and registry, with a fresh Streams
 * state directory under {@code target/}; no test class has to repeat this.
 */
public class DoorstroomTestContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        boolean springBootTest = MergedAnnotations.from(testClass, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
                .isPresent(SpringBootTest.class);
        if (!springBootTest) {
            return null;
        }
        boolean demoPrivacyKeys = MergedAnnotations.from(testClass, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
                .isPresent(DemoPrivacyKeys.class);
        return new PlatformTestContextCustomizer(demoPrivacyKeys);
    }

    static final class PlatformTestContextCustomizer implements ContextCustomizer {

        private final boolean demoPrivacyKeys;

        PlatformTestContextCustomizer(boolean demoPrivacyKeys) {
            this.demoPrivacyKeys = demoPrivacyKeys;
        }

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            String brokers = System.getProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS);
            if (brokers == null) {
                throw new IllegalStateException("No embedded broker: platform-test's junit-platform.properties "
                        + "(spring.kafka.global.embedded.enabled=true) is not on the test classpath");
            }
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("doorstroomTestInfrastructure", Map.of(
                    "spring.kafka.bootstrap-servers", brokers,
                    "doorstroom.registry-url", SchemaRegistryServer.url(),
                    "spring.kafka.streams.state-dir", "target/kstreams/" + UUID.randomUUID(),
                    "spring.kafka.streams.replication-factor", "1",
                    "doorstroom.topics.partitions", "2",
                    "spring.security.oauth2.resourceserver.jwt.public-key-location", "classpath:" + TestTokens.PUBLIC_KEY_RESOURCE)));
            if (demoPrivacyKeys) {
                // public DEMO values, lowest precedence: a test's own doorstroom.privacy.* settings win
                context.getEnvironment().getPropertySources().addLast(
                        new MapPropertySource("doorstroomTestDemoPrivacyKeys", PrivacyDemoSettings.properties()));
            }
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof PlatformTestContextCustomizer customizer
                    && customizer.demoPrivacyKeys == demoPrivacyKeys;
        }

        @Override
        public int hashCode() {
            return PlatformTestContextCustomizer.class.hashCode() * 31 + Boolean.hashCode(demoPrivacyKeys);
        }
    }
}
