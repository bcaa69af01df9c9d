package nl.doorstroom.schemas;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import nl.doorstroom.schemas.platform.WriteOutcome;
import nl.doorstroom.schemas.platform.WriteProposal;

/**
 * The topics of the single writer of one event topic's records (DESIGN §1): proposals keyed by record key, claims of
 * unique natural keys keyed by the claim, and the writer's outcomes. All three are transient: a proposal is worth
 * nothing after its requester stopped waiting, so they are kept {@link #RETENTION} only.
 *
 * @param events the event topic the writer appends to
 */
public record WritePathTopics(Topic<String, ?> events) {

    /** An hour: far beyond any request's wait, short enough that sealed request data does not linger. */
    public static final Duration RETENTION = Duration.ofHours(1);

    private static final Map<String, String> CONFIGS = Map.of("retention.ms", Long.toString(RETENTION.toMillis()));

    public Topic<String, WriteProposal> proposals() {
        return new Topic<>(events.name() + ".write-proposals", String.class, WriteProposal.class, false, CONFIGS);
    }

    public Topic<String, WriteProposal> claims() {
        return new Topic<>(events.name() + ".write-claims", String.class, WriteProposal.class, false, CONFIGS);
    }

    public Topic<String, WriteOutcome> outcomes() {
        return new Topic<>(events.name() + ".write-outcomes", String.class, WriteOutcome.class, false, CONFIGS);
    }

    public List<Topic<String, ?>> all() {
        return List.of(proposals(), claims(), outcomes());
    }
}
