package nl.doorstroom.intake.earlyintake;

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
import nl.doorstroom.platform.write.IdempotencyKey;

@RestController
@Tag(name = "Early intake", description = "Education, work experience, languages, wishes and availability, recorded in the AZC")
public class EarlyIntakeResource {

    private final EarlyIntakes intakes;

    EarlyIntakeResource(EarlyIntakes intakes) {
        this.intakes = intakes;
    }

    @PutMapping(path = "/api/v1/persons/{personId}/early-intake", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record or correct the early intake of a person",
            description = "Replaces the early intake as a whole and makes a new version of the record. `version` must be "
                    + "the record's current version (409 with currentVersion otherwise), so that two staff members never "
                    + "overwrite each other's work unseen.")
    @PreAuthorize("hasRole('azc-staff')")
    public EarlyIntake record(@PathVariable UUID personId,
                              @RequestHeader(name = IdempotencyKey.HEADER, required = false) @IdempotencyKey String idempotencyKey,
                              @Valid @RequestBody EarlyIntake intake) {
        return intakes.record(personId.toString(), idempotencyKey, intake);
    }
}
