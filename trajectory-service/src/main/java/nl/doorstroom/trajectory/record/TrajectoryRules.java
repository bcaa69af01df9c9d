package nl.doorstroom.trajectory.record;

import java.util.Optional;

/**
 * Which steps a trajectory allows in its current state. Acceptance comes first (a re-acceptance assigns the trajectory
 * to another case worker), except for a move, which the municipality can record before it accepted the handover (the
 * person may move on before that); the PIP is adopted after the brede intake, as the Wet inburgering 2021 orders them; nothing
 * is recorded after closure.
 */
public final class TrajectoryRules {

    /** A change to a trajectory. */
    public enum Step {
        ACCEPT_HANDOVER, RECORD_BREDE_INTAKE, ADOPT_PLAN, PLAN_ACTIVITY, CHANGE_ACTIVITY, REACH_MILESTONE, CLOSE,
        CHANGE_PLACEMENT_READINESS, MOVE
    }

    public static final String CLOSED = "trajectory.problem.closed";
    public static final String NOT_ACCEPTED = "trajectory.problem.not-accepted";
    public static final String NO_BREDE_INTAKE = "trajectory.problem.no-brede-intake";

    private TrajectoryRules() {
    }

    /** Why the step is not allowed now, as a problem message key; empty when it is. */
    public static Optional<String> conflict(TrajectoryRecord record, Step step) {
        if (record.isClosed()) {
            return Optional.of(CLOSED);
        }
        if (step != Step.ACCEPT_HANDOVER && step != Step.MOVE && !record.isAccepted()) {
            return Optional.of(NOT_ACCEPTED);
        }
        if (step == Step.ADOPT_PLAN && record.bredeIntake().isEmpty()) {
            return Optional.of(NO_BREDE_INTAKE);
        }
        return Optional.empty();
    }
}
