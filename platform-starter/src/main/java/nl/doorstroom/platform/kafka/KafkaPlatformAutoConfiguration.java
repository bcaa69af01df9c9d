package nl.doorstroom.platform.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;

import io.micrometer.core.instrument.MeterRegistry;
import nl.doorstroom.platform.PlatformProperties;
import nl.doorstroom.schemas.Topic;
import nl.doorstroom.schemas.Topics;
import nl.doorstroom.schemas.WritePathTopics;

/** Kafka wiring every service shares: the catalogue's topics, publishing with acknowledgement, dead letters. */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@EnableConfigurationProperties(PlatformProperties.class)
public class KafkaPlatformAutoConfiguration {

    /**
     * Every topic of the catalogue and its dead-letter topic, with the catalogue's topic configs. The catalogue is
     * authoritative: an existing topic gets its configs at the next start ({@code spring.kafka.admin.modify-topic-configs}
     * in {@link nl.doorstroom.platform.PlatformDefaults}).
     */
    @Bean
    KafkaAdmin.NewTopics catalogueTopics(PlatformProperties properties) {
        return new KafkaAdmin.NewTopics(catalogue(properties.topics()).toArray(NewTopic[]::new));
    }

    static List<NewTopic> catalogue(PlatformProperties.Topics settings) {
        List<NewTopic> topics = new ArrayList<>();
        for (Topic<?, ?> topic : Topics.ALL) {
            Map<String, String> configs = new HashMap<>(topic.configs());
            Duration retention = settings.retention().get(topic.name());
            if (retention != null) {
                configs.put(TopicConfig.RETENTION_MS_CONFIG, Long.toString(retention.toMillis()));
            }
            topics.add(newTopic(topic.name(), topic.compacted(), configs, settings));
            topics.add(deadLetterTopic(topic, settings));
        }
        for (WritePathTopics writePath : Topics.WRITE_PATHS) {
            for (Topic<?, ?> topic : writePath.all()) {
                topics.add(newTopic(topic.name(), false, topic.configs(), settings));
                topics.add(deadLetterTopic(topic, settings));
            }
        }
        return topics;
    }

    private static NewTopic deadLetterTopic(Topic<?, ?> topic, PlatformProperties.Topics settings) {
        return newTopic(topic.deadLetterTopic(), false,
                Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(Topic.DEAD_LETTER_RETENTION.toMillis())), settings);
    }

    private static NewTopic newTopic(String name, boolean compacted, Map<String, String> configs,
                             PlatformProperties.Topics settings) {
        TopicBuilder builder = TopicBuilder.name(name).partitions(settings.partitions());
        if (settings.replicationFactor() != null) {
            builder.replicas(settings.replicationFactor());
        }
        if (settings.minInSyncReplicas() != null) {
            builder.config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, settings.minInSyncReplicas().toString());
        }
        if (compacted) {
            builder.config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        }
        // the catalogue's own topic configs, e.g. a compaction deadline for topics that must physically drop erased data
        configs.forEach(builder::config);
        return builder.build();
    }

    @Bean
    @ConditionalOnMissingBean
    DependencyBreakers dependencyBreakers(ObjectProvider<MeterRegistry> meters) {
        DependencyBreakers breakers = new DependencyBreakers();
        meters.ifAvailable(breakers::bindTo);
        return breakers;
    }

    @Bean
    DependenciesHealthIndicator dependenciesHealthIndicator(DependencyBreakers breakers) {
        return new DependenciesHealthIndicator(breakers);
    }

    @Bean
    @ConditionalOnMissingBean
    EventPublisher eventPublisher(KafkaTemplate<Object, Object> template, PlatformProperties properties,
                                  DependencyBreakers breakers) {
        return new EventPublisher(template, properties.publishTimeout(), breakers);
    }

    /** Listener failures: retried, then dead-lettered, unless a dependency is away ({@link DeadLetters#errorHandler}). */
    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler deadLetterErrorHandler(KafkaProperties kafkaProperties) {
        return DeadLetters.errorHandler(kafkaProperties);
    }

    /**
     * Honest writes: the producer gives up on a record before the request that sent it stops waiting
     * ({@code doorstroom.publish-timeout}), so an answer of 503 means the record will not land later.
     */
    @Bean
    DefaultKafkaProducerFactoryCustomizer honestDeliveryTimeouts(PlatformProperties properties) {
        Map<String, Object> timeouts = deliveryTimeouts(properties.publishTimeout());
        return factory -> factory.updateConfigs(timeouts);
    }

    /**
     * The producer's timeouts inside a request's wait: delivery (every retry included) within 80 % of it, each
     * request to the broker and a blocked {@code send} (no metadata, a full buffer) within half of it.
     */
    static Map<String, Object> deliveryTimeouts(Duration wait) {
        long delivery = wait.toMillis() * 8 / 10;
        long request = wait.toMillis() / 2;
        return Map.of(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) delivery,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) request,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, request);
    }


    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(StreamsBuilderFactoryBean.class)
    @ConditionalOnBean(StreamsBuilderFactoryBean.class)
    static class StreamsHealth {

        @Bean
        KafkaStreamsHealthIndicator kafkaStreamsHealthIndicator(ObjectProvider<StreamsBuilderFactoryBean> streams) {
            return new KafkaStreamsHealthIndicator(streams.getObject());
        }

        /**
         * A stream thread that failed (a dependency unreachable: {@link StreamsDeadLetterHandlers}) is replaced, so
         * the service goes on once the broker or the registry is back instead of stopping its Streams for good.
         */
        @Bean
        StreamsBuilderFactoryBeanConfigurer replaceFailedStreamThreads() {
            return factory -> factory.setStreamsUncaughtExceptionHandler(exception ->
                    StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD);
        }
    }
}
