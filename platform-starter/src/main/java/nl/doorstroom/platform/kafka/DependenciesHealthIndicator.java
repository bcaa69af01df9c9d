package nl.doorstroom.platform.kafka;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/**
 * Whether writes can reach the broker and the registry: down while a breaker is open (writes are refused at once),
 * with each breaker's state. Not part of readiness: an instance that cannot write can still read.
 */
public class DependenciesHealthIndicator extends AbstractHealthIndicator {

    private final DependencyBreakers breakers;

    public DependenciesHealthIndicator(DependencyBreakers breakers) {
        this.breakers = breakers;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        var states = breakers.states();
        if (states.containsValue(CircuitBreaker.State.OPEN)) {
            builder.down();
        } else {
            builder.up();
        }
        states.forEach((dependency, state) -> builder.withDetail(dependency.dependencyName(), state.name()));
    }
}
