package nl.doorstroom.intake.earlyintake;

import java.util.List;

import org.springframework.stereotype.Component;

import nl.doorstroom.intake.record.IntakeRecord;
import nl.doorstroom.intake.record.RecordChanges;
import nl.doorstroom.platform.audit.ProcessingActivity;
import nl.doorstroom.platform.audit.ProcessingLog;

/** Recording a person's early intake, for the API and the pages alike. */
@Component
public class EarlyIntakes {

    static final ProcessingActivity EARLY_INTAKE = ProcessingActivity.of("intake-vroege-intake");

    private final RecordChanges changes;
    private final ProcessingLog processingLog;

    EarlyIntakes(RecordChanges changes, ProcessingLog processingLog) {
        this.changes = changes;
        this.processingLog = processingLog;
    }

    /** Replaces the early intake as a whole, as a new version based on {@code intake.version()}. */
    public EarlyIntake record(String personId, String idempotencyKey, EarlyIntake intake) {
        return processingLog.record(EARLY_INTAKE, "intake.record-early-intake", List.of(personId), () -> {
            IntakeRecord record = changes.applyToVisible(personId, "early-intake", intake.version(), idempotencyKey, intake,
                    current -> List.of(EarlyIntakeEvents.toEvent(intake)));
            return EarlyIntakeEvents.fromEvent(record.version(), record.earlyIntake().orElseThrow());
        });
    }
}
