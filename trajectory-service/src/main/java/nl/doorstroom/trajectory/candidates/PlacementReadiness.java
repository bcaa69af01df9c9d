package nl.doorstroom.trajectory.candidates;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Whether the person is ready for placements (work, internships).
 *
 * @param version the version of the trajectory this change is based on
 * @param ready   {@code true} to mark the person ready, {@code false} to take the mark away
 */
public record PlacementReadiness(@NotNull @Min(0) Integer version, @NotNull Boolean ready) {
}
