package nl.doorstroom.trajectory.plan;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import nl.doorstroom.trajectory.record.IntegrationTerm;
import nl.doorstroom.trajectory.record.TrajectoryRecord;
import nl.doorstroom.trajectory.record.TrajectoryView;

/**
 * The plan as a case worker reads it: the route, the integration term, the activities on a timeline, which of them
 * run at the same time and whether the hours planned at once fit the person's availability.
 *
 * @param version                  version of the trajectory record
 * @param availableHoursPerWeek    from the early intake; absent when not recorded (then no hours warning is possible)
 * @param dualTrajectory           whether language runs alongside work or education at some time
 * @param overlaps                 every pair of activities that run at the same time
 * @param hoursExceeded            the periods in which the planned hours exceed the availability (a warning, not an error)
 */
@Schema(name = "Plan", description = "The PIP with its activities, overlaps and availability warnings")
public record PlanView(String personId, int version, TrajectoryView.Plan plan, IntegrationTerm integrationTerm,
                       Integer availableHoursPerWeek, List<TrajectoryView.ActivityView> activities,
                       boolean dualTrajectory, List<DualTrajectory.Overlap> overlaps,
                       List<DualTrajectory.HoursExceeded> hoursExceeded) {

    public static PlanView of(TrajectoryRecord record, Integer availableHoursPerWeek) {
        List<DualTrajectory.Overlap> overlaps = DualTrajectory.overlaps(record.activities());
        return new PlanView(record.personId(), record.version(), record.plan().map(TrajectoryView.Plan::of).orElse(null),
                record.integrationTerm().orElse(null), availableHoursPerWeek,
                record.activities().stream().map(TrajectoryView.ActivityView::of).toList(),
                overlaps.stream().anyMatch(DualTrajectory.Overlap::dual), overlaps,
                DualTrajectory.hoursExceeded(record.activities(), availableHoursPerWeek));
    }
}
