package nl.doorstroom.trajectory.activities;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;

import nl.doorstroom.platform.web.NotFoundException;
import nl.doorstroom.platform.write.FieldProblemsException;
import nl.doorstroom.schemas.trajectory.ActivityChanged;
import nl.doorstroom.schemas.trajectory.ActivityPlanned;
import nl.doorstroom.trajectory.record.TrajectoryChanges;
import nl.doorstroom.trajectory.record.TrajectoryRecords;
import nl.doorstroom.trajectory.record.TrajectoryRules.Step;
import nl.doorstroom.trajectory.record.TrajectoryView;

/** The plan's activities, planned, changed and read, for the API and the pages alike: scope, log and change, once. */
@Service
public class Activities {

    private final TrajectoryChanges changes;
    private final TrajectoryRecords records;

    Activities(TrajectoryChanges changes, TrajectoryRecords records) {
        this.changes = changes;
        this.records = records;
    }

    /** The trajectory after a new activity, and the activity's id. */
    public record Planned(TrajectoryView trajectory, String activityId) {
    }

    public Planned plan(String municipalityCode, String personId, String idempotencyKey, ActivityInput activity) {
        TrajectoryChanges.Outcome outcome = changes.apply(municipalityCode, personId, Step.PLAN_ACTIVITY,
                activity.version(), idempotencyKey, activity, current -> {
                    FieldProblemsException.rejectIfAny(ActivityRules.problems(activity));
                    return List.of(new ActivityPlanned(activity.toActivity(UUID.randomUUID().toString())));
                });
        return new Planned(outcome.view(), outcome.first(ActivityPlanned.class).getActivity().getActivityId());
    }

    /** Replaces the activity as a whole; its kind stays. */
    public TrajectoryView change(String municipalityCode, String personId, String activityId, String idempotencyKey,
                                 ActivityInput activity) {
        return changes.apply(municipalityCode, personId, Step.CHANGE_ACTIVITY, activity.version(), idempotencyKey,
                new Change(activityId, activity), current -> {
                    var existing = current.activity(activityId).orElseThrow(() -> new NotFoundException("activity"));
                    FieldProblemsException.rejectIfAny(ActivityRules.problems(activity));
                    FieldProblemsException.rejectIfAny(ActivityRules.changeProblems(existing.getKind(), activity.kind()));
                    return List.of(new ActivityChanged(activity.toActivity(activityId)));
                }).view();
    }

    public TrajectoryView.ActivityView activity(String municipalityCode, String personId, String activityId) {
        return records.read("trajectory.read-activity", municipalityCode, personId,
                visible -> visible.record().activity(activityId).map(TrajectoryView.ActivityView::of)
                        .orElseThrow(() -> new NotFoundException("activity")));
    }

    /** The digest of a change covers which activity it changes, so one key cannot change two activities. */
    record Change(String activityId, ActivityInput activity) {
    }
}
