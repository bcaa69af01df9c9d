package nl.doorstroom.trajectory.candidates;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import nl.doorstroom.platform.kafka.EventPublisher;
import nl.doorstroom.platform.privacy.PersonalTexts;
import nl.doorstroom.platform.privacy.PseudonymDomain;
import nl.doorstroom.platform.privacy.Pseudonyms;
import nl.doorstroom.platform.privacy.SubjectKeys;
import nl.doorstroom.platform.test.TopicContents;
import nl.doorstroom.schemas.Topics;
import nl.doorstroom.schemas.employer.IntroductionAgreed;
import nl.doorstroom.schemas.employer.MatchEvent;
import nl.doorstroom.schemas.employer.RecordedBy;
import nl.doorstroom.schemas.intake.ConsentDecision;
import nl.doorstroom.schemas.intake.ConsentPurpose;
import nl.doorstroom.schemas.intake.ConsentRecorded;
import nl.doorstroom.schemas.trajectory.CandidateContact;
import nl.doorstroom.trajectory.CaseWorkerClient;
import nl.doorstroom.trajectory.TrajectoryServiceIntegrationTest;
import nl.doorstroom.trajectory.handover.PersonEvents;

/**
 * The name and the contact route leave trajectory only after the candidate agreed to an introduction, sealed with the
 * pseudonym's own key; withdrawing consent forgets that key (every copy unreadable) and tombstones the record.
 */
class CandidateContactsIntegrationTest extends TrajectoryServiceIntegrationTest {

    private static final String TOPIC = Topics.TRAJECTORY_CANDIDATE_CONTACTS.name();

    @Autowired
    private EventPublisher publisher;

    @Autowired
    private Pseudonyms pseudonyms;

    @Autowired
    private PersonalTexts texts;

    @Autowired
    private SubjectKeys keys;

    @Autowired
    private KafkaProperties kafkaProperties;

    @Value("${spring.kafka.bootstrap-servers}")
    private String bootstrapServers;

    @Test
    void theNameIsSharedSealedAfterTheAgreementAndUnreadableOnceConsentIsWithdrawn() {
        CaseWorkerClient utrecht = new CaseWorkerClient(http, "GM0344");
        String person = utrecht.candidate(publisher);
        String candidate = pseudonyms.pseudonymOf(PseudonymDomain.EMPLOYER, person);
        Awaitility.await("the candidate profile").atMost(DEADLINE).until(() ->
                !TopicContents.recordsWithKey(bootstrapServers, Topics.TRAJECTORY_CANDIDATE_PROFILES.name(), candidate).isEmpty());
        assertThat(TopicContents.recordsWithKey(bootstrapServers, TOPIC, candidate))
                .as("nothing before the agreement").isEmpty();

        publisher.publish(Topics.EMPLOYER_MATCH_EVENTS, candidate, agreed(candidate));
        Awaitility.await("the contact").atMost(DEADLINE).until(() ->
                !TopicContents.recordsWithKey(bootstrapServers, TOPIC, candidate).isEmpty());
        ConsumerRecord<byte[], byte[]> shared = TopicContents.recordsWithKey(bootstrapServers, TOPIC, candidate).getLast();
        String raw = new String(shared.value(), StandardCharsets.ISO_8859_1);
        assertThat(raw).doesNotContain("Rania", "Darwish", "Sanne", person);
        CandidateContact sealed = decode(shared.value());
        assertThat(PersonalTexts.unsealed(sealed)).isEmpty();
        CandidateContact opened = texts.openAll(sealed);
        assertThat(opened.getName()).isEqualTo("Rania Darwish");
        assertThat(opened.getContactPerson()).isEqualTo("Sanne de Vries");
        assertThat(opened.getMunicipalityCode()).isEqualTo("GM0344");
        assertThat(keys.existingKeyFor(candidate)).as("a key of the pseudonym's own").isPresent();

        consent(person, ConsentDecision.WITHDRAWN);
        Awaitility.await("the contact tombstoned and its key forgotten").atMost(DEADLINE).untilAsserted(() -> {
            List<ConsumerRecord<byte[], byte[]>> records = TopicContents.recordsWithKey(bootstrapServers, TOPIC, candidate);
            assertThat(records.getLast().value()).isNull();
            assertThat(keys.existingKeyFor(candidate)).isEmpty();
        });
        assertThat(texts.openAll(sealed).getName()).as("the copy read before no longer opens").isEmpty();
    }

    private void consent(String person, ConsentDecision decision) {
        CaseWorkerClient.publish(publisher, PersonEvents.event(person, Instant.now(),
                new ConsentRecorded(ConsentPurpose.EMPLOYER_PROFILE_SHARING, decision, LocalDate.now())));
    }

    private static MatchEvent agreed(String candidate) {
        return MatchEvent.newBuilder().setEventId(UUID.randomUUID().toString()).setCandidatePseudonym(candidate)
                .setOccurredAt(Instant.now()).setRecordVersion(2)
                .setRecordedBy(new RecordedBy("case-worker", "GM0344", "sanne", "Sanne de Vries"))
                .setPlacementId(UUID.randomUUID().toString()).setPayload(new IntroductionAgreed()).build();
    }

    private CandidateContact decode(byte[] value) {
        try (var deserializer = new AvroKafkaDeserializer<CandidateContact>()) {
            deserializer.configure(kafkaProperties.buildConsumerProperties(), false);
            return deserializer.deserialize(TOPIC, value);
        }
    }
}
