package nl.doorstroom.employer.introductions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import nl.doorstroom.platform.validation.PlausibleDate;
import nl.doorstroom.platform.write.FieldProblem;
import nl.doorstroom.schemas.employer.DeclineReason;
import nl.doorstroom.schemas.employer.PlacementEndReason;

/** What a case worker or an employer sends to move an introduction on. */
public final class IntroductionInput {

    /** The pseudonym of a candidate in the employer domain. */
    static final String PSEUDONYM = "employer-[a-z2-7]{32}";

    private IntroductionInput() {
    }

    /** A case worker proposes one of their candidates for a placement. */
    public record Proposal(@NotNull @Pattern(regexp = PSEUDONYM) String candidatePseudonym) {
    }

    /**
     * One step after the proposal, based on the version of the candidate's introductions the user saw.
     *
     * @param interviewOn   for {@code PLAN_INTERVIEW}: the day of the interview
     * @param hoursPerWeek  for {@code OFFER}: the hours offered
     * @param startDate     for {@code OFFER}: the first day offered; for {@code START}: the first day worked
     * @param endDate       for {@code END}: the last day
     * @param declineReason for {@code DECLINE}: why, from a code list (never free text about the person)
     * @param endReason     for {@code END}: why it ended
     */
    public record Step(@NotNull @Min(1) Integer version, @NotNull IntroductionRules.Step step,
                       @PlausibleDate(yearsBack = 1, yearsAhead = 2) LocalDate interviewOn,
                       @Min(1) @Max(60) Integer hoursPerWeek,
                       @PlausibleDate(yearsBack = 1, yearsAhead = 2) LocalDate startDate,
                       @PlausibleDate(yearsBack = 5, yearsAhead = 5) LocalDate endDate,
                       DeclineReason declineReason, PlacementEndReason endReason) {

        /** The fields this step needs and does not have, or has wrong. */
        List<FieldProblem> problems(LocalDate today) {
            List<FieldProblem> problems = new ArrayList<>();
            switch (step) {
                case PLAN_INTERVIEW -> {
                    if (interviewOn == null) {
                        problems.add(required("interviewOn"));
                    } else if (interviewOn.isBefore(today)) {
                        problems.add(new FieldProblem("interviewOn", "inPast", "employer.problem.interview-in-past"));
                    }
                }
                case OFFER -> {
                    if (hoursPerWeek == null) {
                        problems.add(required("hoursPerWeek"));
                    }
                    if (startDate == null) {
                        problems.add(required("startDate"));
                    } else if (startDate.isBefore(today)) {
                        problems.add(new FieldProblem("startDate", "startInPast", "employer.problem.start-in-past"));
                    }
                }
                case DECLINE -> {
                    if (declineReason == null || declineReason == DeclineReason.UNKNOWN) {
                        problems.add(required("declineReason"));
                    }
                }
                case START -> {
                    if (startDate == null) {
                        problems.add(required("startDate"));
                    }
                }
                case END -> {
                    if (endDate == null) {
                        problems.add(required("endDate"));
                    }
                    if (endReason == null || endReason == PlacementEndReason.UNKNOWN) {
                        problems.add(required("endReason"));
                    }
                }
                case AGREE, ACCEPT -> {
                    // nothing more than the step itself
                }
            }
            return problems;
        }

        private static FieldProblem required(String field) {
            return new FieldProblem(field, "required", "employer.problem.step-field-required");
        }
    }
}
