package nl.doorstroom.trajectory.placements;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import nl.doorstroom.schemas.employer.MatchEvent;
import nl.doorstroom.schemas.employer.PlacementEnded;
import nl.doorstroom.schemas.employer.PlacementKind;
import nl.doorstroom.schemas.employer.PlacementStarted;
import nl.doorstroom.schemas.trajectory.Activity;
import nl.doorstroom.schemas.trajectory.ActivityChanged;
import nl.doorstroom.schemas.trajectory.ActivityKind;
import nl.doorstroom.schemas.trajectory.ActivityPlanned;
import nl.doorstroom.schemas.trajectory.RecordedBy;
import nl.doorstroom.trajectory.candidates.CandidatePseudonyms;
import nl.doorstroom.trajectory.record.TrajectoryChanges;
import nl.doorstroom.trajectory.record.TrajectoryRecord;

/**
 * Follows {@code employer.match-events} (its own consumer group): a placement that started appears in the person's
 * trajectory as a running activity, beside the language course, so its hours count in the dual-trajectory check; a
 * placement that ended gets its actual end. The activity's id is derived from the placement and the candidate, so the
 * end finds the start.
 */
@Component
class PlacementActivities {

    private final CandidatePseudonyms pseudonyms;
    private final TrajectoryChanges changes;

    PlacementActivities(CandidatePseudonyms pseudonyms, TrajectoryChanges changes) {
        this.pseudonyms = pseudonyms;
        this.changes = changes;
    }

    @KafkaListener(id = "trajectory-placements", groupId = "${spring.application.name}-placements",
            topics = "#{T(nl.doorstroom.schemas.Topics).EMPLOYER_MATCH_EVENTS.name()}")
    void on(MatchEvent event) {
        if (!(event.getPayload() instanceof PlacementStarted) && !(event.getPayload() instanceof PlacementEnded)) {
            return;
        }
        pseudonyms.personOf(event.getCandidatePseudonym()).ifPresent(personId -> {
            String activityId = activityId(event.getPlacementId(), event.getCandidatePseudonym());
            var by = event.getRecordedBy();
            RecordedBy recordedBy = new RecordedBy(by.getRole(), by.getOrganisation(), by.getAccountId(), by.getDisplayName());
            changes.recordForEmployer(personId, event.getEventId(), recordedBy, trajectory -> switch (event.getPayload()) {
                case PlacementStarted started -> Optional.of(new ActivityPlanned(Activity.newBuilder()
                        .setActivityId(activityId).setKind(kindOf(started.getKind()))
                        .setPlannedStart(started.getStartDate()).setActualStart(started.getStartDate())
                        .setHoursPerWeek(started.getHoursPerWeek()).setProvider(started.getEmployerName()).build()));
                case PlacementEnded ended -> running(trajectory, activityId).map(activity -> new ActivityChanged(
                        Activity.newBuilder(activity).setActualEnd(ended.getEndDate()).build()));
                default -> Optional.empty();
            });
        });
    }

    private static Optional<Activity> running(TrajectoryRecord trajectory, String activityId) {
        return trajectory.activities().stream().filter(a -> a.getActivityId().equals(activityId)).findFirst();
    }

    /** A work-learning place (leerwerkplek) is work first here: its hours are spent at the employer. */
    static ActivityKind kindOf(PlacementKind kind) {
        return switch (kind) {
            case PAID_JOB -> ActivityKind.PAID_WORK;
            case INTERNSHIP -> ActivityKind.INTERNSHIP;
            case VOLUNTEERING -> ActivityKind.VOLUNTEERING;
            case WORK_EXPERIENCE_PLACE, LEARN_WORK_PLACE, UNKNOWN -> ActivityKind.WORK_EXPERIENCE_PLACE;
        };
    }

    static String activityId(String placementId, String pseudonym) {
        return UUID.nameUUIDFromBytes(("placement\n" + placementId + "\n" + pseudonym).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
