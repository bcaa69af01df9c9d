package nl.doorstroom.employer.introductions;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import nl.doorstroom.schemas.employer.CandidateWithdrawn;
import nl.doorstroom.schemas.employer.IntroductionStatus;
import nl.doorstroom.schemas.trajectory.CandidateProfile;

/**
 * Follows withdrawn profiles on {@code trajectory.candidate-profiles} (its own consumer group, so it sees every
 * tombstone): a candidate who withdrew consent, is no longer ready, or was erased stops every introduction that has
 * not started ({@link CandidateWithdrawn}). The record's offset is the Idempotency-Key, so a redelivered tombstone
 * is applied once. The employer's view loses the profile with the tombstone itself, and the name as soon as trajectory
 * forgets the key that seals it ({@link nl.doorstroom.employer.candidates.CandidateContacts}).
 */
@Component
class CandidateWithdrawals {

    private final IntroductionChanges changes;

    CandidateWithdrawals(IntroductionChanges changes) {
        this.changes = changes;
    }

    @KafkaListener(id = "candidate-withdrawals", groupId = "${spring.application.name}-candidate-withdrawals",
            topics = "#{T(nl.doorstroom.schemas.Topics).TRAJECTORY_CANDIDATE_PROFILES.name()}")
    void on(ConsumerRecord<String, CandidateProfile> record) {
        if (record.key() == null || record.value() != null) {
            return;
        }
        boolean goingOn = changes.current(record.key()).introductions().stream().anyMatch(i ->
                IntroductionRules.OPEN.contains(i.getStatus()) && i.getStatus() != IntroductionStatus.STARTED);
        if (goingOn) {
            changes.applyForPlatform(record.key(), "withdrawn-%s-%d-%d".formatted(record.topic(), record.partition(),
                    record.offset()), new CandidateWithdrawn());
        }
    }
}
