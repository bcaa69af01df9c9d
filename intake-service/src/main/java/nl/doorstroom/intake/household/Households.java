package nl.doorstroom.intake.household;

import java.util.List;

import org.springframework.stereotype.Component;

import nl.doorstroom.intake.record.IntakeRecord;
import nl.doorstroom.intake.record.PersonRecords;
import nl.doorstroom.intake.record.RecordChanges;
import nl.doorstroom.platform.audit.ProcessingActivity;
import nl.doorstroom.platform.audit.ProcessingLog;

/** Recording a person's household, for the API and the pages alike. */
@Component
public class Households {

    static final ProcessingActivity HOUSEHOLD = ProcessingActivity.of("intake-huishouden");

    private final RecordChanges changes;
    private final PersonRecords persons;
    private final ProcessingLog processingLog;

    Households(RecordChanges changes, PersonRecords persons, ProcessingLog processingLog) {
        this.changes = changes;
        this.persons = persons;
        this.processingLog = processingLog;
    }

    /** Replaces the household as a whole, as a new version based on {@code household.version()}. */
    public Household record(String personId, String idempotencyKey, Household household) {
        return processingLog.record(HOUSEHOLD, "intake.record-household", List.of(personId), () -> {
            IntakeRecord record = changes.applyToVisible(personId, "household", household.version(), idempotencyKey, household,
                    current -> List.of(household.toEvent()));
            return Household.of(record.version(), record.household().orElseThrow(), persons.arrivalsOf(record));
        });
    }
}
