package nl.doorstroom.trajectory.activities;

import java.net.URI;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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
@Tag(name = "activities", description = "Activities of the plan: language, KNM, PVT, MAP and participation, "
        + "possibly at the same time")
class ActivityResource {

    static final String ACTIVITIES = TrajectoryResource.PATH + "/activities";

    private final Activities activities;

    ActivityResource(Activities activities) {
        this.activities = activities;
    }

    @ApiResponse(responseCode = "201", description = "Planned or recorded: the trajectory after the change; Location names the new item")
    @ApiResponse(responseCode = "409", description = "Based on an older version (currentVersion says which is current), "
            + "or not allowed in the trajectory's state (closed, handover not accepted, no brede intake yet); nothing saved",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "422", description = "The Idempotency-Key was used before for another request",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping(path = ACTIVITIES, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Plan an activity",
            description = "After the handover is accepted (409 before). Answers 201 with the trajectory and the new "
                    + "activity's address in Location. Activities may overlap (a dual trajectory); see the plan for the "
                    + "overlaps and availability warnings. Send an Idempotency-Key to make a retry safe.")
    public ResponseEntity<TrajectoryView> plan(
            @Parameter(description = "CBS municipality code, GM followed by four digits", example = "GM0344")
            @PathVariable @Pattern(regexp = MunicipalityCodes.PATTERN) String municipalityCode,
            @Parameter(description = "Random id of the person") @PathVariable @Pattern(regexp = TrajectoryResource.UUID_PATTERN) String personId,
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) @IdempotencyKey String idempotencyKey,
            @Valid @RequestBody ActivityInput activity) {
        Activities.Planned planned = activities.plan(municipalityCode, personId, idempotencyKey, activity);
        return ResponseEntity.created(URI.create(path(municipalityCode, personId) + "/" + planned.activityId()))
                .body(planned.trajectory());
    }

    @ApiResponse(responseCode = "200", description = "The trajectory after the change (or, for a repeated Idempotency-Key, as it is)")
    @ApiResponse(responseCode = "409", description = "Based on an older version (currentVersion says which is current), "
            + "or not allowed in the trajectory's state (closed, handover not accepted, no brede intake yet); nothing saved",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "422", description = "The Idempotency-Key was used before for another request",
            content = @Content(mediaType = "application/problem+json"))
    @PutMapping(path = ACTIVITIES + "/{activityId}", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change an activity",
            description = "Replaces the activity as a whole: dates, actual start and end, hours, provider; its kind "
                    + "stays. Send an Idempotency-Key to make a retry safe.")
    public TrajectoryView change(
            @Parameter(description = "CBS municipality code, GM followed by four digits", example = "GM0344")
            @PathVariable @Pattern(regexp = MunicipalityCodes.PATTERN) String municipalityCode,
            @Parameter(description = "Random id of the person") @PathVariable @Pattern(regexp = TrajectoryResource.UUID_PATTERN) String personId,
            @Parameter(description = "Id of the activity") @PathVariable @Pattern(regexp = TrajectoryResource.UUID_PATTERN) String activityId,
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) @IdempotencyKey String idempotencyKey,
            @Valid @RequestBody ActivityInput activity) {
        return activities.change(municipalityCode, personId, activityId, idempotencyKey, activity);
    }

    @GetMapping(path = ACTIVITIES + "/{activityId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One activity of the plan")
    public TrajectoryView.ActivityView activity(
            @Parameter(description = "CBS municipality code, GM followed by four digits", example = "GM0344")
            @PathVariable @Pattern(regexp = MunicipalityCodes.PATTERN) String municipalityCode,
            @Parameter(description = "Random id of the person") @PathVariable @Pattern(regexp = TrajectoryResource.UUID_PATTERN) String personId,
            @Parameter(description = "Id of the activity") @PathVariable @Pattern(regexp = TrajectoryResource.UUID_PATTERN) String activityId) {
        return activities.activity(municipalityCode, personId, activityId);
    }

    private static String path(String municipalityCode, String personId) {
        return ACTIVITIES.replace("{municipalityCode}", municipalityCode).replace("{personId}", personId);
    }
}
