package nl.doorstroom.trajectory.moves;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import nl.doorstroom.platform.audit.ProcessingLog;
import nl.doorstroom.schemas.trajectory.PersonMoved;
import nl.doorstroom.trajectory.handover.Handovers;
import nl.doorstroom.trajectory.handover.MunicipalityCodes;
import nl.doorstroom.platform.write.IdempotencyKey;
import nl.doorstroom.trajectory.record.TrajectoryChanges;
import nl.doorstroom.trajectory.record.TrajectoryRecords;
import nl.doorstroom.trajectory.record.TrajectoryResource;
import nl.doorstroom.trajectory.record.TrajectoryRules.Step;
import nl.doorstroom.platform.write.FieldProblemsException;

@RestController
@PreAuthorize("hasRole('case-worker')")
@Tag(name = "moves", description = "Moves of a person to another municipality")
public class MoveResource {

    private static final Logger log = LoggerFactory.getLogger(MoveResource.class);
    /** The new municipality should see the person when the move is answered: wait at most this long for the dossier. */
    private static final Duration HANDOVER_CATCH_UP = Duration.ofSeconds(3);

    private final TrajectoryChanges changes;
    private final TrajectoryRecords records;
    private final Handovers handovers;
    private final ProcessingLog processingLog;

    MoveResource(TrajectoryChanges changes, TrajectoryRecords records, Handovers handovers, ProcessingLog processingLog) {
        this.changes = changes;
        this.records = records;
        this.handovers = handovers;
        this.processingLog = processingLog;
    }

    /**
     * The move as recorded. The caller's municipality no longer sees the person, so the answer is all it gets.
     *
     * @param version the version of the trajectory after the move; the new municipality continues from it
     */
    @Schema(name = "RecordedMove", description = "A move of the person to another municipality, as recorded")
    public record RecordedMove(String personId, String fromMunicipalityCode, String toMunicipalityCode,
                               LocalDate moveDate, int version) {
    }

    @ApiResponse(responseCode = "201", description = "The move is recorded; the person is now in the new municipality's "
            + "inbox (handover pending) and no longer visible to the caller's municipality")
    @ApiResponse(responseCode = "409", description = "Based on an older version (currentVersion says which is current), "
            + "or the trajectory is closed; nothing saved", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "422", description = "The Idempotency-Key was used before for another request",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping(path = TrajectoryResource.PATH + "/moves", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a move to another municipality",
            description = "The dossier and the trajectory so far go to the new municipality at once, where the handover "
                    + "waits for acceptance; the caller's municipality gets 404 on the person from then on. No Location "
                    + "header: the caller may not read the moved trajectory. A retry with the same Idempotency-Key "
                    + "answers the same move.")
    public RecordedMove move(
            @Parameter(description = "CBS municipality code, GM followed by four digits", example = "GM0344")
            @PathVariable @Pattern(regexp = MunicipalityCodes.PATTERN) String municipalityCode,
            @Parameter(description = "Random id of the person") @PathVariable @Pattern(regexp = TrajectoryResource.UUID_PATTERN) String personId,
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) @IdempotencyKey String idempotencyKey,
            @Valid @RequestBody Move move) {
        records.requireVisible(municipalityCode, personId);
        FieldProblemsException.rejectIfAny(move.problems(municipalityCode));
        return processingLog.record(TrajectoryResource.TRAJECTORY, "trajectory.record-move", List.of(personId), () -> {
            TrajectoryChanges.Outcome outcome = changes.apply(municipalityCode, personId, Step.MOVE, move.version(),
                    idempotencyKey, move, current -> List.of(move.toEvent(municipalityCode)));
            PersonMoved moved = outcome.first(PersonMoved.class);
            if (!handovers.awaitResponsible(moved.getToMunicipalityCode(), personId, HANDOVER_CATCH_UP)) {
                log.info("the handover store has not caught up with an acknowledged move yet");
            }
            return new RecordedMove(personId, moved.getFromMunicipalityCode(), moved.getToMunicipalityCode(),
                    moved.getMoveDate(), outcome.events().getLast().getRecordVersion());
        });
    }
}
