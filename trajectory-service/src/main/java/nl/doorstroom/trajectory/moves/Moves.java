package nl.doorstroom.trajectory.moves;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.swagger.v3.oas.annotations.media.Schema;
import nl.doorstroom.platform.write.FieldProblemsException;
import nl.doorstroom.schemas.trajectory.PersonMoved;
import nl.doorstroom.trajectory.handover.Handovers;
import nl.doorstroom.trajectory.record.TrajectoryChanges;
import nl.doorstroom.trajectory.record.TrajectoryRules.Step;

/** Moves (verhuizingen) to another municipality, for the API and the pages alike: scope, log and change, once. */
@Service
public class Moves {

    private static final Logger log = LoggerFactory.getLogger(Moves.class);
    /** The new municipality should see the person when the move is answered: wait at most this long for the dossier. */
    private static final Duration HANDOVER_CATCH_UP = Duration.ofSeconds(3);

    private final TrajectoryChanges changes;
    private final Handovers handovers;

    Moves(TrajectoryChanges changes, Handovers handovers) {
        this.changes = changes;
        this.handovers = handovers;
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

    public RecordedMove move(String municipalityCode, String personId, String idempotencyKey, Move move) {
        TrajectoryChanges.Outcome outcome = changes.apply(municipalityCode, personId, Step.MOVE, move.version(),
                idempotencyKey, move, current -> {
                    FieldProblemsException.rejectIfAny(move.problems(municipalityCode));
                    return List.of(move.toEvent(municipalityCode));
                });
        PersonMoved moved = outcome.first(PersonMoved.class);
        if (!handovers.awaitResponsible(moved.getToMunicipalityCode(), personId, HANDOVER_CATCH_UP)) {
            log.info("the handover store has not caught up with an acknowledged move yet");
        }
        return new RecordedMove(personId, moved.getFromMunicipalityCode(), moved.getToMunicipalityCode(),
                moved.getMoveDate(), outcome.events().getLast().getRecordVersion());
    }
}
