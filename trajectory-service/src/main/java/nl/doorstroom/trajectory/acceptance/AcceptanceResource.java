package nl.doorstroom.trajectory.acceptance;

import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import nl.doorstroom.platform.write.IdempotencyKey;
import nl.doorstroom.trajectory.handover.MunicipalityCodes;
import nl.doorstroom.trajectory.record.TrajectoryResource;
import nl.doorstroom.trajectory.record.TrajectoryView;

@RestController
@PreAuthorize("hasRole('case-worker')")
@Tag(name = "acceptance", description = "Acceptance of the warm handover and assignment to a case worker")
class AcceptanceResource {

    private final Acceptances acceptances;

    AcceptanceResource(Acceptances acceptances) {
        this.acceptances = acceptances;
    }

    @ApiResponse(responseCode = "200", description = "The trajectory after the change (or, for a repeated Idempotency-Key, as it is)")
    @ApiResponse(responseCode = "409", description = "Based on an older version (currentVersion says which is current), "
            + "or not allowed in the trajectory's state (closed, handover not accepted, no brede intake yet); nothing saved",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "422", description = "The Idempotency-Key was used before for another request",
            content = @Content(mediaType = "application/problem+json"))
    @PutMapping(path = TrajectoryResource.PATH + "/acceptance", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Accept the handover and assign the trajectory",
            description = "Starts the trajectory (version 0 → 1), assigned to the caller or to the colleague named in "
                    + "caseWorkerAccountId; accepting again re-assigns it. Send an Idempotency-Key to make a retry safe.")
    public TrajectoryView accept(
            @Parameter(description = "CBS municipality code, GM followed by four digits", example = "GM0344")
            @PathVariable @Pattern(regexp = MunicipalityCodes.PATTERN) String municipalityCode,
            @Parameter(description = "Random id of the person") @PathVariable @Pattern(regexp = TrajectoryResource.UUID_PATTERN) String personId,
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) @IdempotencyKey String idempotencyKey,
            @Valid @RequestBody HandoverAcceptance acceptance) {
        return acceptances.accept(municipalityCode, personId, idempotencyKey, acceptance);
    }
}
