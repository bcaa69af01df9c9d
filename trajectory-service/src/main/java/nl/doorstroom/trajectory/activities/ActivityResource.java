package nl.doorstroom.trajectory.activities;

import java.net.URI;
import java.util.List;
import java.util.UUID;

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
import nl.doorstroom.platform.audit.ProcessingLog;
import nl.doorstroom.platform.web.NotFoundException;
import nl.doorstroom.schemas.trajectory.ActivityChanged;
import nl.doorstroom.schemas.trajectory.ActivityPlanned;
import nl.doorstroom.trajectory.handover.MunicipalityCodes;
import nl.doorstroom.platform.write.IdempotencyKey;
import nl.doorstroom.trajectory.record.TrajectoryChanges;
import nl.doorstroom.trajectory.record.TrajectoryRecords;
import nl.doorstroom.trajectory.record.TrajectoryResource;
import nl.doorstroom.trajectory.record.TrajectoryRules.Step;
import nl.doorstroom.trajectory.record.TrajectoryView;
import nl.doorstroom.platform.write.FieldProblemsException;

@RestController
@PreAuthorize("hasRole('case-worker')")
@Tag(name = "activities", description = "Activities of the plan: language, KNM, PVT, MAP and participation, "
        + "possibly at the same time")
public class ActivityResource {

    static final String ACTIVITIES = TrajectoryResource.PATH + "/activities";

    private final TrajectoryChanges changes;
    private final TrajectoryRecords records;
    private final ProcessingLog processingLog;

    ActivityResource(TrajectoryChanges changes, TrajectoryRecords records, ProcessingLog processingLog) {
        this.changes = changes;
        this.records = records;
        this.processingLog = processingLog;
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
        records.requireVisible(municipalityCode, personId);
        FieldProblemsException.rejectIfAny(ActivityRules.problems(activity));
        TrajectoryChanges.Outcome outcome = processingLog.record(TrajectoryResource.TRAJECTORY,
                "trajectory.plan-activity", List.of(personId),
                () -> changes.apply(municipalityCode, personId, Step.PLAN_ACTIVITY, activity.version(), idempotencyKey,
                        activity, current -> List.of(new ActivityPlanned(activity.toActivity(UUID.randomUUID().toString())))));
        String activityId = outcome.first(ActivityPlanned.class).getActivity().getActivityId();
        return ResponseEntity.created(URI.create(path(municipalityCode, personId) + "/" + activityId))
                .body(TrajectoryView.of(outcome.record(), municipalityCode));
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
        records.requireVisible(municipalityCode, personId);
        FieldProblemsException.rejectIfAny(ActivityRules.problems(activity));
        return processingLog.record(TrajectoryResource.TRAJECTORY, "trajectory.change-activity", List.of(personId),
                () -> TrajectoryView.of(changes.apply(municipalityCode, personId, Step.CHANGE_ACTIVITY,
                        activity.version(), idempotencyKey, new Change(activityId, activity), current -> {
                            var existing = current.activity(activityId).orElseThrow(() -> new NotFoundException("activity"));
                            FieldProblemsException.rejectIfAny(ActivityRules.changeProblems(existing.getKind(), activity.kind()));
                            return List.of(new ActivityChanged(activity.toActivity(activityId)));
                        }).record(), municipalityCode));
    }

    @GetMapping(path = ACTIVITIES + "/{activityId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One activity of the plan")
    public TrajectoryView.ActivityView activity(
            @Parameter(description = "CBS municipality code, GM followed by four digits", example = "GM0344")
            @PathVariable @Pattern(regexp = MunicipalityCodes.PATTERN) String municipalityCode,
            @Parameter(description = "Random id of the person") @PathVariable @Pattern(regexp = TrajectoryResource.UUID_PATTERN) String personId,
            @Parameter(description = "Id of the activity") @PathVariable @Pattern(regexp = TrajectoryResource.UUID_PATTERN) String activityId) {
        TrajectoryRecords.VisibleTrajectory visible = records.requireVisible(municipalityCode, personId);
        return processingLog.record(TrajectoryResource.TRAJECTORY, "trajectory.read-activity", List.of(personId),
                () -> visible.record().activity(activityId).map(TrajectoryView.ActivityView::of)
                        .orElseThrow(() -> new NotFoundException("activity")));
    }

    /** The digest of a change covers which activity it changes, so one key cannot change two activities. */
    record Change(String activityId, ActivityInput activity) {
    }

    private static String path(String municipalityCode, String personId) {
        return ACTIVITIES.replace("{municipalityCode}", municipalityCode).replace("{personId}", personId);
    }
}
