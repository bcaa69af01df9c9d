package nl.doorstroom.trajectory.activities;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import nl.doorstroom.schemas.trajectory.ActivityKind;
import nl.doorstroom.platform.write.FieldProblem;

/**
 * The rules of an activity that one field alone cannot say: an activity does not end before it starts (planned or
 * actual), has no actual end without an actual start, and keeps its kind when changed. The hours per week (0 to 60)
 * are checked on the field itself.
 */
public final class ActivityRules {

    public static final int MIN_HOURS_PER_WEEK = 0;
    public static final int MAX_HOURS_PER_WEEK = 60;

    static final String ENDS_BEFORE_START = "trajectory.field.ends-before-start";
    static final String END_WITHOUT_START = "trajectory.field.end-without-start";
    static final String KIND_UNCHANGED = "trajectory.field.kind-unchanged";

    private ActivityRules() {
    }

    /** The problems with the dates of an activity. */
    public static List<FieldProblem> dateProblems(LocalDate plannedStart, LocalDate plannedEnd, LocalDate actualStart,
                                                  LocalDate actualEnd) {
        List<FieldProblem> problems = new ArrayList<>();
        if (plannedStart != null && plannedEnd != null && plannedEnd.isBefore(plannedStart)) {
            problems.add(new FieldProblem("plannedEnd", "endsBeforeStart", ENDS_BEFORE_START));
        }
        if (actualEnd != null && actualStart == null) {
            problems.add(new FieldProblem("actualStart", "required", END_WITHOUT_START));
        }
        if (actualStart != null && actualEnd != null && actualEnd.isBefore(actualStart)) {
            problems.add(new FieldProblem("actualEnd", "endsBeforeStart", ENDS_BEFORE_START));
        }
        return problems;
    }

    /** The problems of changing an activity of kind {@code existing} into one of kind {@code requested}. */
    public static List<FieldProblem> changeProblems(ActivityKind existing, ActivityKind requested) {
        return existing == requested ? List.of() : List.of(new FieldProblem("kind", "unchanged", KIND_UNCHANGED));
    }

    static List<FieldProblem> problems(ActivityInput input) {
        return dateProblems(input.plannedStart(), input.plannedEnd(), input.actualStart(), input.actualEnd());
    }
}
