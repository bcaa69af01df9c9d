package nl.doorstroom.intake.consent;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import nl.doorstroom.intake.record.IntakeRecord;
import nl.doorstroom.intake.record.RecordChanges;
import nl.doorstroom.intake.validation.IdempotencyKey;
import nl.doorstroom.platform.audit.ProcessingActivity;
import nl.doorstroom.platform.audit.ProcessingLog;
import nl.doorstroom.schemas.intake.ConsentPurpose;
import nl.doorstroom.schemas.intake.ConsentRecorded;
import nl.doorstroom.schemas.intake.PersonEvent;

@RestController
@Tag(name = "Consent", description = "Consent per purpose (toestemming), given or withdrawn, with date and who recorded it")
public class ConsentResource {

    static final ProcessingActivity CONSENT = ProcessingActivity.of("intake-toestemming");

    private final RecordChanges changes;
    private final ProcessingLog processingLog;

    ConsentResource(RecordChanges changes, ProcessingLog processingLog) {
        this.changes = changes;
        this.processingLog = processingLog;
    }

    /** A consent decision as recorded: by which role and organisation, and when. */
    public record RecordedConsent(String purpose, String decision, LocalDate decidedOn, Instant recordedAt,
                                  String recordedByRole, String recordedByOrganisation) {

        public static RecordedConsent of(PersonEvent event) {
            ConsentRecorded consent = (ConsentRecorded) event.getPayload();
            return new RecordedConsent(consent.getPurpose().name(), consent.getDecision().name(), consent.getDecidedOn(),
                    event.getOccurredAt(), event.getRecordedBy() == null ? null : event.getRecordedBy().getRole(),
                    event.getRecordedBy() == null ? null : event.getRecordedBy().getOrganisation());
        }
    }

    @PostMapping(path = "/api/v1/persons/{personId}/consents", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record a consent decision",
            description = "Records that the person gave or withdrew consent for one purpose. Send an Idempotency-Key to "
                    + "make a retry safe.")
    @PreAuthorize("hasRole('azc-staff')")
    public ResponseEntity<RecordedConsent> record(@PathVariable UUID personId,
                                                  @RequestHeader(name = IdempotencyKey.HEADER, required = false) @IdempotencyKey String idempotencyKey,
                                                  @Valid @RequestBody ConsentDecision decision) {
        String id = personId.toString();
        RecordedConsent recorded = processingLog.record(CONSENT, "intake.record-consent", List.of(id), () -> {
            ConsentPurpose purpose = ConsentPurpose.valueOf(decision.purpose().name());
            IntakeRecord record = changes.applyToVisible(id, "consent", decision.version(), idempotencyKey, decision,
                    current -> List.of(new ConsentRecorded(purpose,
                            nl.doorstroom.schemas.intake.ConsentDecision.valueOf(decision.decision().name()),
                            decision.decidedOn())));
            return RecordedConsent.of(record.consent(purpose).orElseThrow());
        });
        return ResponseEntity.created(URI.create("/api/v1/persons/" + id)).body(recorded);
    }
}
