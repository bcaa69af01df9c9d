package nl.doorstroom.trajectory.record;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import nl.doorstroom.schemas.trajectory.Activity;
import nl.doorstroom.schemas.trajectory.BredeIntakeRecorded;
import nl.doorstroom.schemas.trajectory.HandoverAccepted;
import nl.doorstroom.schemas.trajectory.MilestoneReached;
import nl.doorstroom.schemas.trajectory.PersonMoved;
import nl.doorstroom.schemas.trajectory.PlanAdopted;
import nl.doorstroom.schemas.trajectory.TrajectoryClosed;
import nl.doorstroom.schemas.trajectory.RecordedBy;
import nl.doorstroom.schemas.trajectory.TrajectoryEvent;

/**
 * A person's trajectory as the API answers it. Sections not recorded yet are absent.
 *
 * @param version         version of the trajectory record; send it with the next change (0 before acceptance)
 * @param status          {@code HANDOVER_PENDING}, {@code ACCEPTED} or {@code CLOSED}
 * @param integrationTerm the three-year inburgeringstermijn, from the day after the first PIP's date
 * @param readyForPlacements whether a case worker marked the person ready for placements
 * @param moves           the moves between municipalities, oldest first
 */
@Schema(name = "Trajectory", description = "The inburgering and participation trajectory of a person linked to the municipality")
public record TrajectoryView(String personId, String municipalityCode, int version, String status,
                             Acceptance acceptance, BredeIntake bredeIntake, Plan plan, IntegrationTerm integrationTerm,
                             List<ActivityView> activities, List<Milestone> milestones, Closure closure,
                             boolean readyForPlacements, List<Move> moves) {

    /**
     * @param fromMunicipalityCode CBS code of the municipality the person left
     * @param toMunicipalityCode   CBS code of the municipality the person moved to
     * @param recordedAt           when the move was recorded
     */
    public record Move(String fromMunicipalityCode, String toMunicipalityCode, LocalDate moveDate, Instant recordedAt) {

        static Move of(TrajectoryEvent event) {
            PersonMoved moved = (PersonMoved) event.getPayload();
            return new Move(moved.getFromMunicipalityCode(), moved.getToMunicipalityCode(), moved.getMoveDate(),
                    event.getOccurredAt());
        }
    }

    /**
     * @param caseWorkerAccountId the case worker the trajectory is assigned to
     * @param caseWorkerName      that case worker's name, as it was recorded with a change of this trajectory; the
     *                            account id until they recorded one (or for changes recorded before names were kept)
     * @param acceptedBy          account id of the case worker who accepted (or re-assigned) it
     */
    public record Acceptance(String caseWorkerAccountId, String caseWorkerName, String acceptedBy, Instant acceptedAt) {
    }

    /**
     * @param learnabilityTestOutcome {@code B1_ATTAINABLE}, {@code B1_NOT_ATTAINABLE} or {@code EXEMPTED}
     */
    public record BredeIntake(LocalDate date, String learnabilityTestOutcome, String educationFindings,
                              String workFindings, String circumstancesFindings) {
    }

    /** @param learningRoute {@code B1_ROUTE}, {@code ONDERWIJSROUTE} or {@code Z_ROUTE} */
    public record Plan(String learningRoute, LocalDate adoptedOn, String deviationReason) {

        public static Plan of(PlanAdopted plan) {
            return new Plan(plan.getLearningRoute().name(), plan.getAdoptedOn(), plan.getDeviationReason());
        }
    }

    /** @param kind one of the activity kinds, e.g. {@code LANGUAGE_COURSE} or {@code WORK_EXPERIENCE_PLACE} */
    public record ActivityView(String activityId, String kind, LocalDate plannedStart, LocalDate plannedEnd,
                               LocalDate actualStart, LocalDate actualEnd, int hoursPerWeek, String provider) {

        public static ActivityView of(Activity a) {
            return new ActivityView(a.getActivityId(), a.getKind().name(), a.getPlannedStart(), a.getPlannedEnd(),
                    a.getActualStart(), a.getActualEnd(), a.getHoursPerWeek(), a.getProvider());
        }
    }

    /**
     * @param skill CEFR skill of a passed exam
     * @param level CEFR level of a passed exam
     */
    public record Milestone(String milestoneId, String kind, LocalDate date, String skill, String level,
                            String description) {

        public static Milestone of(MilestoneReached m) {
            return new Milestone(m.getMilestoneId(), m.getKind().name(), m.getDate(),
                    m.getSkill() == null ? null : m.getSkill().name(), m.getLevel() == null ? null : m.getLevel().name(),
                    m.getDescription());
        }
    }

    /** @param outcome {@code COMPLETED}, {@code EXEMPTED}, {@code TERM_EXPIRED}, {@code MOVED_ABROAD} or {@code OTHER} */
    public record Closure(LocalDate closedOn, String outcome, String note) {
    }

    /** The view of a record, read for a case worker of {@code municipalityCode} (the person is linked to it). */
    public static TrajectoryView of(TrajectoryRecord r, String municipalityCode) {
        return new TrajectoryView(r.personId(), municipalityCode, r.version(), statusOf(r),
                r.acceptance().map(TrajectoryView::acceptance).orElse(null),
                r.bredeIntake().map(TrajectoryView::bredeIntake).orElse(null),
                r.plan().map(Plan::of).orElse(null),
                r.integrationTerm().orElse(null),
                r.activities().stream().map(ActivityView::of).toList(),
                r.milestones().stream().map(Milestone::of).toList(),
                r.closure().map(TrajectoryView::closure).orElse(null),
                r.isReadyForPlacements(),
                r.moves().stream().map(Move::of).toList());
    }

    /** {@code HANDOVER_PENDING}, {@code ACCEPTED} or {@code CLOSED}. */
    public static String statusOf(TrajectoryRecord r) {
        return r.isClosed() ? "CLOSED" : r.isAccepted() ? "ACCEPTED" : "HANDOVER_PENDING";
    }

    private static Acceptance acceptance(TrajectoryEvent event) {
        HandoverAccepted accepted = (HandoverAccepted) event.getPayload();
        String caseWorker = accepted.getCaseWorkerAccountId();
        // the name the acceptance carries when the case worker accepted it themselves; a colleague assigned by someone
        // else is shown by account until they accept it themselves
        RecordedBy by = event.getRecordedBy();
        String name = by != null && caseWorker.equals(by.getAccountId()) && by.getDisplayName() != null
                ? by.getDisplayName() : caseWorker;
        return new Acceptance(caseWorker, name, by == null ? null : by.getAccountId(), event.getOccurredAt());
    }

    private static BredeIntake bredeIntake(BredeIntakeRecorded b) {
        return new BredeIntake(b.getDate(), b.getLearnabilityTestOutcome().name(), b.getEducationFindings(),
                b.getWorkFindings(), b.getCircumstancesFindings());
    }

    private static Closure closure(TrajectoryClosed c) {
        return new Closure(c.getClosedOn(), c.getOutcome().name(), c.getNote());
    }
}
