package nl.doorstroom.trajectory.erasure;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import nl.doorstroom.platform.privacy.SubjectKeys;
import nl.doorstroom.schemas.intake.PersonErased;
import nl.doorstroom.schemas.intake.PersonEvent;
import nl.doorstroom.schemas.trajectory.RecordedBy;
import nl.doorstroom.trajectory.record.TrajectoryChanges;

/**
 * Follows erasures on {@code intake.person-events} (its own consumer group, so it sees every one): the person's
 * trajectory is dropped ({@link TrajectoryChanges#erase}) and their key forgotten. Intake forgot the key already; doing
 * it again here closes the gap in which a change recorded at the municipality, just before the dossier was dropped,
 * sealed its text with a key made anew. The handover dossier drops itself in the handover topology.
 */
@Component
class TrajectoryErasures {

    private final TrajectoryChanges changes;
    private final SubjectKeys keys;

    TrajectoryErasures(TrajectoryChanges changes, SubjectKeys keys) {
        this.changes = changes;
        this.keys = keys;
    }

    @KafkaListener(id = "trajectory-erasures", groupId = "${spring.application.name}-erasures",
            containerFactory = ErasureListeners.FACTORY,
            topics = "#{T(nl.doorstroom.schemas.Topics).INTAKE_PERSON_EVENTS.name()}")
    void on(PersonEvent event) {
        if (!(event.getPayload() instanceof PersonErased)) {
            return;
        }
        var by = event.getRecordedBy();
        RecordedBy erasedBy = by == null ? new RecordedBy("platform-operator", null, null, null)
                : new RecordedBy(by.getRole(), by.getOrganisation(), by.getAccountId(), by.getDisplayName());
        changes.erase(event.getPersonId(), event.getEventId(), erasedBy);
        if (keys.existingKeyFor(event.getPersonId()).isPresent()) {
            keys.forget(event.getPersonId());
        }
    }
}
