package nl.doorstroom.trajectory.bredeintake;

import java.util.List;

import org.springframework.stereotype.Service;

import nl.doorstroom.trajectory.record.TrajectoryChanges;
import nl.doorstroom.trajectory.record.TrajectoryRules.Step;
import nl.doorstroom.trajectory.record.TrajectoryView;

/** Recording the brede intake, for the API and the pages alike: scope, processing log and the change, once. */
@Service
public class BredeIntakes {

    private final TrajectoryChanges changes;

    BredeIntakes(TrajectoryChanges changes) {
        this.changes = changes;
    }

    public TrajectoryView record(String municipalityCode, String personId, String idempotencyKey, BredeIntake intake) {
        return changes.apply(municipalityCode, personId, Step.RECORD_BREDE_INTAKE, intake.version(), idempotencyKey,
                intake, current -> List.of(intake.toEvent())).view();
    }
}
