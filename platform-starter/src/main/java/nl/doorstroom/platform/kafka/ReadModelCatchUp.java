package nl.doorstroom.platform.kafka;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Waits for a Kafka Streams read model of this instance to show what the broker has just acknowledged: a write answers
 * with the record as it is after the change, so it polls its own store for a short, bounded time. There is no callback
 * for "this record has been processed" in Kafka Streams' interactive queries, hence polling.
 */
public final class ReadModelCatchUp {

    static final Duration POLL = Duration.ofMillis(20);

    private ReadModelCatchUp() {
    }

    /**
     * Polls {@code caughtUp} until it holds or {@code patience} has passed.
     *
     * @return whether it holds; {@code false} after the patience, or at once when the thread is interrupted
     */
    public static boolean until(BooleanSupplier caughtUp, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!caughtUp.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            try {
                TimeUnit.NANOSECONDS.sleep(Math.min(left, POLL.toNanos()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
