package nl.doorstroom.trajectory.plan;

import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
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
@Tag(name = "plan", description = "The PIP (persoonlijk plan inburgering en participatie): learning route, "
        + "activities side by side, integration term")
class PlanResource {

    private final Plans plans;

    PlanResource(Plans plans) {
        this.plans = plans;
    }

    @ApiResponse(responseCode = "200", description = "The trajectory after the change (or, for a repeated Idempotency-Key, as it is)")
    @ApiResponse(responseCode = "409", description = "Based on an older version (currentVersion says which is current), "
            + "or not allowed in the trajectory's state (closed, handover not accepted, no brede intake yet); nothing saved",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "422", description = "The Idempotency-Key was used before for another request",
            content = @Content(mediaType = "application/problem+json"))
    @PutMapping(path = TrajectoryResource.PATH + "/plan", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Adopt the PIP with its learning route",
            description = "After the brede intake (409 before). A route the leerbaarheidstoets outcome does not allow "
                    + "needs a deviationReason (400 on that field without one). Adopting again replaces the plan; the "
                    + "integration term stays as the first PIP started it. Send an Idempotency-Key to make a retry safe.")
    public TrajectoryView adopt(
            @Parameter(description = "CBS municipality code, GM followed by four digits", example = "GM0344")
            @PathVariable @Pattern(regexp = MunicipalityCodes.PATTERN) String municipalityCode,
            @Parameter(description = "Random id of the person") @PathVariable @Pattern(regexp = TrajectoryResource.UUID_PATTERN) String personId,
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) @IdempotencyKey String idempotencyKey,
            @Valid @RequestBody PlanAdoption adoption) {
        return plans.adopt(municipalityCode, personId, idempotencyKey, adoption);
    }

    @GetMapping(path = TrajectoryResource.PATH + "/plan", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The plan with its activities side by side",
            description = "Which activities run at the same time (dualTrajectory when language runs alongside work or "
                    + "education), and the periods in which the hours per week planned at once exceed the availability "
                    + "recorded in the early intake (hoursExceeded, a warning). Before a PIP is adopted the plan and the "
                    + "integration term are absent.")
    public PlanView plan(
            @Parameter(description = "CBS municipality code, GM followed by four digits", example = "GM0344")
            @PathVariable @Pattern(regexp = MunicipalityCodes.PATTERN) String municipalityCode,
            @Parameter(description = "Random id of the person") @PathVariable @Pattern(regexp = TrajectoryResource.UUID_PATTERN) String personId) {
        return plans.plan(municipalityCode, personId);
    }
}
