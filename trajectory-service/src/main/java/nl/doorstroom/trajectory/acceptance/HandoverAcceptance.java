package nl.doorstroom.trajectory.acceptance;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * The acceptance of a warm handover by a case worker of the linked municipality.
 *
 * @param version             the version of the trajectory this change is based on (0 for the first acceptance)
 * @param caseWorkerAccountId the colleague the trajectory is assigned to; absent to assign it to oneself
 */
public record HandoverAcceptance(
        @NotNull @Min(0) Integer version,
        @Pattern(regexp = "[\\x21-\\x7E]{1,255}") String caseWorkerAccountId) {
}
