package nl.doorstroom.trajectory.closure;

import java.util.List;

import org.springframework.stereotype.Service;

import nl.doorstroom.trajectory.record.TrajectoryChanges;
import nl.doorstroom.trajectory.record.TrajectoryRules.Step;
import nl.doorstroom.trajectory.record.TrajectoryView;

/** Closing a trajectory (afsluiting), for the API and the pages alike: scope, processing log and the change, once. */
@Service
public class Closures {

    private final TrajectoryChanges changes;

    Closures(TrajectoryChanges changes) {
        this.changes = changes;
    }

    public TrajectoryView close(String municipalityCode, String personId, String idempotencyKey, Closure closure) {
        return changes.apply(municipalityCode, personId, Step.CLOSE, closure.version(), idempotencyKey, closure,
                current -> List.of(closure.toEvent())).view();
    }
}
