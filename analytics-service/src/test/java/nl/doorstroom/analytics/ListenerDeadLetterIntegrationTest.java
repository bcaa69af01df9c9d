package nl.doorstroom.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;

import nl.doorstroom.schemas.Topic;
import nl.doorstroom.schemas.Topics;
import nl.doorstroom.schemas.intake.PersonEvent;
import nl.doorstroom.schemas.intake.PersonLinkedToMunicipality;

/**
 * The platform's listener error handling, as any service's {@code @KafkaListener} gets it: a record that cannot be
 * read, or that keeps failing, goes to {@code <topic>.dlt} with the reason in its headers, and the listener goes on.
 */
@SpringBootTest(properties = "spring.kafka.consumer.group-id=dead-letter-test")
class ListenerDeadLetterIntegrationTest {

    private static final Topic<String, PersonEvent> TOPIC = Topics.INTAKE_PERSON_EVENTS;
    private static final String FAILING_MUNICIPALITY = "GM0000";

    @Autowired
    KafkaTemplate<Object, Object> template;
    @Autowired
    RecordingListener listener;
    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    @TestConfiguration
    static class Listener {

        @Bean
        RecordingListener recordingListener() {
            return new RecordingListener();
        }
    }

    static class RecordingListener {

        final List<String> received = new CopyOnWriteArrayList<>();

        @KafkaListener(topics = "intake.person-events")
        void on(PersonEvent event) {
            if (event.getPayload() instanceof PersonLinkedToMunicipality link
                    && FAILING_MUNICIPALITY.equals(link.getMunicipalityCode())) {
                throw new IllegalStateException("cannot process a link to " + FAILING_MUNICIPALITY);
            }
            received.add(event.getPersonId());
        }
    }

    @Test
    void aPoisonPillAndAFailingRecordBecomeDeadLettersAndTheListenerGoesOn() throws Exception {
        String poisonKey = UUID.randomUUID().toString();
        String failingKey = UUID.randomUUID().toString();
        String goodKey = UUID.randomUUID().toString();
        try (KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(Map.of("bootstrap.servers", brokers),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(TOPIC.name(), 0, poisonKey.getBytes(StandardCharsets.UTF_8),
                    "not avro at all".getBytes(StandardCharsets.UTF_8))).get();
        }
        template.send(TOPIC.name(), 0, failingKey, link(failingKey, FAILING_MUNICIPALITY)).get();
        template.send(TOPIC.name(), 0, goodKey, link(goodKey, "GM0344")).get();

        await("the listener goes on after both").atMost(Duration.ofSeconds(30))
                .until(() -> listener.received.contains(goodKey));
        assertThat(listener.received).doesNotContain(poisonKey, failingKey);

        List<ConsumerRecord<byte[], byte[]>> deadLetters = await().atMost(Duration.ofSeconds(20))
                .until(() -> deadLetters(poisonKey, failingKey), found -> found.size() == 2);
        ConsumerRecord<byte[], byte[]> poison = deadLetters.stream()
                .filter(r -> poisonKey.equals(new String(r.key(), StandardCharsets.UTF_8))).findFirst().orElseThrow();
        assertThat(new String(poison.value(), StandardCharsets.UTF_8)).as("the original bytes are kept").isEqualTo("not avro at all");
        assertThat(header(poison, "kafka_dlt-exception-fqcn")).contains("DeserializationException");
        assertThat(header(poison, "kafka_dlt-original-topic")).isEqualTo(TOPIC.name());
        ConsumerRecord<byte[], byte[]> failing = deadLetters.stream()
                .filter(r -> failingKey.equals(new String(r.key(), StandardCharsets.UTF_8))).findFirst().orElseThrow();
        assertThat(header(failing, "kafka_dlt-exception-cause-fqcn")).isEqualTo(IllegalStateException.class.getName());
        assertThat(header(failing, "kafka_dlt-exception-message")).contains("cannot process a link to " + FAILING_MUNICIPALITY);
    }

    private static PersonEvent link(String personId, String municipality) {
        return PersonEvent.newBuilder().setEventId(UUID.randomUUID().toString()).setPersonId(personId)
                .setOccurredAt(Instant.now())
                .setPayload(PersonLinkedToMunicipality.newBuilder().setMunicipalityCode(municipality)
                        .setPermitDate(LocalDate.now().minusDays(7)).setLinkDate(LocalDate.now()).build())
                .build();
    }

    private List<ConsumerRecord<byte[], byte[]>> deadLetters(String... keys) {
        List<String> wanted = List.of(keys);
        List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC.deadLetterTopic()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (r.key() != null && wanted.contains(new String(r.key(), StandardCharsets.UTF_8))) {
                        found.add(r);
                    }
                });
            }
        }
        return found;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
