package nl.doorstroom.trajectory.moves;

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
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import nl.doorstroom.platform.write.IdempotencyKey;
import nl.doorstroom.trajectory.handover.MunicipalityCodes;
import nl.doorstroom.trajectory.record.TrajectoryResource;

@RestController
@PreAuthorize("hasRole('case-worker')")
@Tag(name = "moves", description = "Moves of a person to another municipality")
class MoveResource {

    private final Moves moves;

    MoveResource(Moves moves) {
        this.moves = moves;
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
    public Moves.RecordedMove move(
            @Parameter(description = "CBS municipality code, GM followed by four digits", example = "GM0344")
            @PathVariable @Pattern(regexp = MunicipalityCodes.PATTERN) String municipalityCode,
            @Parameter(description = "Random id of the person") @PathVariable @Pattern(regexp = TrajectoryResource.UUID_PATTERN) String personId,
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) @IdempotencyKey String idempotencyKey,
            @Valid @RequestBody Move move) {
        return moves.move(municipalityCode, personId, idempotencyKey, move);
    }
}
