package nl.doorstroom.trajectory.acceptance;

import java.util.List;

import org.springframework.stereotype.Service;

import nl.doorstroom.platform.audit.ProcessingLog;
import nl.doorstroom.platform.security.CurrentUser;
import nl.doorstroom.schemas.trajectory.HandoverAccepted;
import nl.doorstroom.trajectory.record.TrajectoryChanges;
import nl.doorstroom.trajectory.record.TrajectoryRecords;
import nl.doorstroom.trajectory.record.TrajectoryResource;
import nl.doorstroom.trajectory.record.TrajectoryRules.Step;
import nl.doorstroom.trajectory.record.TrajectoryView;

/** Accepting the warm handover, for the API and the pages alike: scope, processing log and the change, once. */
@Service
public class Acceptances {

    private final TrajectoryChanges changes;
    private final TrajectoryRecords records;
    private final ProcessingLog processingLog;

    Acceptances(TrajectoryChanges changes, TrajectoryRecords records, ProcessingLog processingLog) {
        this.changes = changes;
        this.records = records;
        this.processingLog = processingLog;
    }

    /** Starts or re-assigns the trajectory: to the colleague named, or to the caller. */
    public TrajectoryView accept(String municipalityCode, String personId, String idempotencyKey, HandoverAcceptance acceptance) {
        records.requireVisible(municipalityCode, personId);
        String assignee = acceptance.caseWorkerAccountId() != null ? acceptance.caseWorkerAccountId()
                : CurrentUser.accountId().orElseThrow();
        return processingLog.record(TrajectoryResource.TRAJECTORY, "trajectory.accept-handover", List.of(personId),
                () -> TrajectoryView.of(changes.apply(municipalityCode, personId, Step.ACCEPT_HANDOVER,
                        acceptance.version(), idempotencyKey, acceptance,
                        current -> List.of(new HandoverAccepted(assignee))).record(), municipalityCode));
    }
}
