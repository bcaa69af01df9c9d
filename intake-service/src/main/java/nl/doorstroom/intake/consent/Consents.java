package nl.doorstroom.intake.consent;

import java.util.List;

import org.springframework.stereotype.Component;

import nl.doorstroom.intake.consent.ConsentResource.RecordedConsent;
import nl.doorstroom.intake.record.IntakeRecord;
import nl.doorstroom.intake.record.RecordChanges;
import nl.doorstroom.platform.audit.ProcessingActivity;
import nl.doorstroom.platform.audit.ProcessingLog;
import nl.doorstroom.schemas.intake.ConsentPurpose;
import nl.doorstroom.schemas.intake.ConsentRecorded;

/** Recording a consent decision, for the API and the pages alike. */
@Component
public class Consents {

    static final ProcessingActivity CONSENT = ProcessingActivity.of("intake-toestemming");

    private final RecordChanges changes;
    private final ProcessingLog processingLog;

    Consents(RecordChanges changes, ProcessingLog processingLog) {
        this.changes = changes;
        this.processingLog = processingLog;
    }

    public RecordedConsent record(String personId, String idempotencyKey, ConsentDecision decision) {
        return processingLog.record(CONSENT, "intake.record-consent", List.of(personId), () -> {
            ConsentPurpose purpose = ConsentPurpose.valueOf(decision.purpose().name());
            IntakeRecord record = changes.applyToVisible(personId, "consent", decision.version(), idempotencyKey, decision,
                    current -> List.of(new ConsentRecorded(purpose,
                            nl.doorstroom.schemas.intake.ConsentDecision.valueOf(decision.decision().name()),
                            decision.decidedOn())));
            return RecordedConsent.of(record.consent(purpose).orElseThrow());
        });
    }
}
