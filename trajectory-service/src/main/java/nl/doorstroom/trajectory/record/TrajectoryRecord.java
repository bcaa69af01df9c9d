package nl.doorstroom.trajectory.record;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import nl.doorstroom.platform.write.RecordFold;
import nl.doorstroom.platform.write.RecordStores;
import nl.doorstroom.platform.write.RecordStore;
import nl.doorstroom.schemas.platform.WriterState;
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
import nl.doorstroom.schemas.trajectory.TrajectoryErased;
import nl.doorstroom.schemas.trajectory.TrajectoryEvent;
import nl.doorstroom.schemas.trajectory.TrajectoryRecordState;

/**
 * A person's trajectory record as it stands after its events: each section is the one its latest event recorded;
 * activities are kept by id (the latest change of each), milestones in the order they were recorded, and every event
 * is one version. The record keeps no history ({@link TrajectoryRecords#history} has the events), so it stays the same
 * size however often a section is corrected. A move hands the trajectory to the new municipality: everything recorded
 * so far stays, but the handover waits for a case worker there to accept it. No Kafka and no Spring here.
 */
public final class TrajectoryRecord implements RecordStore.Versioned {

    /** How the stored record follows the events; the platform adds the version and the recent requests. */
    static final RecordFold<TrajectoryRecordState, TrajectoryEvent> FOLD = RecordFold.of(
            personId -> TrajectoryRecordState.newBuilder().setPersonId(personId).setWrites(RecordFold.unwritten()).build(),
            TrajectoryRecordState::getWrites, TrajectoryRecord::apply,
            event -> event.getPayload() instanceof TrajectoryErased);

    private final TrajectoryRecordState state;

    private TrajectoryRecord(TrajectoryRecordState state) {
        this.state = state;
    }

    /** The record as its store keeps it. */
    public static TrajectoryRecord of(TrajectoryRecordState state) {
        return new TrajectoryRecord(state);
    }

    /** The record after these events, oldest first. */
    public static TrajectoryRecord of(String personId, List<TrajectoryEvent> events) {
        TrajectoryRecord record = empty(personId);
        for (TrajectoryEvent event : events) {
            record = record.with(event);
        }
        return record;
    }

    /** The record of a person whose handover has not been accepted yet: version 0. */
    public static TrajectoryRecord empty(String personId) {
        return new TrajectoryRecord(FOLD.empty(personId));
    }

    /** The record after one more event. */
    public TrajectoryRecord with(TrajectoryEvent event) {
        return new TrajectoryRecord(RecordStores.fold(FOLD, state, event));
    }

    private static TrajectoryRecordState apply(TrajectoryRecordState record, TrajectoryEvent event, WriterState written) {
        if (event.getPayload() instanceof TrajectoryErased erased) {
            // nothing of the person stays: only the version, so a late change is refused as stale
            return TrajectoryRecordState.newBuilder().setPersonId(record.getPersonId())
                    .setWrites(new WriterState(written.getVersion(), List.of())).setErasure(erased).build();
        }
        var next = TrajectoryRecordState.newBuilder(record).setWrites(written);
        switch (event.getPayload()) {
            case HandoverAccepted ignored -> next.setAcceptance(event);
            case BredeIntakeRecorded recorded -> next.setBredeIntake(recorded);
            case PlanAdopted adopted -> {
                next.setPlan(adopted);
                if (record.getFirstPlanAdoptedOn() == null) {
                    next.setFirstPlanAdoptedOn(adopted.getAdoptedOn());
                }
            }
            case ActivityPlanned planned -> next.setActivities(withActivity(record, planned.getActivity()));
            case ActivityChanged changed -> next.setActivities(withActivity(record, changed.getActivity()));
            case MilestoneReached reached -> next.setMilestones(with(record.getMilestones(), reached));
            case TrajectoryClosed closed -> next.setClosure(closed);
            case PersonMoved ignored -> next.setMoves(with(record.getMoves(), event)).setAcceptance(null);
            case PlacementReadinessChanged readiness -> next.setReadyForPlacements(readiness.getReady());
            case null, default -> {
                // a newer version of this service may add event types; this one leaves them out of the record
            }
        }
        return next.build();
    }

    /** The activities with this one added, or in its place when it was planned before. */
    private static List<Activity> withActivity(TrajectoryRecordState record, Activity activity) {
        List<Activity> activities = new ArrayList<>(record.getActivities());
        List<String> ids = activities.stream().map(Activity::getActivityId).toList();
        int planned = ids.indexOf(activity.getActivityId());
        if (planned < 0) {
            activities.add(activity);
        } else {
            activities.set(planned, activity);
        }
        return activities;
    }

    private static <T> List<T> with(List<T> list, T added) {
        List<T> longer = new ArrayList<>(list);
        longer.add(added);
        return longer;
    }

    public String personId() {
        return state.getPersonId();
    }

    /**
     * The writer's part: the version (the number of changes recorded, the accepted handover included; 0 before the
     * handover is accepted) and recent requests.
     */
    @Override
    public WriterState writes() {
        return state.getWrites();
    }

    /** Whether the handover is accepted by the municipality responsible now (a move makes it pending again). */
    public boolean isAccepted() {
        return state.getAcceptance() != null;
    }

    /** Whether the person was erased: the record then holds nothing but its version. */
    public boolean isErased() {
        return state.getErasure() != null;
    }

    public boolean isClosed() {
        return state.getClosure() != null;
    }

    /** Whether a case worker marked the person ready for placements (and did not take the mark away since). */
    public boolean isReadyForPlacements() {
        return state.getReadyForPlacements();
    }

    /**
     * The municipality the trajectory belongs to: the one whose case worker accepted it, or after a move the one the
     * person moved to; {@code null} before the handover is accepted.
     */
    public String municipalityCode() {
        if (!state.getMoves().isEmpty()) {
            return ((PersonMoved) state.getMoves().getLast().getPayload()).getToMunicipalityCode();
        }
        return state.getAcceptance() == null ? null : state.getAcceptance().getMunicipalityCode();
    }

    /** The moves to other municipalities, as their events, oldest first. */
    public List<TrajectoryEvent> moves() {
        return List.copyOf(state.getMoves());
    }

    /** The latest acceptance (or re-assignment) since the last move, as its event, for who accepted it and when. */
    public Optional<TrajectoryEvent> acceptance() {
        return Optional.ofNullable(state.getAcceptance());
    }

    public Optional<BredeIntakeRecorded> bredeIntake() {
        return Optional.ofNullable(state.getBredeIntake());
    }

    public Optional<PlanAdopted> plan() {
        return Optional.ofNullable(state.getPlan());
    }

    /** The integration term, once the first PIP has been adopted. */
    public Optional<IntegrationTerm> integrationTerm() {
        return Optional.ofNullable(state.getFirstPlanAdoptedOn()).map(IntegrationTerm::fromFirstPlan);
    }

    /** The activities in the order they were first planned, each as last changed. */
    public List<Activity> activities() {
        return List.copyOf(state.getActivities());
    }

    public Optional<Activity> activity(String activityId) {
        return state.getActivities().stream().filter(a -> a.getActivityId().equals(activityId)).findFirst();
    }

    public List<MilestoneReached> milestones() {
        return List.copyOf(state.getMilestones());
    }

    public Optional<TrajectoryClosed> closure() {
        return Optional.ofNullable(state.getClosure());
    }
}
