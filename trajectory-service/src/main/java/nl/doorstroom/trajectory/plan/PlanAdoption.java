package nl.doorstroom.trajectory.plan;

import java.time.LocalDate;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import nl.doorstroom.platform.validation.PlausibleDate;
import nl.doorstroom.schemas.trajectory.LearningRoute;
import nl.doorstroom.platform.validation.ShortText;

/**
 * The adoption of the PIP (persoonlijk plan inburgering en participatie).
 *
 * @param version         the version of the trajectory this change is based on
 * @param learningRoute   {@code B1_ROUTE}, {@code ONDERWIJSROUTE} or {@code Z_ROUTE}
 * @param adoptedOn       the PIP's date (dagtekening); the first PIP's date starts the three-year integration term
 * @param deviationReason why the route departs from the leerbaarheidstoets outcome; required exactly then
 */
public record PlanAdoption(
        @NotNull @Min(0) Integer version,
        @NotNull LearningRoute learningRoute,
        @NotNull @PastOrPresent @PlausibleDate(yearsBack = 30) LocalDate adoptedOn,
        @ShortText String deviationReason) {
}
