package nl.doorstroom.platform.test.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.support.serializer.DeserializationException;

import nl.doorstroom.platform.kafka.DeadLetters;
import nl.doorstroom.platform.kafka.EventNotPublishedException;
import nl.doorstroom.platform.test.TopicContents;

/**
 * What a listener does with a record it cannot handle, against the real broker: when the broker or the registry is
 * away (here the broker's timeout while the listener publishes) the record waits and is handled once it is back,
 * never a dead letter; a record that is wrong in itself is tried a few times and goes to {@code <topic>.dlt}, and
 * the listener goes on with the next. A listener that must not skip a record (an erasure) retries a failure for as
 * long as it takes, but not a record it cannot read: that would stop it for good.
 */
@SpringBootTest(classes = ListenerFailuresIntegrationTest.TestApp.class,
        properties = "spring.application.name=listener-failures-test")
class ListenerFailuresIntegrationTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @SpringBootApplication
    static class TestApp {
    }

    @Autowired
    KafkaProperties kafka;

    private final String topic = "listener-failures-" + UUID.randomUUID();
    private final List<String> handled = new CopyOnWriteArrayList<>();
    private final AtomicInteger outageLeft = new AtomicInteger(3);
    private final AtomicInteger badAttempts = new AtomicInteger();
    private ConcurrentMessageListenerContainer<String, byte[]> container;

    @AfterEach
    void stop() {
        if (container != null) {
            container.stop();
        }
    }

    @Test
    void anOutageIsWaitedOutAndOnlyABadRecordBecomesADeadLetter() throws Exception {
        createTopics();
        container = listener(record -> {
            String value = new String(record.value(), StandardCharsets.UTF_8);
            if ("bad".equals(value)) {
                badAttempts.incrementAndGet();
                throw new IllegalArgumentException("a rule this record breaks");
            }
            if ("during the outage".equals(value) && outageLeft.getAndDecrement() > 0) {
                throw new EventNotPublishedException("somewhere", new TimeoutException("Expiring 1 record(s): 8000 ms has passed"));
            }
            handled.add(value);
        });
        container.start();

        send("during the outage", "bad", "after");

        await("every good record handled").atMost(DEADLINE).until(() -> handled.equals(List.of("during the outage", "after")));
        await("the bad one dead-lettered").atMost(DEADLINE).until(() -> !deadLetters().isEmpty());
        List<ConsumerRecord<byte[], byte[]>> deadLetters = deadLetters();
        assertThat(deadLetters).as("only the bad record").hasSize(1);
        assertThat(new String(deadLetters.getFirst().value(), StandardCharsets.UTF_8)).isEqualTo("bad");
        assertThat(TopicContents.header(deadLetters.getFirst(), "kafka_dlt-exception-fqcn") + " "
                + TopicContents.header(deadLetters.getFirst(), "kafka_dlt-exception-cause-fqcn")).contains("IllegalArgumentException");
        assertThat(badAttempts.get()).as("first try and three retries").isEqualTo(4);
        assertThat(outageLeft.get()).as("the outage took three tries").isLessThan(0);
    }

    @Test
    void aListenerThatMustNotSkipRetriesUntilHandledButDeadLettersWhatItCannotRead() throws Exception {
        createTopics();
        AtomicInteger failuresLeft = new AtomicInteger(6);
        container = listener(DeadLetters.retryingUntilHandled(kafka), record -> {
            String value = new String(record.value(), StandardCharsets.UTF_8);
            if ("not Avro".equals(value)) {
                badAttempts.incrementAndGet();
                throw new DeserializationException("failed to deserialize", record.value(), false,
                        new IllegalArgumentException("Unknown magic byte!"));
            }
            if ("an erasure".equals(value) && failuresLeft.getAndDecrement() > 0) {
                throw new IllegalStateException("the store is still restoring");
            }
            handled.add(value);
        });
        container.start();

        send("an erasure", "not Avro", "after");

        await("the erasure handled after more failures than a plain listener retries").atMost(DEADLINE)
                .until(() -> handled.equals(List.of("an erasure", "after")));
        List<ConsumerRecord<byte[], byte[]>> deadLetters = deadLetters();
        assertThat(deadLetters).as("only the unreadable record").hasSize(1);
        assertThat(new String(deadLetters.getFirst().value(), StandardCharsets.UTF_8)).isEqualTo("not Avro");
        assertThat(badAttempts.get()).as("first try and three retries").isEqualTo(4);
    }

    private void createTopics() throws Exception {
        try (Admin admin = Admin.create(kafka.buildAdminProperties())) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1), new NewTopic(topic + ".dlt", 1, (short) 1))).all().get();
        }
    }

    private ConcurrentMessageListenerContainer<String, byte[]> listener(MessageListener<String, byte[]> handler) {
        return listener(DeadLetters.errorHandler(kafka), handler);
    }

    private ConcurrentMessageListenerContainer<String, byte[]> listener(CommonErrorHandler errors,
                                                                          MessageListener<String, byte[]> handler) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, topic);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        var consumers = new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        ContainerProperties properties = new ContainerProperties(topic);
        properties.setMessageListener(handler);
        var listener = new ConcurrentMessageListenerContainer<>(consumers, properties);
        listener.setCommonErrorHandler(errors);
        return listener;
    }

    private void send(String... values) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", kafka.getBootstrapServers()));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            for (String value : values) {
                producer.send(new ProducerRecord<>(topic, "person", value));
            }
            producer.flush();
        }
    }

    private List<ConsumerRecord<byte[], byte[]>> deadLetters() {
        return TopicContents.allRecords(String.join(",", kafka.getBootstrapServers()), topic + ".dlt");
    }
}
