package nl.doorstroom.platform.privacy;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Readiness of the data-key read model: down until its first read of {@code privacy.subject-keys} is complete, and
 * while it is behind because the broker or the registry cannot be reached, so a load balancer sends no person's
 * request to an instance that would answer it with 503.
 */
public class SubjectKeysHealthIndicator extends AbstractHealthIndicator {

    private final SubjectKeyStore store;

    public SubjectKeysHealthIndicator(SubjectKeyStore store) {
        this.store = store;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        if (!(store instanceof KafkaSubjectKeyStore kafka)) {
            // a store of another kind has no read model to wait for
            builder.up();
            return;
        }
        if (kafka.isReady()) {
            builder.up();
        } else {
            builder.down();
        }
        builder.withDetail("keys", kafka.size());
    }
}
