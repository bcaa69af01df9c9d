package nl.doorstroom.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.web.client.RestClient;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import nl.doorstroom.platform.migration.PersonalTextMigration;
import nl.doorstroom.platform.migration.TopicRewrite;
import nl.doorstroom.platform.privacy.PersonalTexts;
import nl.doorstroom.platform.test.DemoPrivacyKeys;
import nl.doorstroom.platform.test.TestTokens;
import nl.doorstroom.platform.test.TopicContents;
import nl.doorstroom.platform.write.RecordFold;
import nl.doorstroom.platform.write.WritePaths;
import nl.doorstroom.schemas.Topics;
import nl.doorstroom.schemas.WritePathTopics;
import nl.doorstroom.schemas.intake.Diploma;
import nl.doorstroom.schemas.intake.EarlyIntakeRecorded;
import nl.doorstroom.schemas.intake.Education;
import nl.doorstroom.schemas.intake.IntakeRecordState;
import nl.doorstroom.schemas.intake.IscedLevel;
import nl.doorstroom.schemas.intake.PersonEvent;
import nl.doorstroom.schemas.intake.Wishes;
import nl.doorstroom.schemas.intake.WorkExperience;
import tools.jackson.databind.json.JsonMapper;

/**
 * The migration that seals personal text written before it was sealed, against the real broker and registry: events
 * and a record-store changelog written in plain (as this service wrote them before) are rewritten in place; the text
 * of a person with a key is sealed with it, of a person who never had one (registered before identities were sealed)
 * with a new key, and of a person who was erased it is dropped, as no key can seal it any more. A consumer group
 * resumes where it was, the write proposals are purged, and a second run changes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DemoPrivacyKeys
class PersonalTextMigrationIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    KafkaProperties kafka;
    @Autowired
    PersonalTexts texts;
    @Autowired
    StreamsBuilderFactoryBean streams;
    @Autowired
    WritePaths writePaths;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String events = "migration-" + run + ".person-events";
    private final String changelog = "migration-" + run + "-intake-records-changelog";
    private final String proposals = events + ".write-proposals";

    @Test
    void plainTextIsSealedOrForErasedPeopleDroppedAndTheConsumersResumeWhereTheyWere() throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> streams.getKafkaStreams() != null
                && streams.getKafkaStreams().state() == KafkaStreams.State.RUNNING);
        String registered = register();
        String erased = register();
        erase(erased);
        String legacy = UUID.randomUUID().toString();
        createTopics();
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(kafka.buildProducerProperties(),
                new StringSerializer(), avroSerializer())) {
            for (String person : List.of(registered, erased, legacy)) {
                producer.send(new ProducerRecord<>(events, 0, person, earlyIntake(person)));
                producer.send(new ProducerRecord<>(changelog, 0, person, IntakeRecordState.newBuilder().setPersonId(person)
                        .setWrites(RecordFold.unwritten()).setEarlyIntake((EarlyIntakeRecorded) earlyIntake(person).getPayload())
                        .build()));
            }
            producer.send(new ProducerRecord<>(proposals, 0, registered, earlyIntake(registered)));
            producer.flush();
        }
        try (Admin admin = Admin.create(kafka.buildAdminProperties())) {
            // a reader of the events that had read the first two when the services were stopped
            admin.alterConsumerGroupOffsets("migration-" + run + "-reader",
                    Map.of(new TopicPartition(events, 0), new OffsetAndMetadata(2))).all().get();
        }
        assertThat(plainTextOn(events)).as("written in plain, as before sealing").isNotEmpty();

        var plan = new PersonalTextMigration.Plan(List.of(events, changelog), List.of(proposals));
        PersonalTextMigration.Outcome outcome = new PersonalTextMigration(kafka, texts).run(plan);

        assertThat(outcome.rewritten()).extracting(TopicRewrite.Report::changed).containsExactly(3L, 3L);
        assertThat(outcome.rewritten().getFirst().groupsMoved()).containsEntry("migration-" + run + "-reader", 1L);
        assertThat(plainTextOn(events)).isEmpty();
        assertThat(plainTextOn(changelog)).isEmpty();
        Map<String, PersonEvent> after = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : all(events)) {
            after.put(new String(record.key(), StandardCharsets.UTF_8), (PersonEvent) avroDeserializer().deserialize(events, record.value()));
        }
        assertThat(PersonalTexts.unsealed(after.get(registered))).isEmpty();
        assertThat(texts.openAll(after.get(registered))).isEqualTo(earlyIntakeWithId(registered, after.get(registered)));
        assertThat(texts.openAll(after.get(legacy))).isEqualTo(earlyIntakeWithId(legacy, after.get(legacy)));
        EarlyIntakeRecorded dropped = (EarlyIntakeRecorded) after.get(erased).getPayload();
        assertThat(dropped.getWorkExperience().getFirst().getJobTitle()).as("an erased person's text").isEmpty();
        assertThat(dropped.getWorkExperience().getFirst().getIscoCode()).as("codes stay").isEqualTo("2221");
        assertThat(dropped.getWishes().getWork()).isNull();
        assertThat(dropped.getWishes().getSectors()).isEmpty();
        try (Admin admin = Admin.create(kafka.buildAdminProperties())) {
            assertThat(admin.listConsumerGroupOffsets("migration-" + run + "-reader").partitionsToOffsetAndMetadata().get()
                    .get(new TopicPartition(events, 0)).offset()).as("the reader resumes at the third").isEqualTo(2);
            TopicPartition proposal = new TopicPartition(proposals, 0);
            assertThat(admin.listOffsets(Map.of(proposal, OffsetSpec.earliest())).all().get().get(proposal).offset())
                    .as("the proposals are purged").isEqualTo(1);
        }

        PersonalTextMigration.Outcome again = new PersonalTextMigration(kafka, texts).run(plan);
        assertThat(again.rewritten()).extracting(TopicRewrite.Report::changed).as("a second run").containsExactly(0L, 0L);
    }

    @Test
    void theServicePlanCoversItsEventsDeadLettersAndChangelogsAndPurgesItsProposals() {
        Set<String> existing = Set.of("intake.person-events", "intake.person-events.dlt", "intake.person-events.write-proposals",
                "intake-service-intake-records-changelog", "intake-service-intake-history-changelog",
                "trajectory-service-trajectories-changelog", "privacy.subject-keys");
        var plan = PersonalTextMigration.Plan.of("intake-service", writePaths.topics(), existing);
        assertThat(writePaths.topics()).extracting(WritePathTopics::events).containsExactly(Topics.INTAKE_PERSON_EVENTS);
        assertThat(plan.rewrite()).containsExactly("intake.person-events", "intake.person-events.dlt",
                "intake-service-intake-history-changelog", "intake-service-intake-records-changelog");
        assertThat(plan.purge()).containsExactly("intake.person-events.write-proposals");
    }

    private static PersonEvent earlyIntake(String person) {
        return PersonEvent.newBuilder().setEventId(UUID.randomUUID().toString()).setPersonId(person)
                .setOccurredAt(Instant.parse("2026-01-05T10:00:00Z")).setRecordVersion(2)
                .setPayload(EarlyIntakeRecorded.newBuilder()
                        .setEducation(Education.newBuilder().setHighestLevel(IscedLevel.ISCED_5)
                                .setDiplomas(List.of(new Diploma("Diploma verpleegkunde Aleppo", "SY", 2015, true))).build())
                        .setWorkExperience(List.of(WorkExperience.newBuilder().setIscoCode("2221")
                                .setJobTitle("Verpleegkundige kinderafdeling").setYears(5).setSector("Ziekenhuiszorg").build()))
                        .setWishes(new Wishes("BIG-registratie halen", "Verkorte HBO-V", List.of("Wijkverpleging")))
                        .build())
                .build();
    }

    /** The plain event as written, with the event id it was written with. */
    private static PersonEvent earlyIntakeWithId(String person, PersonEvent written) {
        return PersonEvent.newBuilder(earlyIntake(person)).setEventId(written.getEventId()).build();
    }

    private List<String> plainTextOn(String topic) {
        List<String> texts = List.of("Diploma verpleegkunde Aleppo", "Verpleegkundige kinderafdeling", "Ziekenhuiszorg",
                "BIG-registratie halen", "Verkorte HBO-V", "Wijkverpleging");
        return all(topic).stream().map(r -> new String(r.value(), StandardCharsets.UTF_8))
                .flatMap(value -> texts.stream().filter(value::contains)).toList();
    }

    private List<ConsumerRecord<byte[], byte[]>> all(String topic) {
        return TopicContents.allRecords(String.join(",", kafka.getBootstrapServers()), topic);
    }

    private void createTopics() throws Exception {
        try (Admin admin = Admin.create(kafka.buildAdminProperties())) {
            admin.createTopics(List.of(
                    new NewTopic(events, 1, (short) 1).configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1")),
                    new NewTopic(changelog, 1, (short) 1).configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, "compact")),
                    new NewTopic(proposals, 1, (short) 1))).all().get();
        }
    }

    private String register() {
        ResponseEntity<String> registered = http(TestTokens.azcStaff("AZC-BUDEL")).post().uri("/api/v1/persons")
                .contentType(MediaType.APPLICATION_JSON)
                .body(IntakeApiIntegrationTest.registration("Rania", IntakeApiIntegrationTest.randomVNumber()))
                .retrieve().toEntity(String.class);
        assertThat(registered.getStatusCode().value()).as(registered.getBody()).isEqualTo(201);
        return JSON.readTree(registered.getBody()).get("id").asString();
    }

    private void erase(String person) {
        ResponseEntity<String> erased = http(TestTokens.platformOperator()).post().uri("/api/v1/persons/{id}/erasures", person)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"ground\":\"DATA_SUBJECT_REQUEST\",\"caseReference\":\"AVG-2026-0300\"}").retrieve().toEntity(String.class);
        assertThat(erased.getStatusCode().value()).as(erased.getBody()).isEqualTo(202);
    }

    private RestClient http(String token) {
        return RestClient.builder().baseUrl("http://127.0.0.1:" + port).defaultHeader("Authorization", "Bearer " + token)
                .defaultStatusHandler(status -> true, (request, response) -> { }).build();
    }

    private AvroKafkaSerializer<Object> avroSerializer() {
        AvroKafkaSerializer<Object> serializer = new AvroKafkaSerializer<>();
        serializer.configure(kafka.buildProducerProperties(), false);
        return serializer;
    }

    private AvroKafkaDeserializer<Object> avroDeserializer() {
        AvroKafkaDeserializer<Object> deserializer = new AvroKafkaDeserializer<>();
        deserializer.configure(kafka.buildConsumerProperties(), false);
        return deserializer;
    }
}
