package nl.doorstroom.platform;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import nl.doorstroom.platform.cloudevents.CloudEventsProducerInterceptor;
import nl.doorstroom.platform.kafka.DeadLetterTopicResolver;
import nl.doorstroom.platform.kafka.IdentityCachedAvroDatumProvider;
import nl.doorstroom.platform.kafka.StreamsDeadLetterHandlers;
import nl.doorstroom.schemas.CloudEventTypes;

/**
 * The platform's reliability and contract settings, expressed as ordinary Spring Boot properties with the lowest
 * precedence: every service gets them by depending on the starter, and can still see and override each one.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    static final String SOURCE_NAME = "doorstroomPlatformDefaults";
    static final String AVRO_TRUSTED_PACKAGES = "org.apache.avro.SERIALIZABLE_PACKAGES";
    /** The profile of a production deployment. */
    public static final String PRODUCTION = "production";

    /** Runs a data migration instead of the service ({@code seal-personal-text}); the process ends when it is done. */
    public static final String MIGRATION = "doorstroom.migration";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        // Avro 1.12 instantiates generated classes only from trusted packages; ours are all under the schemas package
        if (System.getProperty(AVRO_TRUSTED_PACKAGES) == null) {
            System.setProperty(AVRO_TRUSTED_PACKAGES, CloudEventTypes.class.getPackageName());
        }
        Map<String, Object> defaults = defaults();
        if (environment.matchesProfiles(PRODUCTION)) {
            defaults.putAll(production());
        }
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, defaults));
        if (environment.containsProperty(MIGRATION)) {
            environment.getPropertySources().addFirst(new MapPropertySource(SOURCE_NAME + "Migration", migration()));
        }
    }

    /**
     * A migration ({@code doorstroom.migration}) rewrites the service's topics while nothing reads them: Streams and
     * the listeners stay stopped, and the HTTP port is a free one, beside any other process.
     */
    static Map<String, Object> migration() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("spring.kafka.streams.auto-startup", "false");
        p.put("spring.kafka.listener.auto-startup", "false");
        p.put("server.port", "0");
        return p;
    }

    /**
     * A production broker has at least three nodes: every topic, Streams' own included, on three of them, and a write
     * acknowledged only once two have it, so one node can fail without losing an acknowledged event.
     */
    static Map<String, Object> production() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("doorstroom.topics.replication-factor", "3");
        p.put("doorstroom.topics.min-in-sync-replicas", "2");
        p.put("spring.kafka.streams.replication-factor", "3");
        p.put("spring.kafka.streams.properties.topic.min.insync.replicas", "2");
        // behind the TLS-terminating proxy: its X-Forwarded-* headers are believed only from a private-network address
        // (Tomcat's RemoteIpValve and its internal-proxies default), and the session cookie is sent over TLS only
        p.put("server.forward-headers-strategy", "native");
        p.put("server.servlet.session.cookie.secure", "true");
        return p;
    }

    static Map<String, Object> defaults() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("doorstroom.registry-url", "http://127.0.0.1:8180");
        p.put("doorstroom.cloud-events.source",
                "urn:nld:oin:00000000000000000000:systeem:doorstroom-${spring.application.name}");

        // Schema registry (Apicurio) in the Confluent wire format, self-contained schemas, specific Avro classes
        String registry = "spring.kafka.properties.apicurio.registry.";
        p.put(registry + "url", "${doorstroom.registry-url}/apis/registry/v3");
        p.put(registry + "auto-register", "true");
        p.put(registry + "use-specific-avro-reader", "true");
        p.put(registry + "dereference-schema", "true");
        // readers found by schema identity, not by a fingerprint computed for every record read
        p.put(registry + "avro-datum-provider", IdentityCachedAvroDatumProvider.class.getName());

        // Producers: nothing acknowledged is lost, nothing is written twice, every record carries CloudEvents headers
        p.put("spring.kafka.producer.acks", "all");
        // the topic catalogue is authoritative: a topic created by an older version gets today's configs at start
        p.put("spring.kafka.admin.modify-topic-configs", "true");
        p.put("spring.kafka.producer.properties.enable.idempotence", "true");
        // an HTTP write waits for its acknowledgement: do not hold records back for batching
        p.put("spring.kafka.producer.properties.linger.ms", "0");
        p.put("spring.kafka.producer.key-serializer", "org.apache.kafka.common.serialization.StringSerializer");
        p.put("spring.kafka.producer.value-serializer", AvroKafkaSerializer.class.getName());
        p.put("spring.kafka.producer.properties.interceptor.classes", CloudEventsProducerInterceptor.class.getName());
        p.put("spring.kafka.producer.properties." + CloudEventsProducerInterceptor.SOURCE_CONFIG,
                "${doorstroom.cloud-events.source}");

        // Consumers: only committed data; a record that cannot be read becomes a dead letter instead of a poison pill
        p.put("spring.kafka.consumer.group-id", "${spring.application.name}");
        p.put("spring.kafka.consumer.isolation-level", "read-committed");
        p.put("spring.kafka.consumer.auto-offset-reset", "earliest");
        p.put("spring.kafka.consumer.enable-auto-commit", "false");
        p.put("spring.kafka.consumer.key-deserializer",
                "org.springframework.kafka.support.serializer.ErrorHandlingDeserializer");
        p.put("spring.kafka.consumer.value-deserializer",
                "org.springframework.kafka.support.serializer.ErrorHandlingDeserializer");
        p.put("spring.kafka.consumer.properties.spring.deserializer.key.delegate.class",
                "org.apache.kafka.common.serialization.StringDeserializer");
        p.put("spring.kafka.consumer.properties.spring.deserializer.value.delegate.class",
                AvroKafkaDeserializer.class.getName());

        // Kafka Streams: exactly once; bad records go to <topic>.dlt inside the same transaction, and processing goes on
        String streams = "spring.kafka.streams.properties.";
        p.put("spring.kafka.streams.application-id", "${spring.application.name}");
        p.put(streams + "processing.guarantee", "exactly_once_v2");
        p.put(streams + "default.key.serde", "org.apache.kafka.common.serialization.Serdes$StringSerde");
        // (a record that fails because the broker or the registry is away is read again instead: StreamsDeadLetterHandlers)
        p.put(streams + "deserialization.exception.handler", StreamsDeadLetterHandlers.Deserialization.class.getName());
        p.put(streams + "processing.exception.handler", StreamsDeadLetterHandlers.Processing.class.getName());
        p.put(streams + "spring.kafka.streams.deserialization.exception.handler.dlq.destination.resolver",
                DeadLetterTopicResolver.class.getName());
        p.put(streams + "spring.kafka.streams.processing.exception.handler.dlq.destination.resolver",
                DeadLetterTopicResolver.class.getName());
        // where this instance's HTTP API answers, so other instances can forward reads of the keys it owns
        // (doorstroom.instance.host: the address other instances reach it at, e.g. the pod IP)
        p.put(streams + "application.server", "${doorstroom.instance.host:127.0.0.1}:${server.port:8080}");
        // a warm copy of each store on another instance: a failover does not rebuild from the changelog
        p.put(streams + "num.standby.replicas", "1");
        p.put(streams + "producer.interceptor.classes", CloudEventsProducerInterceptor.class.getName());
        p.put(streams + "producer." + CloudEventsProducerInterceptor.SOURCE_CONFIG, "${doorstroom.cloud-events.source}");

        // JSON in: exactly the request's own fields, each in its own type, within the body limit (64 KB); an unknown
        // field or a "1.9" for a version is refused, not guessed at (the scalar coercions: JsonInputStrictness)
        p.put("spring.jackson.deserialization.fail-on-unknown-properties", "true");
        p.put("spring.jackson.deserialization.accept-float-as-int", "false");
        p.put("spring.jackson.deserialization.fail-on-null-for-primitives", "true");
        p.put("spring.jackson.factory.constraints.read.max-document-length", "65536");
        p.put("spring.jackson.factory.constraints.read.max-string-length", "65536");
        p.put("spring.jackson.factory.constraints.read.max-nesting-depth", "32");
        p.put("spring.jackson.factory.constraints.read.max-name-length", "256");
        p.put("spring.jackson.factory.constraints.read.max-number-length", "32");

        // Web: Dutch first, problem details, no trailing-slash or extension tricks
        p.put("spring.mvc.problemdetails.enabled", "true");
        p.put("spring.messages.basename", "messages,doorstroom-platform-messages");
        p.put("spring.messages.fallback-to-system-locale", "false");
        p.put("server.error.include-message", "never");
        p.put("server.error.include-stacktrace", "never");
        p.put("spring.servlet.multipart.enabled", "false");
        // the page session cookie is never sent along with a request another site starts
        p.put("server.servlet.session.cookie.same-site", "lax");
        p.put("server.servlet.session.cookie.http-only", "true");

        // Bearer tokens: roles in the "roles" claim, for the Doorstroom API audience. Which identity provider signs
        // them is the deployment's choice (spring.security.oauth2.resourceserver.jwt.issuer-uri), never a default.
        String jwt = "spring.security.oauth2.resourceserver.jwt.";
        p.put(jwt + "authorities-claim-name", "roles");
        p.put(jwt + "authority-prefix", "ROLE_");
        p.put(jwt + "audiences", "doorstroom-api");

        // API documentation at the NL API Design Rules' place
        p.put("springdoc.api-docs.path", "/api/v1/openapi.json");
        p.put("springdoc.swagger-ui.path", "/api/v1/docs");
        p.put("springdoc.paths-to-match", "/api/**");

        // Operations
        // mappings: the operator's (and the authorisation matrix test's) list of every endpoint
        p.put("management.endpoints.web.exposure.include", "health,info,prometheus,mappings");
        p.put("management.endpoint.health.probes.enabled", "true");
        // ready only while the stores and the data-key read model can answer
        p.put("management.endpoint.health.group.readiness.include", "readinessState,kafkaStreams,subjectKeys");
        p.put("management.endpoint.health.validate-group-membership", "false");
        p.put("management.observations.annotations.enabled", "true");
        p.put("spring.kafka.template.observation-enabled", "true");
        p.put("spring.kafka.listener.observation-enabled", "true");
        // W3C Trace Context (traceparent) in and out (Boot's default), every trace recorded. Nothing is exported:
        // the processing log takes its trace and span ids from the tracer and writes its own entries to Kafka, so it
        // never depends on sampling; an exporter can be added per deployment.
        p.put("management.tracing.sampling.probability", "1.0");
        return p;
    }
}
