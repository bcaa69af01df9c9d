package nl.doorstroom.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.BeansException;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import nl.doorstroom.platform.privacy.PrivacyAutoConfiguration;
import nl.doorstroom.platform.privacy.PrivacyDemoSettings;
import nl.doorstroom.platform.PlatformDefaults;
import nl.doorstroom.platform.kafka.KafkaPlatformAutoConfiguration;

/** The processing log's beans: present in every service, created (and their key checked) only where used. */
class ProcessingLogAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class,
                    KafkaPlatformAutoConfiguration.class, ProcessingLogAutoConfiguration.class))
            .withInitializer(context -> new PlatformDefaults().postProcessEnvironment(context.getEnvironment(), null))
            .withPropertyValues("spring.application.name=test-service", "spring.kafka.admin.auto-create=false",
                    "spring.kafka.bootstrap-servers=127.0.0.1:1");

    @Test
    void aServiceThatDoesNotUseTheLogNeedsNoPrivacySettings() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThatThrownBy(() -> context.getBean(ProcessingLog.class)).isInstanceOf(BeansException.class);
        });
    }

    @Test
    void withASecretTheLogAndItsReaderAreThere() {
        runner.withConfiguration(AutoConfigurations.of(PrivacyAutoConfiguration.class))
                .withPropertyValues(privacySettings())
                .withPropertyValues("doorstroom.audit.activities.intake-registratie=https://example.org/register/intake/2")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(ProcessingLog.class)).isNotNull();
                    assertThat(context.getBean(ProcessingLogReader.class)).isNotNull();
                    assertThat(context.getBean(AuditProperties.class).uriOf(ProcessingActivity.of("intake-registratie")))
                            .hasToString("https://example.org/register/intake/2");
                    assertThat(context.getBean(AuditProperties.class).uriOf(ProcessingActivity.of("koppeling")))
                            .hasToString("https://doorstroom.nl/verwerkingsregister/koppeling");
                });
    }

    private static String[] privacySettings() {
        return PrivacyDemoSettings.properties().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }
}
