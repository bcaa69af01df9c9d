package nl.doorstroom.trajectory.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import nl.doorstroom.schemas.trajectory.Activity;
import nl.doorstroom.schemas.trajectory.ActivityKind;

/**
 * The dual trajectory (duaal traject) in a plan: which activities run at the same time, whether language runs
 * alongside work or education, and when the hours planned at once exceed what the person is available for.
 * An activity runs from its actual start (or else its planned start) to its actual end (or else its planned end), both
 * days included; without an end it runs on.
 */
public final class DualTrajectory {

    /** Learning the language. */
    static final Set<ActivityKind> LANGUAGE = EnumSet.of(ActivityKind.LANGUAGE_COURSE);
    /** Work and education that a language course can run alongside. */
    static final Set<ActivityKind> WORK_OR_EDUCATION = EnumSet.of(ActivityKind.VOLUNTEERING,
            ActivityKind.WORK_EXPERIENCE_PLACE, ActivityKind.INTERNSHIP, ActivityKind.EDUCATION, ActivityKind.PAID_WORK);

    private DualTrajectory() {
    }

    /**
     * Two activities that run at the same time.
     *
     * @param from first day both run
     * @param to   last day both run; {@code null} when neither ends
     * @param dual whether one is language and the other work or education
     */
    public record Overlap(String firstActivityId, String secondActivityId, LocalDate from, LocalDate to, boolean dual) {
    }

    /**
     * A period in which the activities together take more hours per week than the person is available.
     *
     * @param to {@code null} when the period does not end
     */
    public record HoursExceeded(LocalDate from, LocalDate to, int plannedHoursPerWeek, int availableHoursPerWeek,
                                List<String> activityIds) {
    }

    /** Every pair of activities that run at the same time, in plan order. */
    public static List<Overlap> overlaps(List<Activity> activities) {
        List<Overlap> overlaps = new ArrayList<>();
        for (int i = 0; i < activities.size(); i++) {
            for (int j = i + 1; j < activities.size(); j++) {
                Activity a = activities.get(i);
                Activity b = activities.get(j);
                LocalDate from = later(start(a), start(b));
                LocalDate to = earlier(end(a), end(b));
                if (to == null || !to.isBefore(from)) {
                    overlaps.add(new Overlap(a.getActivityId(), b.getActivityId(), from, to, isDual(a.getKind(), b.getKind())));
                }
            }
        }
        return overlaps;
    }

    static boolean isDual(ActivityKind a, ActivityKind b) {
        return LANGUAGE.contains(a) && WORK_OR_EDUCATION.contains(b) || LANGUAGE.contains(b) && WORK_OR_EDUCATION.contains(a);
    }

    /**
     * The periods in which the planned hours per week of the activities running at once exceed the availability, one
     * per set of activities running together (the set changes only on a day one starts or the day after one ends).
     * None when the availability is not known.
     */
    public static List<HoursExceeded> hoursExceeded(List<Activity> activities, Integer availableHoursPerWeek) {
        if (availableHoursPerWeek == null || activities.isEmpty()) {
            return List.of();
        }
        // the total only changes on a day an activity starts or the day after one ends
        TreeSet<LocalDate> changes = new TreeSet<>();
        for (Activity a : activities) {
            changes.add(start(a));
            if (end(a) != null) {
                changes.add(end(a).plusDays(1));
            }
        }
        List<HoursExceeded> exceeded = new ArrayList<>();
        List<LocalDate> days = List.copyOf(changes);
        for (int i = 0; i < days.size(); i++) {
            LocalDate day = days.get(i);
            LocalDate last = i + 1 < days.size() ? days.get(i + 1).minusDays(1) : null;
            List<Activity> running = activities.stream().filter(a -> runsOn(a, day)).toList();
            int total = running.stream().mapToInt(Activity::getHoursPerWeek).sum();
            if (total <= availableHoursPerWeek) {
                continue;
            }
            exceeded.add(new HoursExceeded(day, last, total, availableHoursPerWeek,
                    running.stream().map(Activity::getActivityId).toList()));
        }
        return exceeded;
    }

    static LocalDate start(Activity a) {
        return a.getActualStart() != null ? a.getActualStart() : a.getPlannedStart();
    }

    /** The last day of the activity, or {@code null} while it has no end. */
    static LocalDate end(Activity a) {
        return a.getActualEnd() != null ? a.getActualEnd() : a.getPlannedEnd();
    }

    private static boolean runsOn(Activity a, LocalDate day) {
        return !day.isBefore(start(a)) && (end(a) == null || !day.isAfter(end(a)));
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }
}
