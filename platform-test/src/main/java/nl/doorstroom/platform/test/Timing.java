package nl.doorstroom.platform.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** How long a call takes, for the figures tests print: the median of five runs after one warm-up. */
public final class Timing {

    private static final int RUNS = 5;

    private Timing() {
    }

    /** The median time of {@code call} in milliseconds. */
    public static long medianMillis(Runnable call) {
        call.run();
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            call.run();
            millis.add(Duration.ofNanos(System.nanoTime() - start).toMillis());
        }
        return millis.stream().sorted().toList().get(RUNS / 2);
    }
}
