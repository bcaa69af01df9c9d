package nl.doorstroom.trajectory.milestones;

import java.net.URI;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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
@Tag(name = "milestones", description = "Milestones: exams passed per skill, diplomas, first paid job, leaving benefits")
class MilestoneResource {

    static final String MILESTONES = TrajectoryResource.PATH + "/milestones";

    private final Milestones milestones;

    MilestoneResource(Milestones milestones) {
        this.milestones = milestones;
    }

    @ApiResponse(responseCode = "201", description = "Planned or recorded: the trajectory after the change; Location names the new item")
    @ApiResponse(responseCode = "409", description = "Based on an older version (currentVersion says which is current), "
            + "or not allowed in the trajectory's state (closed, handover not accepted, no brede intake yet); nothing saved",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "422", description = "The Idempotency-Key was used before for another request",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping(path = MILESTONES, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record a milestone",
            description = "After the handover is accepted (409 before). A passed exam names its skill and level. Answers "
                    + "201 with the trajectory and the milestone's address in Location. Send an Idempotency-Key to make "
                    + "a retry safe.")
    public ResponseEntity<TrajectoryView> record(
            @Parameter(description = "CBS municipality code, GM followed by four digits", example = "GM0344")
            @PathVariable @Pattern(regexp = MunicipalityCodes.PATTERN) String municipalityCode,
            @Parameter(description = "Random id of the person") @PathVariable @Pattern(regexp = TrajectoryResource.UUID_PATTERN) String personId,
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) @IdempotencyKey String idempotencyKey,
            @Valid @RequestBody MilestoneInput milestone) {
        Milestones.Recorded recorded = milestones.record(municipalityCode, personId, idempotencyKey, milestone);
        String path = MILESTONES.replace("{municipalityCode}", municipalityCode).replace("{personId}", personId);
        return ResponseEntity.created(URI.create(path + "/" + recorded.milestoneId())).body(recorded.trajectory());
    }

    @GetMapping(path = MILESTONES + "/{milestoneId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One milestone of the trajectory")
    public TrajectoryView.Milestone milestone(
            @Parameter(description = "CBS municipality code, GM followed by four digits", example = "GM0344")
            @PathVariable @Pattern(regexp = MunicipalityCodes.PATTERN) String municipalityCode,
            @Parameter(description = "Random id of the person") @PathVariable @Pattern(regexp = TrajectoryResource.UUID_PATTERN) String personId,
            @Parameter(description = "Id of the milestone") @PathVariable @Pattern(regexp = TrajectoryResource.UUID_PATTERN) String milestoneId) {
        return milestones.milestone(municipalityCode, personId, milestoneId);
    }
}
