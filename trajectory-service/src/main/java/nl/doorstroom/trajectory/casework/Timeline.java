package nl.doorstroom.trajectory.casework;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import nl.doorstroom.trajectory.plan.PlanView;
import nl.doorstroom.trajectory.record.TrajectoryView.ActivityView;

/**
 * The plan drawn on one time axis: the language lane (language course, KNM, PVT, MAP) above the lane of work,
 * education and participation, so that activities running at the same time line up. Positions are percentages of the
 * axis, which runs from the earliest start to the latest end, the integration term's deadline included.
 *
 * @param axisStart first day of the axis
 * @param axisEnd   last day of the axis
 * @param deadline  where the integration term ends, as a percentage of the axis; {@code null} without a term
 */
public record Timeline(LocalDate axisStart, LocalDate axisEnd, List<Lane> lanes, Double deadline) {

    private static final Set<String> LANGUAGE_LANE = Set.of("LANGUAGE_COURSE", "KNM", "PVT", "MAP");

    /** @param name {@code language} or {@code work} */
    public record Lane(String name, List<Bar> bars) {
    }

    /**
     * @param offset   where the bar starts, percent of the axis
     * @param width    how long it runs, percent of the axis (at least a sliver, so a one-day activity shows)
     * @param openEnd  whether the activity has no end yet (the bar runs to the end of the axis)
     * @param from     the first day it runs (actual start, else planned)
     * @param to       the last day it runs (actual end, else planned), {@code null} without one
     * @param warned   whether it is part of a period in which the planned hours exceed the availability
     */
    public record Bar(ActivityView activity, double offset, double width, boolean openEnd, LocalDate from, LocalDate to,
                      boolean warned) {
    }

    /** The lane an activity of the plan is drawn in. */
    public String laneOf(String activityId) {
        return lanes.stream().filter(lane -> lane.bars().stream().anyMatch(b -> b.activity().activityId().equals(activityId)))
                .map(Lane::name).findFirst().orElseThrow();
    }

    /** The timeline of a plan; {@code null} when there are no activities to draw. */
    static Timeline of(PlanView plan) {
        List<ActivityView> activities = plan.activities();
        if (activities.isEmpty()) {
            return null;
        }
        LocalDate start = activities.stream().map(Timeline::from).min(LocalDate::compareTo).orElseThrow();
        LocalDate end = Stream.concat(activities.stream().map(Timeline::to).filter(d -> d != null),
                Stream.of(start.plusMonths(6))).max(LocalDate::compareTo).orElseThrow();
        if (plan.integrationTerm() != null) {
            start = min(start, plan.integrationTerm().start());
            end = max(end, plan.integrationTerm().deadline());
        }
        double days = ChronoUnit.DAYS.between(start, end) + 1;
        Set<String> warned = plan.hoursExceeded().stream().flatMap(h -> h.activityIds().stream())
                .collect(java.util.stream.Collectors.toSet());
        List<Bar> language = new ArrayList<>();
        List<Bar> work = new ArrayList<>();
        for (ActivityView a : activities) {
            LocalDate from = from(a);
            LocalDate to = to(a);
            double offset = ChronoUnit.DAYS.between(start, from) / days * 100;
            double length = (ChronoUnit.DAYS.between(from, to == null ? end : to) + 1) / days * 100;
            Bar bar = new Bar(a, round(offset), round(Math.max(length, 0.5)), to == null, from, to,
                    warned.contains(a.activityId()));
            (LANGUAGE_LANE.contains(a.kind()) ? language : work).add(bar);
        }
        Double deadline = plan.integrationTerm() == null ? null
                : round(ChronoUnit.DAYS.between(start, plan.integrationTerm().deadline()) / days * 100);
        return new Timeline(start, end, List.of(new Lane("language", language), new Lane("work", work)), deadline);
    }

    private static LocalDate from(ActivityView a) {
        return a.actualStart() != null ? a.actualStart() : a.plannedStart();
    }

    private static LocalDate to(ActivityView a) {
        return a.actualEnd() != null ? a.actualEnd() : a.plannedEnd();
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static double round(double percent) {
        return Math.round(percent * 100) / 100.0;
    }
}
