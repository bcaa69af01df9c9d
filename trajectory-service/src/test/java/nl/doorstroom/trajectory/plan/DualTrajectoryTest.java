package nl.doorstroom.trajectory.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import nl.doorstroom.schemas.trajectory.Activity;
import nl.doorstroom.schemas.trajectory.ActivityKind;

class DualTrajectoryTest {

    private static Activity activity(String id, ActivityKind kind, String start, String end, int hours) {
        return Activity.newBuilder().setActivityId(id).setKind(kind).setPlannedStart(LocalDate.parse(start))
                .setPlannedEnd(end == null ? null : LocalDate.parse(end)).setHoursPerWeek(hours).build();
    }

    @ParameterizedTest(name = "{0} {1}..{2} and {3} {4}..{5}: overlap {6}..{7}, dual {8}")
    @CsvSource(nullValues = "-", value = {
            // language alongside a work-experience place: the dual trajectory
            "LANGUAGE_COURSE, 2026-03-02, 2026-12-18, WORK_EXPERIENCE_PLACE, 2026-05-04, 2026-10-30, 2026-05-04, 2026-10-30, true",
            "LANGUAGE_COURSE, 2026-03-02, 2026-12-18, EDUCATION,             2026-09-01, -,          2026-09-01, 2026-12-18, true",
            "PAID_WORK,       2026-01-01, -,          LANGUAGE_COURSE,       2026-02-01, -,          2026-02-01, -,          true",
            // overlapping, but not language with work or education
            "LANGUAGE_COURSE, 2026-03-02, 2026-12-18, KNM,                   2026-04-01, 2026-06-30, 2026-04-01, 2026-06-30, false",
            "JOB_COACHING,    2026-03-02, 2026-12-18, PAID_WORK,             2026-04-01, 2026-06-30, 2026-04-01, 2026-06-30, false",
            // one day in common: both days count
            "LANGUAGE_COURSE, 2026-03-02, 2026-05-04, VOLUNTEERING,          2026-05-04, 2026-08-01, 2026-05-04, 2026-05-04, true",
    })
    void activitiesRunningAtTheSameTimeAreReported(ActivityKind firstKind, String firstStart, String firstEnd,
                                                   ActivityKind secondKind, String secondStart, String secondEnd,
                                                   String from, String to, boolean dual) {
        var overlaps = DualTrajectory.overlaps(List.of(activity("a", firstKind, firstStart, firstEnd, 10),
                activity("b", secondKind, secondStart, secondEnd, 10)));
        assertThat(overlaps).containsExactly(new DualTrajectory.Overlap("a", "b", LocalDate.parse(from),
                to == null ? null : LocalDate.parse(to), dual));
    }

    @ParameterizedTest(name = "{0}..{1} and {2}..{3} do not overlap")
    @CsvSource({
            "2026-03-02, 2026-05-03, 2026-05-04, 2026-08-01",
            "2026-06-01, 2026-08-01, 2026-01-01, 2026-05-31",
    })
    void activitiesOneAfterTheOtherDoNotOverlap(String firstStart, String firstEnd, String secondStart, String secondEnd) {
        assertThat(DualTrajectory.overlaps(List.of(activity("a", ActivityKind.LANGUAGE_COURSE, firstStart, firstEnd, 10),
                activity("b", ActivityKind.PAID_WORK, secondStart, secondEnd, 10)))).isEmpty();
    }

    @Test
    void actualDatesReplacePlannedOnes() {
        Activity course = activity("a", ActivityKind.LANGUAGE_COURSE, "2026-03-02", "2026-05-01", 12);
        Activity place = Activity.newBuilder(activity("b", ActivityKind.WORK_EXPERIENCE_PLACE, "2026-06-01", "2026-09-01", 16))
                .setActualStart(LocalDate.parse("2026-04-15")).build();
        assertThat(DualTrajectory.overlaps(List.of(course, place))).containsExactly(new DualTrajectory.Overlap("a", "b",
                LocalDate.parse("2026-04-15"), LocalDate.parse("2026-05-01"), true));
    }

    @Test
    void hoursBeyondTheAvailabilityAreReportedForTheTimeTheyRunTogether() {
        List<Activity> plan = List.of(
                activity("course", ActivityKind.LANGUAGE_COURSE, "2026-03-02", "2026-12-18", 12),
                activity("place", ActivityKind.WORK_EXPERIENCE_PLACE, "2026-05-04", "2026-10-30", 16),
                activity("knm", ActivityKind.KNM, "2026-06-01", "2026-06-30", 4));
        assertThat(DualTrajectory.hoursExceeded(plan, 24)).containsExactly(
                new DualTrajectory.HoursExceeded(LocalDate.parse("2026-05-04"), LocalDate.parse("2026-05-31"), 28, 24,
                        List.of("course", "place")),
                new DualTrajectory.HoursExceeded(LocalDate.parse("2026-06-01"), LocalDate.parse("2026-06-30"), 32, 24,
                        List.of("course", "place", "knm")),
                new DualTrajectory.HoursExceeded(LocalDate.parse("2026-07-01"), LocalDate.parse("2026-10-30"), 28, 24,
                        List.of("course", "place")));
        assertThat(DualTrajectory.hoursExceeded(plan, 32)).as("exactly the availability is fine").isEmpty();
        assertThat(DualTrajectory.hoursExceeded(plan, null)).as("no availability recorded, nothing to compare").isEmpty();
    }

    @Test
    void activitiesWithoutAnEndExceedWithoutEnd() {
        List<Activity> plan = List.of(
                activity("work", ActivityKind.PAID_WORK, "2026-01-05", null, 32),
                activity("course", ActivityKind.LANGUAGE_COURSE, "2026-02-02", null, 8));
        assertThat(DualTrajectory.hoursExceeded(plan, 36)).containsExactly(
                new DualTrajectory.HoursExceeded(LocalDate.parse("2026-02-02"), null, 40, 36, List.of("work", "course")));
    }
}
