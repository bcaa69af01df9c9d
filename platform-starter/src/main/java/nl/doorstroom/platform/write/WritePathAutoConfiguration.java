package nl.doorstroom.platform.write;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.core.ProducerFactory;

import nl.doorstroom.platform.PlatformProperties;
import nl.doorstroom.platform.kafka.DependencyBreakers;
import nl.doorstroom.platform.kafka.KafkaPlatformAutoConfiguration;
import nl.doorstroom.platform.privacy.PersonalTexts;
import nl.doorstroom.platform.privacy.PrivacyAutoConfiguration;
import nl.doorstroom.platform.privacy.Pseudonyms;
import tools.jackson.databind.json.JsonMapper;

/** The shared write path, for services that keep records in Kafka Streams. */
@AutoConfiguration(after = {KafkaPlatformAutoConfiguration.class, PrivacyAutoConfiguration.class})
@ConditionalOnClass(StreamsBuilderFactoryBean.class)
public class WritePathAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    WritePaths writePaths(KafkaProperties kafka, ProducerFactory<Object, Object> producers, PlatformProperties platform,
                          JsonMapper json, @Value("${spring.application.name}") String applicationName,
                          ObjectProvider<PersonalTexts> texts, DependencyBreakers breakers) {
        return new WritePaths(kafka, producers, platform, json, applicationName, texts.getIfAvailable(), breakers);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(Pseudonyms.class)
    ClaimKeys claimKeys(Pseudonyms pseudonyms) {
        return new ClaimKeys(pseudonyms);
    }
}
