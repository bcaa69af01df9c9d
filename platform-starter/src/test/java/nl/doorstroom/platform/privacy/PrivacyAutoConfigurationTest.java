package nl.doorstroom.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;

/** When the privacy beans appear, and how a service without proper settings is stopped. */
class PrivacyAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PrivacyAutoConfiguration.class))
            .withUserConfiguration(KeysInMemory.class);

    @Test
    void aServiceWithoutPrivacySettingsStartsWithoutThePrivacyBeans() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(Pseudonyms.class).doesNotHaveBean(PersonalDataCipher.class)
                    .doesNotHaveBean(SubjectKeys.class);
        });
    }

    @Test
    void withAllSettingsEveryPrimitiveIsThere() {
        runner.withPropertyValues(demo()).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(Pseudonyms.class).hasSingleBean(SubjectKeys.class)
                    .hasSingleBean(PersonalDataCipher.class).hasSingleBean(MasterKey.class);
            PersonalDataCipher cipher = context.getBean(PersonalDataCipher.class);
            assertThat(cipher.decryptText("p-1", cipher.encryptText("p-1", "Amina"))).isEqualTo("Amina");
            assertThat(context.getBean(Pseudonyms.class).pseudonymOf(PseudonymDomain.EMPLOYER, "p-1"))
                    .startsWith("employer-");
        });
    }

    @Test
    void aMissingMasterKeyStopsTheServiceWithAClearMessage() {
        runner.withPropertyValues(without(demo(), "doorstroom.privacy.master-key")).run(context ->
                assertThat(context).hasFailed().getFailure().rootCause()
                        .isInstanceOf(PrivacyConfigurationException.class)
                        .hasMessageContaining("doorstroom.privacy.master-key is not set"));
    }

    @Test
    void aMissingPseudonymSecretStopsTheServiceWithAClearMessage() {
        runner.withPropertyValues(without(demo(), "doorstroom.privacy.pseudonym-secrets.analytics")).run(context ->
                assertThat(context).hasFailed().getFailure().rootCause()
                        .isInstanceOf(PrivacyConfigurationException.class)
                        .hasMessageContaining("doorstroom.privacy.pseudonym-secrets.analytics"));
    }

    @Test
    void aShortSecretStopsTheService() {
        runner.withPropertyValues(demo()).withPropertyValues("doorstroom.privacy.pseudonym-secrets.audit=c2hvcnQ=")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("5 bytes").hasMessageNotContaining("c2hvcnQ="));
    }

    @Test
    void theLocalProfileBringsTheDemoValuesAndNothingElseDoes() {
        StandardEnvironment plain = new StandardEnvironment();
        new PrivacyDemoSettings().postProcessEnvironment(plain, null);
        assertThat(plain.getProperty("doorstroom.privacy.master-key")).isNull();

        StandardEnvironment local = new StandardEnvironment();
        local.setActiveProfiles(PrivacyDemoSettings.LOCAL_PROFILE);
        new PrivacyDemoSettings().postProcessEnvironment(local, null);
        assertThat(local.getProperty("doorstroom.privacy.master-key")).isNotBlank();
        for (PseudonymDomain domain : PseudonymDomain.values()) {
            String secret = local.getProperty("doorstroom.privacy.pseudonym-secrets." + domain.configName());
            assertThat(PrivacyDemoSettings.isDemoSecret(java.util.Base64.getDecoder().decode(secret))).isTrue();
        }
        // the demo values are valid settings
        Pseudonyms.fromConfiguration(Map.of(
                "employer", local.getProperty("doorstroom.privacy.pseudonym-secrets.employer"),
                "analytics", local.getProperty("doorstroom.privacy.pseudonym-secrets.analytics"),
                "audit", local.getProperty("doorstroom.privacy.pseudonym-secrets.audit"),
                "claims", local.getProperty("doorstroom.privacy.pseudonym-secrets.claims")));
        MasterKey.fromBase64(local.getProperty("doorstroom.privacy.master-key"));
    }

    private static String[] demo() {
        return PrivacyDemoSettings.properties().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
    }

    private static String[] without(String[] settings, String name) {
        return java.util.Arrays.stream(settings).filter(s -> !s.startsWith(name + "=")).toArray(String[]::new);
    }

    @Configuration(proxyBeanMethods = false)
    static class KeysInMemory {

        @Bean
        SubjectKeyStore subjectKeyStore() {
            return new InMemorySubjectKeyStore();
        }
    }
}
