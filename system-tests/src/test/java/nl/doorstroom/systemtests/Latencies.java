package nl.doorstroom.systemtests;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/** Latency figures of the end-to-end measurements, and the bare Kafka round trip they are compared with. */
final class Latencies {

    private Latencies() {
    }

    /** Produce-to-consume times of plain string records on a topic of their own, the floor under any handover. */
    static List<Long> bareKafkaRoundTrips(int count) {
        String brokers = System.getProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS);
        String topic = "baseline." + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", brokers))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("could not create the baseline topic", e);
        }
        List<Long> millis = new ArrayList<>();
        try (var producer = new KafkaProducer<String, String>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
             var consumer = new KafkaConsumer<String, String>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                     ConsumerConfig.GROUP_ID_CONFIG, topic, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                     new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            await("the baseline consumer joined").atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(100));
                return !consumer.assignment().isEmpty();
            });
            for (int i = 0; i < count; i++) {
                long sent = System.nanoTime();
                producer.send(new ProducerRecord<>(topic, "person-" + i, "linked")).get();
                ConsumerRecords<String, String> received = ConsumerRecords.empty();
                while (received.isEmpty()) {
                    received = consumer.poll(Duration.ofMillis(5));
                }
                millis.add((System.nanoTime() - sent) / 1_000_000);
            }
        } catch (Exception e) {
            throw new IllegalStateException("bare Kafka round trip failed", e);
        }
        return millis;
    }

    static String summary(List<Long> millis) {
        return "p50 %d ms, p95 %d ms, max %d ms".formatted(percentile(millis, 50), percentile(millis, 95),
                percentile(millis, 100));
    }

    static long percentile(List<Long> values, int percentile) {
        List<Long> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }
}
