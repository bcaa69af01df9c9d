package nl.doorstroom.trajectory.plan;

import java.util.List;

import org.springframework.stereotype.Service;

import nl.doorstroom.platform.write.FieldProblemsException;
import nl.doorstroom.schemas.trajectory.LearnabilityTestOutcome;
import nl.doorstroom.schemas.trajectory.PlanAdopted;
import nl.doorstroom.trajectory.record.TrajectoryChanges;
import nl.doorstroom.trajectory.record.TrajectoryRecords;
import nl.doorstroom.trajectory.record.TrajectoryRules.Step;
import nl.doorstroom.trajectory.record.TrajectoryView;

/** The PIP, adopted and read, for the API and the pages alike: scope, processing log and the change, once. */
@Service
public class Plans {

    private final TrajectoryChanges changes;
    private final TrajectoryRecords records;

    Plans(TrajectoryChanges changes, TrajectoryRecords records) {
        this.changes = changes;
        this.records = records;
    }

    /** Adopts the PIP; a route the leerbaarheidstoets does not allow needs a reason. */
    public TrajectoryView adopt(String municipalityCode, String personId, String idempotencyKey, PlanAdoption adoption) {
        return changes.apply(municipalityCode, personId, Step.ADOPT_PLAN, adoption.version(), idempotencyKey, adoption,
                current -> {
                    LearnabilityTestOutcome test = current.bredeIntake().orElseThrow().getLearnabilityTestOutcome();
                    FieldProblemsException.rejectIfAny(LearningRoutes.problems(test, adoption.learningRoute(),
                            adoption.deviationReason()));
                    return List.of(PlanAdopted.newBuilder()
                            .setLearningRoute(adoption.learningRoute())
                            .setAdoptedOn(adoption.adoptedOn())
                            .setDeviationReason(blankToNull(adoption.deviationReason()))
                            .build());
                }).view();
    }

    /** The plan with its activities side by side, overlaps and hours beyond the availability. */
    public PlanView plan(String municipalityCode, String personId) {
        return records.read("trajectory.read-plan", municipalityCode, personId,
                visible -> PlanView.of(visible.record(), visible.availableHoursPerWeek()));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
