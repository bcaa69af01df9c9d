package nl.doorstroom.platform.readmodel;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;

import nl.doorstroom.platform.kafka.KafkaPlatformAutoConfiguration;

/**
 * Read models across instances, for services with Kafka Streams. Each instance names where its HTTP API answers in
 * Streams' {@code application.server} (PlatformDefaults: {@code doorstroom.instance.host} and the server port), and
 * the instances share {@code doorstroom.read-models.instance-secret}.
 */
@AutoConfiguration(after = KafkaPlatformAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean(StreamsBuilderFactoryBean.class)
@Import({ReadModelResource.class, ReadModelSecurity.class})
public class ReadModelsAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ReadModelsAutoConfiguration.class);

    /**
     * An instance that stops hands its partitions to the others at once, instead of after the session timeout during
     * which reads of its keys could only be answered 503.
     */
    @Bean
    StreamsBuilderFactoryBeanConfigurer leaveGroupOnClose() {
        return factory -> factory.setLeaveGroupOnClose(true);
    }

    @Bean
    @ConditionalOnMissingBean
    ReadModels readModels(StreamsBuilderFactoryBean streams,
                          @Value("${doorstroom.read-models.instance-secret:}") String secret,
                          @Value("${doorstroom.read-models.timeout:PT2S}") Duration timeout) {
        if (secret.isBlank()) {
            // alone, nobody forwards; a second instance without the shared secret is refused, never trusted
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            secret = Base64.getEncoder().encodeToString(random);
            log.info("no doorstroom.read-models.instance-secret: reads cannot be forwarded between instances");
        }
        return new ReadModels(streams, secret, timeout);
    }
}
