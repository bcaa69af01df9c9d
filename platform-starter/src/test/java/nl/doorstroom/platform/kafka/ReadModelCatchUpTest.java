package nl.doorstroom.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class ReadModelCatchUpTest {

    @Test
    void holdsAtOnceWithoutWaiting() {
        AtomicInteger asked = new AtomicInteger();
        assertThat(ReadModelCatchUp.until(() -> asked.incrementAndGet() > 0, Duration.ofSeconds(5))).isTrue();
        assertThat(asked).hasValue(1);
    }

    @Test
    void waitsUntilTheStoreCatchesUp() {
        AtomicInteger asked = new AtomicInteger();
        assertThat(ReadModelCatchUp.until(() -> asked.incrementAndGet() >= 3, Duration.ofSeconds(5))).isTrue();
        assertThat(asked).hasValue(3);
    }

    @Test
    void givesUpAfterThePatience() {
        long start = System.nanoTime();
        assertThat(ReadModelCatchUp.until(() -> false, Duration.ofMillis(50))).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(50), Duration.ofSeconds(5));
    }

    @Test
    void anInterruptedThreadStopsWaitingAndKeepsItsInterrupt() {
        Thread.currentThread().interrupt();
        try {
            assertThat(ReadModelCatchUp.until(() -> false, Duration.ofSeconds(5))).isFalse();
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
