package nl.doorstroom.trajectory.candidates;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import nl.doorstroom.platform.kafka.EventPublisher;
import nl.doorstroom.platform.privacy.PseudonymDomain;
import nl.doorstroom.platform.privacy.Pseudonyms;
import nl.doorstroom.schemas.Topics;
import nl.doorstroom.schemas.intake.ConsentDecision;
import nl.doorstroom.schemas.intake.ConsentPurpose;
import nl.doorstroom.schemas.intake.ConsentRecorded;
import nl.doorstroom.schemas.trajectory.CandidateProfile;
import nl.doorstroom.trajectory.CaseWorkerClient;
import nl.doorstroom.trajectory.TrajectoryServiceIntegrationTest;
import nl.doorstroom.trajectory.handover.PersonEvents;

/**
 * The candidate profile on {@code trajectory.candidate-profiles}, read back with a plain consumer: it appears only
 * with consent and readiness, holds nothing that identifies the person, follows a move, and is tombstoned on withdrawal
 * of consent, on unmarking and on closure.
 */
class CandidateProfileIntegrationTest extends TrajectoryServiceIntegrationTest {

    private static final String TOPIC = Topics.TRAJECTORY_CANDIDATE_PROFILES.name();

    @Autowired
    private EventPublisher publisher;

    @Autowired
    private Pseudonyms pseudonyms;

    @Autowired
    private KafkaProperties kafkaProperties;

    @Value("${spring.kafka.bootstrap-servers}")
    private String bootstrapServers;

    @Test
    void theProfileIsPublishedOnlyWithConsentAndReadinessAndRemovedByATombstone() {
        CaseWorkerClient utrecht = new CaseWorkerClient(http, "GM0344");
        String person = utrecht.linkedPerson(publisher, Instant.now());
        String key = pseudonyms.pseudonymOf(PseudonymDomain.EMPLOYER, person);
        utrecht.accept(person, 0);

        // ready, but no consent yet: nothing; the profile comes with the consent, not before
        readiness(utrecht, person, 1, true);
        Instant consentAt = Instant.now();
        consent(person, consentAt, ConsentDecision.GIVEN);
        List<ConsumerRecord<byte[], byte[]>> first = awaitLatest(key, true);
        assertThat(first).hasSize(1);
        assertThat(first.getFirst().timestamp()).as("published because of the consent").isGreaterThanOrEqualTo(consentAt.toEpochMilli());

        CandidateProfile profile = decode(first.getFirst());
        assertThat(profile.getCandidatePseudonym()).isEqualTo(key);
        assertThat(profile.getIscoCodes()).containsExactly("2142");
        assertThat(profile.getEducationLevel().getIsced().name()).isEqualTo("ISCED_6");
        assertThat(profile.getEducationLevel().getDutchComparableLevel().name()).isEqualTo("BACHELOR");
        assertThat(profile.getLanguageLevels()).extracting(l -> l.getLanguage() + " " + l.getSkill() + " " + l.getLevel())
                .containsExactlyInAnyOrder("ar SPOKEN_PRODUCTION C2", "nl READING A1");
        assertThat(profile.getAvailableHoursPerWeek()).isEqualTo(24);
        assertThat(profile.getMunicipalityCode()).isEqualTo("GM0344");
        assertThat(profile.getLabourMarketRegionCode()).isEqualTo("AM13");
        assertNothingIdentifies(first.getFirst(), profile, person);

        consent(person, Instant.now(), ConsentDecision.WITHDRAWN);
        awaitLatest(key, false);
        consent(person, Instant.now(), ConsentDecision.GIVEN);
        awaitLatest(key, true);

        readiness(utrecht, person, 2, false);
        awaitLatest(key, false);
        readiness(utrecht, person, 3, true);
        awaitLatest(key, true);

        // a move republishes with the new municipality and region
        utrecht.change(HttpMethod.POST, utrecht.trajectory(person) + "/moves",
                Map.of("version", 4, "toMunicipalityCode", "GM0363", "moveDate", LocalDate.now().toString()), HttpStatus.CREATED);
        Awaitility.await("the profile in Amsterdam").atMost(DEADLINE).pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    List<ConsumerRecord<byte[], byte[]>> records = recordsOf(key);
                    CandidateProfile latest = decode(records.getLast());
                    return latest != null && latest.getMunicipalityCode().equals("GM0363")
                            && latest.getLabourMarketRegionCode().equals("AM18");
                });

        CaseWorkerClient amsterdam = new CaseWorkerClient(http, "GM0363");
        amsterdam.accept(person, 5);
        amsterdam.change(HttpMethod.PUT, amsterdam.trajectory(person) + "/closure",
                Map.of("version", 6, "closedOn", LocalDate.now().toString(), "outcome", "COMPLETED"), HttpStatus.OK);
        awaitLatest(key, false);
    }

    private void readiness(CaseWorkerClient caseWorker, String person, int version, boolean ready) {
        caseWorker.change(HttpMethod.PUT, caseWorker.trajectory(person) + "/placement-readiness",
                Map.of("version", version, "ready", ready), HttpStatus.OK);
    }

    private void consent(String person, Instant at, ConsentDecision decision) {
        CaseWorkerClient.publish(publisher, PersonEvents.event(person, at,
                new ConsentRecorded(ConsentPurpose.EMPLOYER_PROFILE_SHARING, decision, LocalDate.now())));
    }

    /** Waits until the latest record of the key is a profile ({@code present}) or a tombstone; returns all of them. */
    private List<ConsumerRecord<byte[], byte[]>> awaitLatest(String key, boolean present) {
        List<List<ConsumerRecord<byte[], byte[]>>> seen = new ArrayList<>();
        Awaitility.await(present ? "a profile for " + key : "a tombstone for " + key).atMost(DEADLINE)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    List<ConsumerRecord<byte[], byte[]>> records = recordsOf(key);
                    seen.addFirst(records);
                    return !records.isEmpty() && (records.getLast().value() != null) == present;
                });
        return seen.getFirst();
    }

    /** Neither the value's bytes, nor its fields, nor the headers carry the name, V-number, birth date or person id. */
    private static void assertNothingIdentifies(ConsumerRecord<byte[], byte[]> record, CandidateProfile profile, String person) {
        String raw = new String(record.value(), StandardCharsets.ISO_8859_1);
        assertThat(raw).doesNotContain("Rania", "Darwish", "1234567890", person, "1994", "AZC-TER-APEL");
        String json = profile.toString();
        assertThat(json).doesNotContain("Rania", "Darwish", "1234567890", person, "1994-03-12", "\"SY\"",
                "personId", "givenNames", "familyName", "dateOfBirth", "vNumber", "bsn", "countryOfOrigin");
        assertThat(profile.getSchema().getFields()).extracting(f -> f.name()).containsExactly("candidatePseudonym",
                "iscoCodes", "educationLevel", "languageLevels", "availableHoursPerWeek", "municipalityCode",
                "labourMarketRegionCode");
        for (Header header : record.headers()) {
            assertThat(new String(header.value(), StandardCharsets.ISO_8859_1)).as(header.key()).doesNotContain(person, "Rania");
        }
        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isNotEqualTo(person);
    }

    private CandidateProfile decode(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            return null;
        }
        try (var deserializer = new AvroKafkaDeserializer<CandidateProfile>()) {
            deserializer.configure(kafkaProperties.buildConsumerProperties(), false);
            return deserializer.deserialize(TOPIC, record.value());
        }
    }

    private List<ConsumerRecord<byte[], byte[]>> recordsOf(String key) {
        List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
        byte[] wanted = key.getBytes(StandardCharsets.UTF_8);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC).stream()
                    .map(p -> new TopicPartition(TOPIC, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (Arrays.equals(wanted, r.key())) {
                        found.add(r);
                    }
                });
            }
        }
        return found;
    }
}
