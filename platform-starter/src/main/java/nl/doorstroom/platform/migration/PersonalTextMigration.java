package nl.doorstroom.platform.migration;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.avro.generic.IndexedRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import nl.doorstroom.platform.privacy.PersonalTexts;
import nl.doorstroom.schemas.Topic;
import nl.doorstroom.schemas.Topics;
import nl.doorstroom.schemas.WritePathTopics;
import nl.doorstroom.schemas.intake.PersonErased;
import nl.doorstroom.schemas.intake.PersonEvent;

/**
 * Seals the personal free text that was written in plain before the contracts marked it ({@link PersonalTexts}):
 * a service's event topics and their dead letters, and its state-store changelogs, each rewritten in place
 * ({@link TopicRewrite}); its pending write proposals (which hold whole events) are purged. Text of a person who was
 * erased cannot be sealed any more (their key is gone) and is dropped instead; who was erased is read from the
 * {@code PersonErased} events on {@code intake.person-events}. Values already sealed, without personal text, or that
 * cannot be read at all (a dead letter may be anything) are copied as they are.
 *
 * <p>Offline: every service must be stopped (a topic still read by a running consumer group is refused), and the
 * Streams state directories must be emptied before the services start again, so they restore from the rewritten
 * changelogs. Running it again changes nothing.
 */
public class PersonalTextMigration {

    private static final Logger log = LoggerFactory.getLogger(PersonalTextMigration.class);

    private final KafkaProperties kafka;
    private final PersonalTexts texts;

    public PersonalTextMigration(KafkaProperties kafka, PersonalTexts texts) {
        this.kafka = kafka;
        this.texts = texts;
    }

    /** What one run did. */
    public record Outcome(List<TopicRewrite.Report> rewritten, Map<String, Long> unreadable, Set<String> purged) {
    }

    /**
     * The topics of one service: its write paths' event topics and their dead letters, and every changelog of its
     * Streams application; the write proposals to purge.
     */
    public record Plan(List<String> rewrite, List<String> purge) {

        public static Plan of(String applicationId, Collection<WritePathTopics> writePaths, Set<String> existingTopics) {
            List<String> rewrite = new ArrayList<>();
            List<String> purge = new ArrayList<>();
            for (WritePathTopics paths : writePaths) {
                rewrite.add(paths.events().name());
                rewrite.add(paths.events().name() + Topic.DEAD_LETTER_SUFFIX);
                purge.add(paths.proposals().name());
            }
            existingTopics.stream().filter(t -> t.startsWith(applicationId + "-") && t.endsWith("-changelog")).sorted()
                    .forEach(rewrite::add);
            return new Plan(rewrite.stream().filter(existingTopics::contains).toList(),
                    purge.stream().filter(existingTopics::contains).toList());
        }
    }

    public Outcome run(Plan plan) {
        Map<String, Object> clients = kafka.buildAdminProperties();
        Set<String> erased = erasedPeople();
        log.info("Sealing personal text on {} topics; {} erased people's text is dropped", plan.rewrite().size(), erased.size());
        TopicRewrite rewrite = new TopicRewrite(clients);
        List<TopicRewrite.Report> reports = new ArrayList<>();
        Map<String, Long> unreadable = new HashMap<>();
        for (String topic : plan.rewrite()) {
            AtomicLong skipped = new AtomicLong();
            TopicRewrite.Report report = rewrite.rewrite(topic, sealing(topic, erased, skipped));
            log.info("{}: {} records, {} sealed, consumer groups moved {}, {} unreadable values left as they were",
                    topic, report.records(), report.changed(), report.groupsMoved(), skipped.get());
            reports.add(report);
            unreadable.put(topic, skipped.get());
        }
        purge(clients, plan.purge());
        return new Outcome(reports, unreadable, Set.copyOf(plan.purge()));
    }

    /** A value with plain personal text sealed (or dropped for an erased person); any other value as it is. */
    TopicRewrite.ValueRewriter sealing(String topic, Set<String> erased, AtomicLong unreadable) {
        AvroKafkaDeserializer<Object> reader = new AvroKafkaDeserializer<>();
        reader.configure(kafka.buildConsumerProperties(), false);
        AvroKafkaSerializer<Object> writer = new AvroKafkaSerializer<>();
        writer.configure(kafka.buildProducerProperties(), false);
        return record -> {
            Object value;
            try {
                value = reader.deserialize(topic, record.headers(), record.value());
            } catch (RuntimeException e) {
                unreadable.incrementAndGet();
                return record.value();
            }
            if (!(value instanceof IndexedRecord avro) || PersonalTexts.unsealed(avro).isEmpty()) {
                return record.value();
            }
            IndexedRecord sealed = erased.contains(PersonalTexts.personIdOf(avro)) ? PersonalTexts.dropAll(avro)
                    : texts.sealAll(avro);
            return writer.serialize(topic, record.headers(), sealed);
        };
    }

    /** Everyone with a {@code PersonErased} event on {@code intake.person-events}. */
    private Set<String> erasedPeople() {
        Set<String> erased = new HashSet<>();
        AvroKafkaDeserializer<Object> reader = new AvroKafkaDeserializer<>();
        reader.configure(kafka.buildConsumerProperties(), false);
        String topic = Topics.INTAKE_PERSON_EVENTS.name();
        Map<String, Object> config = new HashMap<>(kafka.buildAdminProperties());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (erases(reader, record)) {
                        erased.add(new String(record.key(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return erased;
    }

    private static boolean erases(AvroKafkaDeserializer<Object> reader, ConsumerRecord<byte[], byte[]> record) {
        try {
            return reader.deserialize(record.topic(), record.headers(), record.value()) instanceof PersonEvent event
                    && event.getPayload() instanceof PersonErased;
        } catch (RuntimeException e) {
            // a record that cannot be read erases nobody
            return false;
        }
    }

    /** Deletes every record of these topics: write proposals are decided within seconds and hold whole events. */
    private static void purge(Map<String, Object> clients, List<String> topics) {
        try (Admin admin = Admin.create(clients)) {
            for (String topic : topics) {
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                        .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
                Map<TopicPartition, RecordsToDelete> delete = new HashMap<>();
                admin.listOffsets(latest).all().get().forEach((partition, end) ->
                        delete.put(partition, RecordsToDelete.beforeOffset(end.offset())));
                admin.deleteRecords(delete).all().get();
                log.info("{}: purged", topic);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while purging " + topics, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not purge " + topics, e.getCause());
        }
    }
}
