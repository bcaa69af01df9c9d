package nl.doorstroom.trajectory.erasure;

import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;

import nl.doorstroom.platform.kafka.DeadLetters;

/** An erasure is never skipped: while the trajectory cannot drop the person yet, it is retried, not dead-lettered. */
@Configuration(proxyBeanMethods = false)
class ErasureListeners {

    static final String FACTORY = "erasureListenerContainerFactory";

    @Bean(FACTORY)
    ConcurrentKafkaListenerContainerFactory<Object, Object> erasureListenerContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers,
            KafkaProperties properties) {
        var factory = new ConcurrentKafkaListenerContainerFactory<Object, Object>();
        configurer.configure(factory, consumers);
        factory.setCommonErrorHandler(DeadLetters.retryingUntilHandled(properties));
        return factory;
    }
}
