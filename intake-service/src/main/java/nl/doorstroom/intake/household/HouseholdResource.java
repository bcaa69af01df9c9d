package nl.doorstroom.intake.household;

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
@Tag(name = "Household", description = "Partner, children and expected family members (nareizigers)")
public class HouseholdResource {

    private final Households households;

    HouseholdResource(Households households) {
        this.households = households;
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
        return households.record(personId.toString(), idempotencyKey, household);
    }
}
