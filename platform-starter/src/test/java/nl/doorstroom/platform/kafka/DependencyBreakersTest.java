package nl.doorstroom.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import nl.doorstroom.platform.kafka.DependencyBreakers.Dependency;
import nl.doorstroom.platform.kafka.DependencyBreakers.DependencyUnavailableException;

/** Writes fail fast while a dependency is known to be away, and only an unreachable dependency counts as away. */
class DependencyBreakersTest {

    private final DependencyBreakers breakers = new DependencyBreakers();
    private final AtomicInteger calls = new AtomicInteger();

    @Test
    void aBrokerThatTimesOutOpensItsBreakerAndWritesAreRefusedAtOnce() {
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> breakers.call(Dependency.BROKER, () -> {
                calls.incrementAndGet();
                throw new EventNotPublishedException("intake.person-events", new TimeoutException("Expiring 1 record(s)"));
            })).isInstanceOf(EventNotPublishedException.class);
        }
        assertThat(breakers.states()).containsEntry(Dependency.BROKER, CircuitBreaker.State.OPEN)
                .containsEntry(Dependency.REGISTRY, CircuitBreaker.State.CLOSED);

        assertThatThrownBy(() -> breakers.call(Dependency.BROKER, calls::incrementAndGet))
                .as("refused without trying: 503 with Retry-After").isInstanceOf(DependencyUnavailableException.class);
        assertThat(calls).hasValue(4);
        assertThat(breakers.call(Dependency.REGISTRY, () -> "the registry is still used")).isNotNull();

        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        breakers.bindTo(meters);
        assertThat(meters.get("doorstroom.dependency.state").tag("dependency", "kafka-broker").gauge().value()).isEqualTo(1);
        assertThat(meters.get("doorstroom.dependency.state").tag("dependency", "schema-registry").gauge().value()).isZero();
    }

    @Test
    void failuresThatAreNotAnOutageKeepTheBreakerClosed() {
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> breakers.call(Dependency.BROKER, () -> {
                throw new IllegalArgumentException("a rule in the code");
            })).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(breakers.states()).containsEntry(Dependency.BROKER, CircuitBreaker.State.CLOSED);
    }
}
