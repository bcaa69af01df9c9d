package nl.doorstroom.platform.deadletters;

import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import nl.doorstroom.platform.PlatformProperties;
import nl.doorstroom.platform.kafka.EventPublisher;
import nl.doorstroom.platform.kafka.KafkaPlatformAutoConfiguration;

/**
 * Dead letters for the platform operator in every service: the operations, their metrics, the API and the page.
 * Reads and replays wait at most {@code doorstroom.publish-timeout}.
 */
@AutoConfiguration(after = KafkaPlatformAutoConfiguration.class)
@ConditionalOnBean(EventPublisher.class)
public class DeadLettersAutoConfiguration {

    @Bean
    DeadLetterStore deadLetterStore(KafkaProperties kafkaProperties, PlatformProperties properties) {
        return DeadLetterStore.create(kafkaProperties.buildConsumerProperties(), properties.publishTimeout());
    }

    @Bean
    DeadLetterMetrics deadLetterMetrics(KafkaProperties kafkaProperties, PlatformProperties properties) {
        return new DeadLetterMetrics(Admin.create(kafkaProperties.buildAdminProperties()), properties.publishTimeout());
    }

    @Bean
    DeadLetterOperations deadLetterOperations(DeadLetterStore store, KafkaProperties kafkaProperties,
                                              EventPublisher publisher, DeadLetterMetrics metrics,
                                              PlatformProperties properties) {
        // raw bytes out, as they came in; not in the service's transactions (a replay stands on its own)
        Map<String, Object> config = kafkaProperties.buildProducerProperties();
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        return new DeadLetterOperations(store,
                new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer()),
                publisher, metrics, properties.publishTimeout());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @Import(DeadLetterResource.class)
    static class Api {
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "org.thymeleaf.spring6.SpringTemplateEngine")
    @Import(DeadLetterPage.class)
    static class Page {
    }
}
