package nl.doorstroom.platform.test.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.subtle.AesGcmJce;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import nl.doorstroom.platform.kafka.EventPublisher;
import nl.doorstroom.platform.privacy.KafkaSubjectKeyStore;
import nl.doorstroom.platform.privacy.MasterKey;
import nl.doorstroom.platform.privacy.PersonalDataCipher;
import nl.doorstroom.platform.privacy.SubjectErasedException;
import nl.doorstroom.platform.privacy.SubjectKeys;
import nl.doorstroom.platform.test.DemoPrivacyKeys;
import nl.doorstroom.schemas.Topics;
import nl.doorstroom.schemas.privacy.SubjectKey;

/**
 * Crypto-shredding through the real broker and registry: keys created by one service are readable by another, and
 * a tombstone makes a person's data unreadable in both. "Another service" is a second {@link SubjectKeys} with its
 * own producer and its own read model (consumer), built exactly as the auto-configuration builds the first.
 */
@SpringBootTest(classes = SubjectKeysIntegrationTest.TestApp.class,
        properties = "spring.application.name=subject-keys-test")
@DemoPrivacyKeys
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubjectKeysIntegrationTest {

    private static final String TOPIC = Topics.PRIVACY_SUBJECT_KEYS.name();
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final String NAME = "Amina Haddad";

    @SpringBootApplication
    static class TestApp {
    }

    @Autowired
    PersonalDataCipher cipher;
    @Autowired
    SubjectKeys keys;
    @Autowired
    MasterKey masterKey;
    @Autowired
    KafkaProperties kafkaProperties;
    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;
    @Value("${doorstroom.privacy.master-key}")
    String masterKeyBase64;

    private final List<KafkaSubjectKeyStore> otherStores = new ArrayList<>();
    private final List<DefaultKafkaProducerFactory<Object, Object>> otherProducers = new ArrayList<>();
    private SubjectKeys otherKeys;
    private PersonalDataCipher otherService;

    @BeforeAll
    void startAnotherService() {
        otherKeys = anotherService();
        otherService = new PersonalDataCipher(otherKeys);
    }

    @AfterAll
    void stopOtherServices() {
        otherStores.forEach(KafkaSubjectKeyStore::stop);
        otherProducers.forEach(DefaultKafkaProducerFactory::destroy);
    }

    @Test
    void aKeyCreatedInOneServiceDecryptsInAnother() {
        String person = UUID.randomUUID().toString();
        byte[] ciphertext = cipher.encryptText(person, NAME);
        // usable at once by its creator
        assertThat(cipher.decryptText(person, ciphertext)).isEqualTo(NAME);
        // a running service finds it (its read model catches up before it answers "no key")
        assertThat(otherService.decryptText(person, ciphertext)).isEqualTo(NAME);
        // and so does one that starts later and reads the topic from the beginning
        assertThat(new PersonalDataCipher(anotherService()).decryptText(person, ciphertext)).isEqualTo(NAME);
        // data the other service encrypts for the same person is readable here: one key per person
        assertThat(cipher.decryptText(person, otherService.encryptText(person, "V-1234567890"))).isEqualTo("V-1234567890");
    }

    @Test
    void forgettingAPersonErasesTheirDataInEveryService() {
        String person = UUID.randomUUID().toString();
        String bystander = UUID.randomUUID().toString();
        byte[] ciphertext = cipher.encryptText(person, NAME);
        byte[] bystanderData = cipher.encryptText(bystander, "Omar");
        assertThat(otherService.decryptText(person, ciphertext)).isEqualTo(NAME);

        keys.forget(person);

        // here at once
        assertThatThrownBy(() -> cipher.decrypt(person, ciphertext)).isInstanceOf(SubjectErasedException.class);
        // a tombstone on the topic
        assertThat(lastValue(person)).as("last record of the person on %s", TOPIC).isNull();
        // in the other service as soon as its read model reaches the tombstone (it still held the key)
        await("the other service refuses to decrypt").atMost(DEADLINE).untilAsserted(() ->
                assertThatThrownBy(() -> otherService.decrypt(person, ciphertext))
                        .isInstanceOf(SubjectErasedException.class));
        assertThat(otherKeys.existingKeyFor(person)).isEmpty();
        // a service started after the erasure never sees the key
        assertThatThrownBy(() -> new PersonalDataCipher(anotherService()).decrypt(person, ciphertext))
                .isInstanceOf(SubjectErasedException.class);
        // nobody else is affected
        assertThat(otherService.decryptText(bystander, bystanderData)).isEqualTo("Omar");
    }

    @Test
    void erasureInTheOtherServiceReachesThisOne() {
        String person = UUID.randomUUID().toString();
        byte[] ciphertext = otherService.encryptText(person, NAME);
        assertThat(cipher.decryptText(person, ciphertext)).isEqualTo(NAME);

        otherKeys.forget(person);

        await("this service refuses to decrypt").atMost(DEADLINE).untilAsserted(() ->
                assertThatThrownBy(() -> cipher.decrypt(person, ciphertext)).isInstanceOf(SubjectErasedException.class));
    }

    @Test
    void twoServicesCreatingAKeyAtTheSameMomentEndUpWithOne() throws Exception {
        for (int round = 0; round < 5; round++) {
            String person = UUID.randomUUID().toString();
            CountDownLatch start = new CountDownLatch(1);
            CompletableFuture<byte[]> here = CompletableFuture.supplyAsync(() -> {
                awaitLatch(start);
                return cipher.encryptText(person, "here");
            });
            CompletableFuture<byte[]> there = CompletableFuture.supplyAsync(() -> {
                awaitLatch(start);
                return otherService.encryptText(person, "there");
            });
            start.countDown();
            byte[] fromHere = here.get();
            byte[] fromThere = there.get();
            assertThat(otherService.decryptText(person, fromHere)).isEqualTo("here");
            assertThat(cipher.decryptText(person, fromThere)).isEqualTo("there");
            // and the compacted topic ends with that key, so a service starting later reads both too
            PersonalDataCipher later = new PersonalDataCipher(anotherService());
            assertThat(later.decryptText(person, fromHere)).isEqualTo("here");
            assertThat(later.decryptText(person, fromThere)).isEqualTo("there");
        }
    }

    @Test
    void theTopicHoldsTheKeyWrappedNeverRaw() throws Exception {
        String person = UUID.randomUUID().toString();
        cipher.encryptText(person, NAME);
        byte[] raw = lastValue(person);
        assertThat(raw).isNotNull();
        assertThat(raw[0]).as("Confluent wire format: magic byte").isZero();

        // the record as any registry-aware reader sees it
        SubjectKey value = avroDeserializer().deserialize(TOPIC, raw);
        assertThat(value.getPersonId()).isEqualTo(person);
        byte[] wrapped = bytes(value.getWrappedKeyset());

        // unwrap it as documented (AES256-GCM with the master key, "doorstroom:subject-key:<person id>" as
        // associated data) to learn the real key, then look for it in the raw bytes on the topic
        AesGcmJce master = new AesGcmJce(Base64.getDecoder().decode(masterKeyBase64));
        KeysetHandle keyset = TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, master,
                ("doorstroom:subject-key:" + person).getBytes(StandardCharsets.UTF_8));
        byte[] dataKey = ((AesGcmKey) keyset.getPrimary().getKey()).getKeyBytes().toByteArray(InsecureSecretKeyAccess.get());
        assertThat(dataKey).hasSize(32);
        assertThat(indexOf(raw, dataKey)).as("the raw data key in the topic's bytes").isEqualTo(-1);
        assertThat(indexOf(raw, java.util.Arrays.copyOf(dataKey, 8))).as("even 8 bytes of it").isEqualTo(-1);
        byte[] cleartextKeyset = TinkProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
        assertThat(indexOf(raw, cleartextKeyset)).isEqualTo(-1);
    }

    @Test
    void theTopicIsCompactedWithADeadline() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, TOPIC);
            Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
            assertThat(config.get("max.compaction.lag.ms").value()).isEqualTo("86400000");
            assertThat(config.get("min.cleanable.dirty.ratio").value()).isEqualTo("0.01");
        }
    }

    // --------------------------------------------------------------------------------------------------- helpers

    /** A second service: its own producer, its own read model of the topic. */
    private SubjectKeys anotherService() {
        Map<String, Object> producerConfig = new HashMap<>(kafkaProperties.buildProducerProperties());
        DefaultKafkaProducerFactory<Object, Object> producers = new DefaultKafkaProducerFactory<>(producerConfig);
        otherProducers.add(producers);
        KafkaSubjectKeyStore store = KafkaSubjectKeyStore.create(kafkaProperties,
                new EventPublisher(new KafkaTemplate<>(producers), Duration.ofSeconds(10)), DEADLINE);
        store.start();
        otherStores.add(store);
        return new SubjectKeys(store, masterKey);
    }

    /** The value bytes of the person's last record on the topic, as stored; null for a tombstone. */
    private byte[] lastValue(String person) {
        Map<String, Object> config = new HashMap<>(kafkaProperties.buildConsumerProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC).stream()
                    .map(p -> new TopicPartition(TOPIC, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            ConsumerRecord<String, byte[]>[] last = new ConsumerRecord[1];
            boolean[] found = {false};
            await("read " + TOPIC + " to its end").atMost(DEADLINE).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (person.equals(record.key())) {
                        last[0] = record;
                        found[0] = true;
                    }
                }
                return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
            });
            assertThat(found[0]).as("a record of the person on %s", TOPIC).isTrue();
            return last[0].value();
        }
    }

    private AvroKafkaDeserializer<SubjectKey> avroDeserializer() {
        AvroKafkaDeserializer<SubjectKey> deserializer = new AvroKafkaDeserializer<>();
        deserializer.configure(kafkaProperties.buildConsumerProperties(), false);
        return deserializer;
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
