package nl.doorstroom.trajectory.bredeintake;

import java.util.List;

import org.springframework.stereotype.Service;

import nl.doorstroom.platform.audit.ProcessingLog;
import nl.doorstroom.trajectory.record.TrajectoryChanges;
import nl.doorstroom.trajectory.record.TrajectoryRecords;
import nl.doorstroom.trajectory.record.TrajectoryResource;
import nl.doorstroom.trajectory.record.TrajectoryRules.Step;
import nl.doorstroom.trajectory.record.TrajectoryView;

/** Recording the brede intake, for the API and the pages alike: scope, processing log and the change, once. */
@Service
public class BredeIntakes {

    private final TrajectoryChanges changes;
    private final TrajectoryRecords records;
    private final ProcessingLog processingLog;

    BredeIntakes(TrajectoryChanges changes, TrajectoryRecords records, ProcessingLog processingLog) {
        this.changes = changes;
        this.records = records;
        this.processingLog = processingLog;
    }

    /** Records or replaces the brede intake as a whole. */
    public TrajectoryView record(String municipalityCode, String personId, String idempotencyKey, BredeIntake intake) {
        records.requireVisible(municipalityCode, personId);
        return processingLog.record(TrajectoryResource.TRAJECTORY, "trajectory.record-brede-intake", List.of(personId),
                () -> TrajectoryView.of(changes.apply(municipalityCode, personId, Step.RECORD_BREDE_INTAKE,
                        intake.version(), idempotencyKey, intake, current -> List.of(intake.toEvent())).record(),
                        municipalityCode));
    }
}
