package nl.doorstroom.platform.audit;

import java.time.Clock;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;

import io.micrometer.tracing.Tracer;
import nl.doorstroom.platform.privacy.PrivacyAutoConfiguration;
import nl.doorstroom.platform.privacy.Pseudonyms;
import nl.doorstroom.platform.kafka.EventPublisher;
import nl.doorstroom.platform.kafka.KafkaPlatformAutoConfiguration;

/**
 * The processing log and its reader. The beans are lazy: a service that does not use them needs no pseudonym secret,
 * and a service that injects them without one fails at start-up with a clear message instead of at its first request.
 */
@AutoConfiguration(after = {KafkaPlatformAutoConfiguration.class, PrivacyAutoConfiguration.class},
        afterName = {"org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration",
                "org.springframework.boot.micrometer.tracing.autoconfigure.NoopTracerAutoConfiguration"})
@ConditionalOnBean(EventPublisher.class)
@EnableConfigurationProperties(AuditProperties.class)
public class ProcessingLogAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ActorRoleProvider actorRoleProvider() {
        return ActorRoleProvider.NONE;
    }

    @Bean
    @Lazy
    @ConditionalOnMissingBean
    ProcessingLog processingLog(EventPublisher publisher, ObjectProvider<Tracer> tracer,
                                Pseudonyms pseudonyms, AuditProperties properties,
                                ActorRoleProvider actorRole, ObjectProvider<Clock> clock,
                                @Value("${spring.application.name:}") String serviceName,
                                @Value("${spring.application.version:}") String serviceVersion) {
        return new ProcessingLog(publisher, tracer.getIfAvailable(() -> Tracer.NOOP), pseudonyms, properties,
                actorRole, serviceName, serviceVersion, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    @Lazy
    @ConditionalOnMissingBean
    ProcessingLogReader processingLogReader(KafkaProperties kafkaProperties, Pseudonyms pseudonyms,
                                            AuditProperties properties) {
        return new ProcessingLogReader(
                () -> new KafkaConsumer<>(ProcessingLogReader.scanConsumerProperties(
                        kafkaProperties.buildConsumerProperties())),
                pseudonyms, properties.readTimeout());
    }
}
