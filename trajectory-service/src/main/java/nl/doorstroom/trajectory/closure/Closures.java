package nl.doorstroom.trajectory.closure;

import java.util.List;

import org.springframework.stereotype.Service;

import nl.doorstroom.platform.audit.ProcessingLog;
import nl.doorstroom.trajectory.record.TrajectoryChanges;
import nl.doorstroom.trajectory.record.TrajectoryRecords;
import nl.doorstroom.trajectory.record.TrajectoryResource;
import nl.doorstroom.trajectory.record.TrajectoryRules.Step;
import nl.doorstroom.trajectory.record.TrajectoryView;

/** Closing a trajectory (afsluiting), for the API and the pages alike: scope, processing log and the change, once. */
@Service
public class Closures {

    private final TrajectoryChanges changes;
    private final TrajectoryRecords records;
    private final ProcessingLog processingLog;

    Closures(TrajectoryChanges changes, TrajectoryRecords records, ProcessingLog processingLog) {
        this.changes = changes;
        this.records = records;
        this.processingLog = processingLog;
    }

    public TrajectoryView close(String municipalityCode, String personId, String idempotencyKey, Closure closure) {
        records.requireVisible(municipalityCode, personId);
        return processingLog.record(TrajectoryResource.TRAJECTORY, "trajectory.close-trajectory", List.of(personId),
                () -> TrajectoryView.of(changes.apply(municipalityCode, personId, Step.CLOSE, closure.version(),
                        idempotencyKey, closure, current -> List.of(closure.toEvent())).record(), municipalityCode));
    }
}
