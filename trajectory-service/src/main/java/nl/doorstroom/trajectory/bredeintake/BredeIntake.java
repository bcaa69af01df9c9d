package nl.doorstroom.trajectory.bredeintake;

import java.time.LocalDate;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import nl.doorstroom.platform.validation.PlausibleDate;
import nl.doorstroom.schemas.trajectory.BredeIntakeRecorded;
import nl.doorstroom.schemas.trajectory.LearnabilityTestOutcome;
import nl.doorstroom.platform.validation.ShortText;

/**
 * The brede intake: the leerbaarheidstoets and what was found about education, work and personal circumstances.
 *
 * @param version                 the version of the trajectory this change is based on
 * @param date                    date of the brede intake conversation
 * @param learnabilityTestOutcome {@code B1_ATTAINABLE}, {@code B1_NOT_ATTAINABLE}, or {@code EXEMPTED} when the person
 *                                is exempted from the test
 * @param circumstancesFindings   what the circumstances mean for the trajectory (care duties, hours available); never a
 *                                diagnosis
 */
public record BredeIntake(
        @NotNull @Min(0) Integer version,
        @NotNull @PastOrPresent @PlausibleDate(yearsBack = 30) LocalDate date,
        @NotNull LearnabilityTestOutcome learnabilityTestOutcome,
        @ShortText String educationFindings,
        @ShortText String workFindings,
        @ShortText String circumstancesFindings) {

    BredeIntakeRecorded toEvent() {
        return BredeIntakeRecorded.newBuilder()
                .setDate(date)
                .setLearnabilityTestOutcome(learnabilityTestOutcome)
                .setEducationFindings(educationFindings)
                .setWorkFindings(workFindings)
                .setCircumstancesFindings(circumstancesFindings)
                .build();
    }
}
