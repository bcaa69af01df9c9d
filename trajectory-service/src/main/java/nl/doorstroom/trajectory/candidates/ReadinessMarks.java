package nl.doorstroom.trajectory.candidates;

import java.util.List;

import org.springframework.stereotype.Service;

import nl.doorstroom.schemas.trajectory.PlacementReadinessChanged;
import nl.doorstroom.trajectory.record.TrajectoryChanges;
import nl.doorstroom.trajectory.record.TrajectoryRules.Step;
import nl.doorstroom.trajectory.record.TrajectoryView;

/**
 * The mark "ready for placements" (klaar voor plaatsing), set or taken away, for the API and the pages alike: scope,
 * processing log and the change, once.
 */
@Service
public class ReadinessMarks {

    private final TrajectoryChanges changes;

    ReadinessMarks(TrajectoryChanges changes) {
        this.changes = changes;
    }

    public TrajectoryView change(String municipalityCode, String personId, String idempotencyKey, PlacementReadiness readiness) {
        return changes.apply(municipalityCode, personId, Step.CHANGE_PLACEMENT_READINESS, readiness.version(),
                idempotencyKey, readiness, current -> List.of(new PlacementReadinessChanged(readiness.ready()))).view();
    }
}
