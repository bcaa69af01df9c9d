package nl.doorstroom.trajectory.activities;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import nl.doorstroom.platform.validation.PlausibleDate;
import nl.doorstroom.schemas.trajectory.Activity;
import nl.doorstroom.schemas.trajectory.ActivityKind;
import nl.doorstroom.platform.validation.ShortText;

/**
 * An activity of the plan, as planned or as changed (a change replaces it as a whole; its kind stays).
 *
 * @param version      the version of the trajectory this change is based on
 * @param kind         {@code LANGUAGE_COURSE}, {@code KNM}, {@code PVT}, {@code MAP}, {@code VOLUNTEERING},
 *                     {@code WORK_EXPERIENCE_PLACE}, {@code INTERNSHIP}, {@code EDUCATION}, {@code PAID_WORK} or
 *                     {@code JOB_COACHING}
 * @param plannedEnd   absent for an activity without a planned end
 * @param hoursPerWeek hours per week the activity takes, 0 to 60
 * @param provider     language school, employer or organisation
 */
public record ActivityInput(
        @NotNull @Min(0) Integer version,
        @NotNull ActivityKind kind,
        @NotNull @PlausibleDate(yearsBack = 30, yearsAhead = 10) LocalDate plannedStart,
        @PlausibleDate(yearsBack = 30, yearsAhead = 10) LocalDate plannedEnd,
        @PlausibleDate(yearsBack = 30) LocalDate actualStart,
        @PlausibleDate(yearsBack = 30) LocalDate actualEnd,
        @NotNull @Min(ActivityRules.MIN_HOURS_PER_WEEK) @Max(ActivityRules.MAX_HOURS_PER_WEEK) Integer hoursPerWeek,
        @ShortText String provider) {

    Activity toActivity(String activityId) {
        return Activity.newBuilder()
                .setActivityId(activityId)
                .setKind(kind)
                .setPlannedStart(plannedStart)
                .setPlannedEnd(plannedEnd)
                .setActualStart(actualStart)
                .setActualEnd(actualEnd)
                .setHoursPerWeek(hoursPerWeek)
                .setProvider(provider == null || provider.isBlank() ? null : provider)
                .build();
    }
}
