package nl.doorstroom.platform.kafka;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * One circuit breaker per dependency of a write: the broker and the schema registry. After a run of calls that failed
 * because the dependency is away ({@link DependencyFailures}: the broker's timeouts, a refused connection), writes are
 * refused at once with 503 and Retry-After instead of each holding a request for the whole publish timeout; after
 * {@link #OPEN_FOR} a few trial calls find out whether it is back. Their states are in health
 * ({@code dependencies}) and in the metric {@code doorstroom.dependency.state} (0 closed, 1 open, 2 half open).
 */
public class DependencyBreakers {

    /** How long writes are refused at once before a trial call; also the Retry-After of a refused write. */
    public static final Duration OPEN_FOR = Duration.ofSeconds(10);

    /** What a write depends on. */
    public enum Dependency {
        BROKER("kafka-broker"), REGISTRY("schema-registry");

        private final String name;

        Dependency(String name) {
            this.name = name;
        }

        public String dependencyName() {
            return name;
        }
    }

    private final Map<Dependency, CircuitBreaker> breakers = new EnumMap<>(Dependency.class);

    public DependencyBreakers() {
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .slidingWindowSize(10).minimumNumberOfCalls(4).failureRateThreshold(50)
                .waitDurationInOpenState(OPEN_FOR).permittedNumberOfCallsInHalfOpenState(2)
                // only an unreachable dependency counts: a writer that is slow to answer (partitions moving) is not one
                .recordException(DependencyFailures::isUnreachable)
                .build();
        for (Dependency dependency : Dependency.values()) {
            breakers.put(dependency, CircuitBreaker.of(dependency.dependencyName(), config));
        }
    }

    /**
     * Runs a call that needs the dependency.
     *
     * @throws DependencyUnavailableException while the dependency is known to be away (503)
     */
    public <T> T call(Dependency dependency, Supplier<T> call) {
        try {
            return breakers.get(dependency).executeSupplier(call);
        } catch (CallNotPermittedException e) {
            throw new DependencyUnavailableException(dependency, e);
        }
    }

    /** Each dependency's breaker state: CLOSED (in use), OPEN (known away), HALF_OPEN (trying). */
    public Map<Dependency, CircuitBreaker.State> states() {
        Map<Dependency, CircuitBreaker.State> states = new EnumMap<>(Dependency.class);
        breakers.forEach((dependency, breaker) -> states.put(dependency, breaker.getState()));
        return states;
    }

    /** Publishes the states as the gauge {@code doorstroom.dependency.state}, tagged with the dependency. */
    public void bindTo(MeterRegistry registry) {
        breakers.forEach((dependency, breaker) -> Gauge.builder("doorstroom.dependency.state", breaker,
                        b -> switch (b.getState()) {
                            case CLOSED -> 0;
                            case OPEN, FORCED_OPEN -> 1;
                            default -> 2;
                        })
                .tag("dependency", dependency.dependencyName())
                .description("Circuit breaker of a write's dependency: 0 closed, 1 open (writes refused at once), 2 trying")
                .register(registry));
    }

    /** A write refused at once: the dependency is known to be away. */
    public static class DependencyUnavailableException extends EventNotPublishedException {

        DependencyUnavailableException(Dependency dependency, CallNotPermittedException cause) {
            super(dependency.dependencyName(), cause);
        }
    }
}
