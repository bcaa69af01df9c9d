package nl.doorstroom.trajectory.milestones;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;

import nl.doorstroom.platform.web.NotFoundException;
import nl.doorstroom.platform.write.FieldProblemsException;
import nl.doorstroom.schemas.trajectory.MilestoneReached;
import nl.doorstroom.trajectory.record.TrajectoryChanges;
import nl.doorstroom.trajectory.record.TrajectoryRecords;
import nl.doorstroom.trajectory.record.TrajectoryRules.Step;
import nl.doorstroom.trajectory.record.TrajectoryView;

/** Milestones (mijlpalen), recorded and read, for the API and the pages alike: scope, log and change, once. */
@Service
public class Milestones {

    private final TrajectoryChanges changes;
    private final TrajectoryRecords records;

    Milestones(TrajectoryChanges changes, TrajectoryRecords records) {
        this.changes = changes;
        this.records = records;
    }

    /** The trajectory after a new milestone, and the milestone's id. */
    public record Recorded(TrajectoryView trajectory, String milestoneId) {
    }

    public Recorded record(String municipalityCode, String personId, String idempotencyKey, MilestoneInput milestone) {
        TrajectoryChanges.Outcome outcome = changes.apply(municipalityCode, personId, Step.REACH_MILESTONE,
                milestone.version(), idempotencyKey, milestone, current -> {
                    FieldProblemsException.rejectIfAny(
                            MilestoneRules.problems(milestone.kind(), milestone.skill(), milestone.level()));
                    return List.of(milestone.toEvent(UUID.randomUUID().toString()));
                });
        return new Recorded(outcome.view(), outcome.first(MilestoneReached.class).getMilestoneId());
    }

    public TrajectoryView.Milestone milestone(String municipalityCode, String personId, String milestoneId) {
        return records.read("trajectory.read-milestone", municipalityCode, personId,
                visible -> visible.record().milestones().stream().filter(m -> m.getMilestoneId().equals(milestoneId))
                        .findFirst().map(TrajectoryView.Milestone::of)
                        .orElseThrow(() -> new NotFoundException("milestone")));
    }
}
