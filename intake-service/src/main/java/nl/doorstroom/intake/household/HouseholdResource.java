package nl.doorstroom.intake.household;

import java.util.List;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import nl.doorstroom.intake.record.IntakeRecord;
import nl.doorstroom.intake.record.PersonRecords;
import nl.doorstroom.intake.record.RecordChanges;
import nl.doorstroom.intake.validation.IdempotencyKey;
import nl.doorstroom.platform.audit.ProcessingActivity;
import nl.doorstroom.platform.audit.ProcessingLog;

@RestController
@Tag(name = "Household", description = "Partner, children and expected family members (nareizigers)")
public class HouseholdResource {

    static final ProcessingActivity HOUSEHOLD = ProcessingActivity.of("intake-huishouden");

    private final RecordChanges changes;
    private final PersonRecords persons;
    private final ProcessingLog processingLog;

    HouseholdResource(RecordChanges changes, PersonRecords persons, ProcessingLog processingLog) {
        this.changes = changes;
        this.persons = persons;
        this.processingLog = processingLog;
    }

    @PutMapping(path = "/api/v1/persons/{personId}/household", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record or correct the household of a person",
            description = "Replaces the household as a whole (a new version of the record). A new expected family member "
                    + "gets a memberId; keep it in later versions so that the nareiziger's arrival stays linked to it.")
    @PreAuthorize("hasRole('azc-staff')")
    public Household record(@PathVariable UUID personId,
                            @RequestHeader(name = IdempotencyKey.HEADER, required = false) @IdempotencyKey String idempotencyKey,
                            @Valid @RequestBody Household household) {
        String id = personId.toString();
        return processingLog.record(HOUSEHOLD, "intake.record-household", List.of(id), () -> {
            IntakeRecord record = changes.applyToVisible(id, "household", household.version(), idempotencyKey, household,
                    current -> List.of(household.toEvent()));
            return Household.of(record.version(), record.household().orElseThrow(), persons.arrivalsOf(id));
        });
    }
}
