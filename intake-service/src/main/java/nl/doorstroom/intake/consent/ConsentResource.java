package nl.doorstroom.intake.consent;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

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
import nl.doorstroom.platform.write.IdempotencyKey;
import nl.doorstroom.schemas.intake.ConsentRecorded;
import nl.doorstroom.schemas.intake.PersonEvent;

@RestController
@Tag(name = "Consent", description = "Consent per purpose (toestemming), given or withdrawn, with date and who recorded it")
public class ConsentResource {

    private final Consents consents;

    ConsentResource(Consents consents) {
        this.consents = consents;
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
        RecordedConsent recorded = consents.record(id, idempotencyKey, decision);
        return ResponseEntity.created(URI.create("/api/v1/persons/" + id)).body(recorded);
    }
}
