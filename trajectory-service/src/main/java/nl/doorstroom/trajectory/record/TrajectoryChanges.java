package nl.doorstroom.trajectory.record;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import nl.doorstroom.platform.kafka.EventPublisher;
import nl.doorstroom.platform.security.CurrentUser;
import nl.doorstroom.platform.security.DoorstroomUser;
import nl.doorstroom.platform.security.Role;
import nl.doorstroom.schemas.Topics;
import nl.doorstroom.schemas.trajectory.Idempotency;
import nl.doorstroom.schemas.trajectory.RecordedBy;
import nl.doorstroom.schemas.trajectory.TrajectoryEvent;
import nl.doorstroom.platform.write.IdempotencyKeyReusedException;
import nl.doorstroom.platform.write.StaleVersionException;
import nl.doorstroom.platform.write.StepNotAllowedException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one way a person's trajectory changes. Per person, one change at a time:
 * <ul>
 *     <li>only a case worker of the municipality the person is linked to can change it (404 for anyone else, before
 *     anything else is checked, so a version or key cannot reveal that someone exists);</li>
 *     <li>a repeated request with the same Idempotency-Key is answered from the record instead of applied again, and
 *     the same key with another request is refused (422);</li>
 *     <li>a change based on another version than the record's is refused (409 with the current version), and so is a
 *     step the trajectory does not allow in its state ({@link TrajectoryRules}, 409);</li>
 *     <li>the events are published with the next versions, who recorded them and the key, and the change answers only
 *     once the broker has acknowledged them and the record shows them (read-your-writes for the next request).</li>
 * </ul>
 * Refused changes publish nothing. The lock is per instance: several instances of trajectory-service would need the
 * check moved into a stream processor keyed by person (documented limit, as in intake-service).
 */
@Component
public class TrajectoryChanges {

    private static final Logger log = LoggerFactory.getLogger(TrajectoryChanges.class);
    private static final int LOCK_STRIPES = 64;

    private final TrajectoryRecords records;
    private final EventPublisher events;
    private final JsonMapper json;
    private final ReentrantLock[] locks = new ReentrantLock[LOCK_STRIPES];

    TrajectoryChanges(TrajectoryRecords records, EventPublisher events, JsonMapper json) {
        this.records = records;
        this.events = events;
        this.json = json;
        for (int i = 0; i < LOCK_STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /**
     * The record after the change, and the events of this request: the ones just published, or for a repeated
     * request the ones the first request published.
     */
    public record Outcome(TrajectoryRecord record, List<TrajectoryEvent> events, boolean replayed) {

        /** The payload of the request's first event of this type (the activity just planned, for example). */
        public <T> T first(Class<T> type) {
            return events.stream().map(TrajectoryEvent::getPayload).filter(type::isInstance).map(type::cast)
                    .findFirst().orElseThrow();
        }
    }

    /**
     * A change to one person's trajectory.
     *
     * @param municipalityCode the municipality in the request path
     * @param personId         the person
     * @param step             what kind of change, for the state rules
     * @param expectedVersion  the version the user saw
     * @param idempotencyKey   the request's Idempotency-Key header, or {@code null}
     * @param request          the request body, for the digest
     * @param change           the events to publish, given the record as it is; may throw
     *                         {@link nl.doorstroom.platform.write.ChangeRefusedException} for a rule that needs the record
     */
    public Outcome apply(String municipalityCode, String personId, TrajectoryRules.Step step, int expectedVersion,
                         String idempotencyKey, Object request, Function<TrajectoryRecord, List<Object>> change) {
        records.requireVisible(municipalityCode, personId);
        Idempotency idempotency = idempotencyKey == null ? null : new Idempotency(keyDigest(idempotencyKey),
                digest(step.name() + "\n" + new String(json.writeValueAsBytes(request), StandardCharsets.UTF_8)));
        ReentrantLock lock = locks[Math.floorMod(personId.hashCode(), LOCK_STRIPES)];
        lock.lock();
        try {
            TrajectoryRecord current = records.current(personId);
            if (idempotency != null) {
                List<TrajectoryEvent> earlier = current.history().stream()
                        .filter(e -> e.getIdempotency() != null
                                && e.getIdempotency().getKeyDigest().equals(idempotency.getKeyDigest()))
                        .toList();
                if (!earlier.isEmpty()) {
                    if (!earlier.getFirst().getIdempotency().getRequestDigest().equals(idempotency.getRequestDigest())) {
                        throw new IdempotencyKeyReusedException();
                    }
                    return new Outcome(current, earlier, true);
                }
            }
            int version = current.version();
            if (expectedVersion != version) {
                throw new StaleVersionException(version);
            }
            var conflict = TrajectoryRules.conflict(current, step);
            if (conflict.isPresent()) {
                throw new StepNotAllowedException(conflict.get(), version);
            }
            List<Object> payloads = change.apply(current);
            RecordedBy recordedBy = recordedBy();
            List<TrajectoryEvent> published = new ArrayList<>();
            for (Object payload : payloads) {
                version++;
                TrajectoryEvent event = TrajectoryEvent.newBuilder()
                        .setEventId(UUID.randomUUID().toString())
                        .setPersonId(personId)
                        .setOccurredAt(Instant.now())
                        .setMunicipalityCode(municipalityCode)
                        .setRecordVersion(version)
                        .setRecordedBy(recordedBy)
                        .setIdempotency(idempotency)
                        .setPayload(payload)
                        .build();
                events.publish(Topics.TRAJECTORY_TRAJECTORY_EVENTS, personId, event);
                published.add(event);
            }
            if (!records.awaitVersion(personId, version)) {
                log.info("the trajectory store has not caught up with an acknowledged change yet");
            }
            return new Outcome(records.current(personId), published, false);
        } finally {
            lock.unlock();
        }
    }

    private static String keyDigest(String idempotencyKey) {
        return digest(CurrentUser.accountId().orElse("") + "\n" + idempotencyKey);
    }

    private static RecordedBy recordedBy() {
        DoorstroomUser user = CurrentUser.get();
        List<String> roles = user.roles().stream().map(Role::claimValue).sorted().toList();
        return new RecordedBy(String.join(",", roles), user.municipality(), CurrentUser.accountId().orElse(null),
                CurrentUser.displayName().orElse(null));
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
