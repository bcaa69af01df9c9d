package nl.doorstroom.trajectory.closure;

import java.time.LocalDate;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import nl.doorstroom.platform.validation.PlausibleDate;
import nl.doorstroom.schemas.trajectory.ClosureOutcome;
import nl.doorstroom.schemas.trajectory.TrajectoryClosed;
import nl.doorstroom.platform.validation.ShortText;

/**
 * The closure of a trajectory; nothing can be recorded after it.
 *
 * @param version  the version of the trajectory this change is based on
 * @param outcome  {@code COMPLETED}, {@code EXEMPTED}, {@code TERM_EXPIRED}, {@code MOVED_ABROAD} or {@code OTHER}
 */
public record Closure(
        @NotNull @Min(0) Integer version,
        @NotNull @PastOrPresent @PlausibleDate(yearsBack = 30) LocalDate closedOn,
        @NotNull ClosureOutcome outcome,
        @ShortText String note) {

    TrajectoryClosed toEvent() {
        return TrajectoryClosed.newBuilder()
                .setClosedOn(closedOn)
                .setOutcome(outcome)
                .setNote(note == null || note.isBlank() ? null : note)
                .build();
    }
}
