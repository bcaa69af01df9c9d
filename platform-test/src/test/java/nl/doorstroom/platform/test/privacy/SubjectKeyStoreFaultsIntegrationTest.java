package nl.doorstroom.platform.test.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import nl.doorstroom.platform.kafka.EventPublisher;
import nl.doorstroom.platform.kafka.ReadModelUnavailableException;
import nl.doorstroom.platform.privacy.KafkaSubjectKeyStore;
import nl.doorstroom.platform.privacy.SubjectKeys;
import nl.doorstroom.platform.test.DemoPrivacyKeys;
import nl.doorstroom.schemas.privacy.SubjectKey;

/**
 * The data-key read model survives its dependencies going away, against the real broker and registry: its consumer
 * is the real one, but made to fail the way a paused broker fails it (the timeout seen on the local stack), and its
 * deserialiser the way an unreachable registry does. It reports itself behind meanwhile (readiness down, callers 503),
 * then goes on from where it was with what it missed, and never skips a key it could not read because the registry
 * was away: a skipped key would make its person look erased.
 */
@SpringBootTest(classes = SubjectKeyStoreFaultsIntegrationTest.TestApp.class,
        properties = "spring.application.name=subject-key-faults-test")
@DemoPrivacyKeys
class SubjectKeyStoreFaultsIntegrationTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @SpringBootApplication
    static class TestApp {
    }

    @Autowired
    KafkaProperties kafkaProperties;
    @Autowired
    SubjectKeys keys;

    private final AtomicBoolean brokerAway = new AtomicBoolean();
    private final AtomicBoolean registryAway = new AtomicBoolean();
    private final AtomicInteger consumersMade = new AtomicInteger();
    private final List<KafkaSubjectKeyStore> stores = new ArrayList<>();
    private final List<DefaultKafkaProducerFactory<Object, Object>> producers = new ArrayList<>();

    @AfterEach
    void stop() {
        stores.forEach(KafkaSubjectKeyStore::stop);
        producers.forEach(DefaultKafkaProducerFactory::destroy);
    }

    @Test
    void aBrokerThatIsAwayForAWhileLeavesTheModelBehindNotDead() {
        KafkaSubjectKeyStore store = faultyStore();
        String before = UUID.randomUUID().toString();
        keys.keyFor(before);
        await("ready").atMost(DEADLINE).until(store::isReady);
        assertThat(store.find(before)).isPresent();

        brokerAway.set(true);
        await("behind while the broker is away").atMost(DEADLINE).until(() -> !store.isReady());
        String during = UUID.randomUUID().toString();
        keys.keyFor(during);
        assertThatThrownBy(() -> store.find(during)).as("a caller meanwhile").isInstanceOf(ReadModelUnavailableException.class);

        brokerAway.set(false);
        await("ready again").atMost(DEADLINE).until(store::isReady);
        assertThat(store.find(during)).as("the key created while the broker was away").isPresent();
        assertThat(store.find(before)).as("what it read before").isPresent();
        assertThat(consumersMade.get()).as("a new consumer after the failure").isGreaterThan(1);

        keys.forget(during);
        await("the erasure reaches it").atMost(DEADLINE).until(() -> store.find(during).isEmpty());
    }

    @Test
    void aKeyThatCannotBeReadWhileTheRegistryIsAwayIsReadLaterNotSkipped() {
        String person = UUID.randomUUID().toString();
        keys.keyFor(person);
        registryAway.set(true);
        KafkaSubjectKeyStore store = faultyStore();
        assertThatThrownBy(() -> store.find(person)).as("not ready while the registry is away")
                .isInstanceOf(ReadModelUnavailableException.class);
        assertThat(store.isReady()).isFalse();

        registryAway.set(false);
        await("ready once the registry is back").atMost(DEADLINE).until(store::isReady);
        assertThat(store.find(person)).as("the key it could not read before").isPresent();
    }

    /** A store built as the auto-configuration builds one, with faults that the test switches on and off. */
    private KafkaSubjectKeyStore faultyStore() {
        Map<String, Object> config = new HashMap<>(kafkaProperties.buildConsumerProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Supplier<Consumer<String, byte[]>> consumers = () -> {
            consumersMade.incrementAndGet();
            return brokerFailing(new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer()));
        };
        AvroKafkaDeserializer<SubjectKey> values = new AvroKafkaDeserializer<>();
        values.configure(config, false);
        var producerFactory = new DefaultKafkaProducerFactory<Object, Object>(new HashMap<>(kafkaProperties.buildProducerProperties()));
        producers.add(producerFactory);
        KafkaSubjectKeyStore store = new KafkaSubjectKeyStore(consumers, registryFailing(values),
                new EventPublisher(new KafkaTemplate<>(producerFactory), Duration.ofSeconds(10)), Duration.ofSeconds(2));
        store.start();
        stores.add(store);
        return store;
    }

    /** The real consumer, but while the broker is "away" its reads time out as they do against a paused broker. */
    @SuppressWarnings("unchecked")
    private Consumer<String, byte[]> brokerFailing(Consumer<String, byte[]> real) {
        Set<String> reads = Set.of("poll", "position", "endOffsets", "partitionsFor", "offsetsForTimes");
        return (Consumer<String, byte[]>) Proxy.newProxyInstance(Consumer.class.getClassLoader(), new Class<?>[]{Consumer.class},
                (proxy, method, arguments) -> {
                    if (brokerAway.get() && reads.contains(method.getName())) {
                        throw new TimeoutException("Failed to get offsets by times in 60001ms");
                    }
                    try {
                        return method.invoke(real, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** The real deserialiser, but while the registry is "away" it cannot look up the writer's schema. */
    private Deserializer<SubjectKey> registryFailing(Deserializer<SubjectKey> real) {
        return new Deserializer<>() {
            @Override
            public SubjectKey deserialize(String topic, byte[] data) {
                return deserialize(topic, null, data);
            }

            @Override
            public SubjectKey deserialize(String topic, Headers headers, byte[] data) {
                if (registryAway.get()) {
                    throw new SerializationException("cannot look up the schema", new ConnectException("Connection refused"));
                }
                return real.deserialize(topic, headers, data);
            }
        };
    }
}
