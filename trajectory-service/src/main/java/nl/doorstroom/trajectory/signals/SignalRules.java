package nl.doorstroom.trajectory.signals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import nl.doorstroom.trajectory.record.TrajectoryRecord;

/**
 * The rule of the signal list, without Kafka or Spring: a person with an open trajectory who arrived at the
 * municipality (link or move) more than {@code signalAfterWeeks} weeks ago gets a signal for each of: no accepted
 * handover, no brede intake, no activity planned or started. A closed trajectory gets none: the municipality has seen
 * the person. Everything recorded before a move counts (the trajectory so far follows the person), except the
 * acceptance, which the new municipality has to give itself.
 */
public final class SignalRules {

    private final Duration after;
    private final Clock clock;

    public SignalRules(int signalAfterWeeks, Clock clock) {
        if (signalAfterWeeks < 1) {
            throw new IllegalArgumentException("signalAfterWeeks must be at least 1");
        }
        this.after = Duration.ofDays(7L * signalAfterWeeks);
        this.clock = clock;
    }

    /**
     * The signals for one person; empty when there is nothing to signal.
     *
     * @param arrivedAt when the person was linked or moved to the municipality
     */
    public List<Signal> signals(Instant arrivedAt, TrajectoryRecord record) {
        if (record.isClosed() || !arrivedAt.plus(after).isBefore(clock.instant())) {
            return List.of();
        }
        List<Signal> signals = new ArrayList<>();
        if (!record.isAccepted()) {
            signals.add(Signal.NO_ACCEPTED_HANDOVER);
        }
        if (record.bredeIntake().isEmpty()) {
            signals.add(Signal.NO_BREDE_INTAKE);
        }
        if (record.activities().isEmpty()) {
            signals.add(Signal.NO_ACTIVITY);
        }
        return List.copyOf(signals);
    }
}
