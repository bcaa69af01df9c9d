package nl.doorstroom.trajectory.record;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.doorstroom.schemas.trajectory.Activity;
import nl.doorstroom.schemas.trajectory.ActivityChanged;
import nl.doorstroom.schemas.trajectory.ActivityPlanned;
import nl.doorstroom.schemas.trajectory.BredeIntakeRecorded;
import nl.doorstroom.schemas.trajectory.HandoverAccepted;
import nl.doorstroom.schemas.trajectory.MilestoneReached;
import nl.doorstroom.schemas.trajectory.PersonMoved;
import nl.doorstroom.schemas.trajectory.PlacementReadinessChanged;
import nl.doorstroom.schemas.trajectory.PlanAdopted;
import nl.doorstroom.schemas.trajectory.TrajectoryClosed;
import nl.doorstroom.schemas.trajectory.TrajectoryEvent;

/**
 * A person's trajectory record as it stands after its events: each event is one version, so the version is the number
 * of events. Each section is the one its latest event recorded; activities are kept by id (the latest change of each),
 * milestones in the order they were recorded. A move hands the trajectory to the new municipality: everything recorded
 * so far stays, but the handover waits for a case worker there to accept it. No Kafka and no Spring here.
 */
public final class TrajectoryRecord {

    private final String personId;
    private final List<TrajectoryEvent> history;
    private TrajectoryEvent acceptance;
    private BredeIntakeRecorded bredeIntake;
    private PlanAdopted plan;
    private LocalDate firstPlanAdoptedOn;
    private final Map<String, Activity> activities = new LinkedHashMap<>();
    private final List<MilestoneReached> milestones = new ArrayList<>();
    private TrajectoryClosed closure;
    private boolean readyForPlacements;
    private final List<TrajectoryEvent> moves = new ArrayList<>();

    private TrajectoryRecord(String personId, List<TrajectoryEvent> history) {
        this.personId = personId;
        this.history = List.copyOf(history);
        history.forEach(this::apply);
    }

    public static TrajectoryRecord of(String personId, List<TrajectoryEvent> history) {
        return new TrajectoryRecord(personId, history);
    }

    /** The record of a person whose handover has not been accepted yet: version 0. */
    public static TrajectoryRecord empty(String personId) {
        return new TrajectoryRecord(personId, List.of());
    }

    private void apply(TrajectoryEvent event) {
        switch (event.getPayload()) {
            case HandoverAccepted ignored -> acceptance = event;
            case BredeIntakeRecorded recorded -> bredeIntake = recorded;
            case PlanAdopted adopted -> {
                plan = adopted;
                if (firstPlanAdoptedOn == null) {
                    firstPlanAdoptedOn = adopted.getAdoptedOn();
                }
            }
            case ActivityPlanned planned -> activities.put(planned.getActivity().getActivityId(), planned.getActivity());
            case ActivityChanged changed -> activities.put(changed.getActivity().getActivityId(), changed.getActivity());
            case MilestoneReached reached -> milestones.add(reached);
            case TrajectoryClosed closed -> closure = closed;
            case PersonMoved ignored -> {
                moves.add(event);
                acceptance = null;
            }
            case PlacementReadinessChanged readiness -> readyForPlacements = readiness.getReady();
            case null, default -> {
                // a newer version of this service may add event types; this one leaves them out of the record
            }
        }
    }

    public String personId() {
        return personId;
    }

    /** The number of changes recorded, the accepted handover included; 0 before the handover is accepted. */
    public int version() {
        return history.size();
    }

    public List<TrajectoryEvent> history() {
        return history;
    }

    /** Whether the handover is accepted by the municipality responsible now (a move makes it pending again). */
    public boolean isAccepted() {
        return acceptance != null;
    }

    public boolean isClosed() {
        return closure != null;
    }

    /** Whether a case worker marked the person ready for placements (and did not take the mark away since). */
    public boolean isReadyForPlacements() {
        return readyForPlacements;
    }

    /** The moves to other municipalities, as their events, oldest first. */
    public List<TrajectoryEvent> moves() {
        return List.copyOf(moves);
    }

    /** The latest acceptance (or re-assignment) since the last move, as its event, for who accepted it and when. */
    public Optional<TrajectoryEvent> acceptance() {
        return Optional.ofNullable(acceptance);
    }

    public Optional<BredeIntakeRecorded> bredeIntake() {
        return Optional.ofNullable(bredeIntake);
    }

    public Optional<PlanAdopted> plan() {
        return Optional.ofNullable(plan);
    }

    /** The integration term, once the first PIP has been adopted. */
    public Optional<IntegrationTerm> integrationTerm() {
        return Optional.ofNullable(firstPlanAdoptedOn).map(IntegrationTerm::fromFirstPlan);
    }

    /** The activities in the order they were first planned, each as last changed. */
    public List<Activity> activities() {
        return List.copyOf(activities.values());
    }

    public Optional<Activity> activity(String activityId) {
        return Optional.ofNullable(activities.get(activityId));
    }

    public List<MilestoneReached> milestones() {
        return List.copyOf(milestones);
    }

    public Optional<TrajectoryClosed> closure() {
        return Optional.ofNullable(closure);
    }
}
