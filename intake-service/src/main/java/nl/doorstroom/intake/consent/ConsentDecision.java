package nl.doorstroom.intake.consent;

import java.time.LocalDate;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import nl.doorstroom.platform.validation.PlausibleDate;

/**
 * The person's decision on one purpose that rests on consent (toestemming). The handover to the municipality does
 * not: it rests on the law. Withdrawing is always possible and takes effect from then on.
 *
 * @param version   the version of the intake record this change is based on
 * @param decidedOn the date the person gave or withdrew consent
 */
public record ConsentDecision(
        @NotNull @Min(1) Integer version,
        @NotNull Purpose purpose,
        @NotNull Decision decision,
        @NotNull @PastOrPresent @PlausibleDate(yearsBack = 30) LocalDate decidedOn) {

    /** EMPLOYER_PROFILE_SHARING: a minimised, pseudonymised profile shown to employers in the labour-market region. */
    public enum Purpose { EMPLOYER_PROFILE_SHARING }

    public enum Decision { GIVEN, WITHDRAWN }
}
