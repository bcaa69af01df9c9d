package nl.doorstroom.platform.privacy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

import nl.doorstroom.platform.kafka.EventPublisher;
import nl.doorstroom.platform.kafka.KafkaPlatformAutoConfiguration;

/**
 * The privacy primitives, when a service configures them ({@code doorstroom.privacy.*}): {@link Pseudonyms} per
 * receiving domain, and crypto-shredding with per-person data keys ({@link SubjectKeys},
 * {@link PersonalDataCipher}) kept wrapped on {@code privacy.subject-keys}. A service without these settings starts
 * without them; one with only some of them refuses to start, naming what is missing.
 */
@AutoConfiguration(after = KafkaPlatformAutoConfiguration.class)
@Conditional(OnPrivacySettingsCondition.class)
@EnableConfigurationProperties(PrivacyProperties.class)
public class PrivacyAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PrivacyAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    Pseudonyms pseudonyms(PrivacyProperties properties) {
        properties.pseudonymSecrets().forEach((domain, secret) -> warnOnDemoSecret(secret,
                "doorstroom.privacy.pseudonym-secrets." + domain));
        return Pseudonyms.fromConfiguration(properties.pseudonymSecrets());
    }

    @Bean
    @ConditionalOnMissingBean
    MasterKey privacyMasterKey(PrivacyProperties properties) {
        MasterKey masterKey = MasterKey.fromBase64(properties.masterKey());
        warnOnDemoSecret(properties.masterKey(), MasterKey.PROPERTY);
        return masterKey;
    }

    @Bean
    @ConditionalOnMissingBean(SubjectKeyStore.class)
    KafkaSubjectKeyStore kafkaSubjectKeyStore(KafkaProperties kafkaProperties, EventPublisher publisher,
                                              PrivacyProperties properties) {
        return KafkaSubjectKeyStore.create(kafkaProperties, publisher, properties.timeout());
    }

    @Bean
    SubjectKeysHealthIndicator subjectKeysHealthIndicator(SubjectKeyStore store) {
        return new SubjectKeysHealthIndicator(store);
    }

    @Bean
    @ConditionalOnMissingBean
    SubjectKeys subjectKeys(SubjectKeyStore store, MasterKey masterKey) {
        return new SubjectKeys(store, masterKey);
    }

    @Bean
    @ConditionalOnMissingBean
    PersonalDataCipher personalDataCipher(SubjectKeys subjectKeys) {
        return new PersonalDataCipher(subjectKeys);
    }

    @Bean
    @ConditionalOnMissingBean
    PersonIdentities personIdentities(PersonalDataCipher cipher) {
        return new PersonIdentities(cipher);
    }

    @Bean
    @ConditionalOnMissingBean
    PersonalTexts personalTexts(PersonalDataCipher cipher) {
        return new PersonalTexts(cipher);
    }

    private static void warnOnDemoSecret(String base64, String property) {
        try {
            if (base64 != null && PrivacyDemoSettings.isDemoSecret(PrivacySecrets.decodeBase64(base64, property))) {
                log.warn("{} is a public DEMO value: fine for the local stack and tests, never for real data", property);
            }
        } catch (PrivacyConfigurationException e) {
            // reported, with the reason, by the bean that uses the value
        }
    }
}
