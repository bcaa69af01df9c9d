package nl.doorstroom.trajectory.milestones;

import java.time.LocalDate;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import nl.doorstroom.platform.validation.PlausibleDate;
import nl.doorstroom.schemas.intake.CefrLevel;
import nl.doorstroom.schemas.intake.CefrSkill;
import nl.doorstroom.schemas.trajectory.MilestoneKind;
import nl.doorstroom.schemas.trajectory.MilestoneReached;
import nl.doorstroom.platform.validation.ShortText;

/**
 * A milestone reached.
 *
 * @param version     the version of the trajectory this change is based on
 * @param kind        {@code EXAM_PASSED}, {@code DIPLOMA}, {@code FIRST_PAID_JOB} or {@code LEFT_BENEFITS}
 * @param skill       the CEFR skill of a passed exam ({@code LISTENING}, {@code READING}, {@code SPOKEN_INTERACTION},
 *                    {@code SPOKEN_PRODUCTION}, {@code WRITING}); only with {@code EXAM_PASSED}
 * @param level       the CEFR level of a passed exam; only with {@code EXAM_PASSED}
 * @param description what was reached, e.g. the diploma or the job
 */
public record MilestoneInput(
        @NotNull @Min(0) Integer version,
        @NotNull MilestoneKind kind,
        @NotNull @PastOrPresent @PlausibleDate(yearsBack = 30) LocalDate date,
        CefrSkill skill,
        CefrLevel level,
        @ShortText String description) {

    MilestoneReached toEvent(String milestoneId) {
        return MilestoneReached.newBuilder()
                .setMilestoneId(milestoneId)
                .setKind(kind)
                .setDate(date)
                .setSkill(skill)
                .setLevel(level)
                .setDescription(description == null || description.isBlank() ? null : description)
                .build();
    }
}
