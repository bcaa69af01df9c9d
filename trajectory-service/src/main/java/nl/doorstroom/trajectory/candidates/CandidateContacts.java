package nl.doorstroom.trajectory.candidates;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import nl.doorstroom.platform.audit.ProcessingActivity;
import nl.doorstroom.platform.audit.ProcessingLog;
import nl.doorstroom.platform.kafka.EventPublisher;
import nl.doorstroom.platform.privacy.PersonIdentities;
import nl.doorstroom.platform.privacy.PersonalTexts;
import nl.doorstroom.platform.privacy.SubjectKeys;
import nl.doorstroom.schemas.Topics;
import nl.doorstroom.schemas.employer.IntroductionAgreed;
import nl.doorstroom.schemas.employer.MatchEvent;
import nl.doorstroom.schemas.intake.PersonIdentity;
import nl.doorstroom.schemas.trajectory.CandidateContact;
import nl.doorstroom.schemas.trajectory.CandidateProfile;
import nl.doorstroom.trajectory.handover.Handovers;

/**
 * The candidate's name and the case worker to contact reach the employer only after the candidate agreed to an
 * introduction (recorded by their case worker on {@code employer.match-events}): then this publishes them on
 * {@code trajectory.candidate-contacts}, under the candidate pseudonym and sealed with a key of the pseudonym's own.
 * When the profile is withdrawn (consent withdrawn, no longer ready, trajectory closed, person erased: a tombstone on
 * {@code trajectory.candidate-profiles}) that key is forgotten, so every copy of the name, in employer-service's store
 * and its changelog included, is unreadable at once, and a tombstone removes the record. Both listeners have their
 * own consumer group and are idempotent: publishing the same contact again, or forgetting a key twice, changes nothing.
 */
@Component
class CandidateContacts {

    /** Bemiddeling naar werk: sharing a candidate's contact details with an employer, with their agreement. */
    static final ProcessingActivity JOB_MEDIATION = ProcessingActivity.of("bemiddeling-werk");

    private final CandidatePseudonyms pseudonyms;
    private final Handovers handovers;
    private final PersonIdentities identities;
    private final PersonalTexts texts;
    private final SubjectKeys keys;
    private final EventPublisher publisher;
    private final ProcessingLog processingLog;

    CandidateContacts(CandidatePseudonyms pseudonyms, Handovers handovers, PersonIdentities identities,
                      PersonalTexts texts, SubjectKeys keys, EventPublisher publisher, ProcessingLog processingLog) {
        this.pseudonyms = pseudonyms;
        this.handovers = handovers;
        this.identities = identities;
        this.texts = texts;
        this.keys = keys;
        this.publisher = publisher;
        this.processingLog = processingLog;
    }

    @KafkaListener(id = "trajectory-candidate-contacts", groupId = "${spring.application.name}-candidate-contacts",
            topics = "#{T(nl.doorstroom.schemas.Topics).EMPLOYER_MATCH_EVENTS.name()}")
    void onAgreement(MatchEvent event) {
        if (!(event.getPayload() instanceof IntroductionAgreed)) {
            return;
        }
        String pseudonym = event.getCandidatePseudonym();
        String municipalityCode = event.getRecordedBy().getOrganisation();
        // only a current candidate of the municipality that recorded the agreement: a withdrawal may have overtaken it
        pseudonyms.personOf(pseudonym).filter(pseudonyms::isCandidate)
                .flatMap(personId -> handovers.dossier(municipalityCode, personId))
                .filter(dossier -> dossier.getRegistration() != null)
                .ifPresent(dossier -> processingLog.record(JOB_MEDIATION, "trajectory.share-candidate-contact",
                        List.of(dossier.getPersonId()), () -> identities.open(dossier.getPersonId(), dossier.getRegistration())
                                .map(identity -> publisher.publish(Topics.TRAJECTORY_CANDIDATE_CONTACTS, pseudonym,
                                        texts.sealAll(new CandidateContact(pseudonym, nameOf(identity),
                                                contactPersonOf(event), municipalityCode))))
                                .orElse(null)));
    }

    @KafkaListener(id = "trajectory-candidate-contacts-withdrawn",
            groupId = "${spring.application.name}-candidate-contacts-withdrawn",
            topics = "#{T(nl.doorstroom.schemas.Topics).TRAJECTORY_CANDIDATE_PROFILES.name()}")
    void onWithdrawal(ConsumerRecord<String, CandidateProfile> record) {
        // a key exists only once a contact was shared: sealing it created the key
        if (record.key() == null || record.value() != null || keys.existingKeyFor(record.key()).isEmpty()) {
            return;
        }
        // the tombstone first: if forgetting fails, the retry still finds the key and does both again
        publisher.publish(Topics.TRAJECTORY_CANDIDATE_CONTACTS, record.key(), null);
        keys.forget(record.key());
    }

    /** The case worker who recorded the agreement; their account id when the token carried no name. */
    private static String contactPersonOf(MatchEvent event) {
        var by = event.getRecordedBy();
        return by.getDisplayName() != null ? by.getDisplayName() : by.getAccountId();
    }

    private static String nameOf(PersonIdentity identity) {
        return (identity.getGivenNames() + " " + identity.getFamilyName()).strip();
    }
}
