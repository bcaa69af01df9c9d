package nl.doorstroom.trajectory.acceptance;

import java.util.List;

import org.springframework.stereotype.Service;

import nl.doorstroom.platform.security.CurrentUser;
import nl.doorstroom.schemas.trajectory.HandoverAccepted;
import nl.doorstroom.trajectory.record.TrajectoryChanges;
import nl.doorstroom.trajectory.record.TrajectoryRules.Step;
import nl.doorstroom.trajectory.record.TrajectoryView;

/** Accepting the warm handover, for the API and the pages alike: scope, processing log and the change, once. */
@Service
public class Acceptances {

    private final TrajectoryChanges changes;

    Acceptances(TrajectoryChanges changes) {
        this.changes = changes;
    }

    /** Starts or re-assigns the trajectory: to the colleague named, or to the caller. */
    public TrajectoryView accept(String municipalityCode, String personId, String idempotencyKey, HandoverAcceptance acceptance) {
        String assignee = acceptance.caseWorkerAccountId() != null ? acceptance.caseWorkerAccountId()
                : CurrentUser.accountId().orElseThrow();
        return changes.apply(municipalityCode, personId, Step.ACCEPT_HANDOVER, acceptance.version(), idempotencyKey,
                acceptance, current -> List.of(new HandoverAccepted(assignee))).view();
    }
}
