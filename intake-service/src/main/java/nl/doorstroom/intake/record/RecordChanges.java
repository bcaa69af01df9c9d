package nl.doorstroom.intake.record;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
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
import nl.doorstroom.platform.web.NotFoundException;
import nl.doorstroom.schemas.Topics;
import nl.doorstroom.schemas.intake.Idempotency;
import nl.doorstroom.schemas.intake.PersonEvent;
import nl.doorstroom.schemas.intake.RecordedBy;
import nl.doorstroom.platform.write.IdempotencyKeyReusedException;
import nl.doorstroom.platform.write.StaleVersionException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one way a person's intake record changes. Per person, one change at a time:
 * <ul>
 *     <li>a repeated request with the same Idempotency-Key is answered from the record instead of applied again, and
 *     the same key with another request is refused (422);</li>
 *     <li>a change based on an older version than the record's is refused (409 with the current version), so two staff
 *     members editing the same person never silently overwrite each other;</li>
 *     <li>the events are published with the next versions, who recorded them and the key, and the change answers only
 *     once the broker has acknowledged them and the record shows them (read-your-writes for the next request).</li>
 * </ul>
 * The lock is per instance: several instances of intake-service would need the check moved into the stream
 * processor (documented limit).
 */
@Component
public class RecordChanges {

    private static final Logger log = LoggerFactory.getLogger(RecordChanges.class);
    private static final int LOCK_STRIPES = 64;

    private final PersonRecords records;
    private final EventPublisher events;
    private final JsonMapper json;
    private final ReentrantLock[] locks = new ReentrantLock[LOCK_STRIPES];

    RecordChanges(PersonRecords records, EventPublisher events, JsonMapper json) {
        this.records = records;
        this.events = events;
        this.json = json;
        for (int i = 0; i < LOCK_STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /** The record after the change, and whether this was a repeat of an earlier request (nothing new published). */
    public record Outcome(IntakeRecord record, boolean replayed) {
    }

    /**
     * A change to one person's record.
     *
     * @param personId        the person
     * @param operation       name of the operation, part of the request digest (the same body to two operations differs)
     * @param expectedVersion the version the user saw, or {@code null} for a change that does not depend on it
     * @param idempotencyKey  the request's Idempotency-Key header, or {@code null}
     * @param request         the request body, for the digest
     * @param change          the events to publish, given the record as it is (empty for a new person)
     */
    public Outcome apply(String personId, String operation, Integer expectedVersion, String idempotencyKey, Object request,
                         Function<Optional<IntakeRecord>, List<Object>> change) {
        Idempotency idempotency = idempotencyKey == null ? null : new Idempotency(keyDigest(idempotencyKey),
                digest(operation + "\n" + new String(json.writeValueAsBytes(request), StandardCharsets.UTF_8)));
        ReentrantLock lock = locks[Math.floorMod(personId.hashCode(), LOCK_STRIPES)];
        lock.lock();
        try {
            Optional<IntakeRecord> current = records.current(personId);
            if (idempotency != null) {
                Optional<PersonEvent> earlier = current.stream().flatMap(r -> r.history().stream())
                        .filter(e -> e.getIdempotency() != null
                                && e.getIdempotency().getKeyDigest().equals(idempotency.getKeyDigest()))
                        .findFirst();
                if (earlier.isPresent()) {
                    if (!earlier.get().getIdempotency().getRequestDigest().equals(idempotency.getRequestDigest())) {
                        throw new IdempotencyKeyReusedException();
                    }
                    return new Outcome(current.get(), true);
                }
            }
            int version = current.map(IntakeRecord::version).orElse(0);
            if (expectedVersion != null && expectedVersion != version) {
                throw new StaleVersionException(version);
            }
            List<Object> payloads = change.apply(current);
            RecordedBy recordedBy = recordedBy();
            for (Object payload : payloads) {
                version++;
                events.publish(Topics.INTAKE_PERSON_EVENTS, personId, PersonEvent.newBuilder()
                        .setEventId(UUID.randomUUID().toString())
                        .setPersonId(personId)
                        .setOccurredAt(Instant.now())
                        .setRecordVersion(version)
                        .setRecordedBy(recordedBy)
                        .setIdempotency(idempotency)
                        .setPayload(payload)
                        .build());
            }
            if (!records.awaitVersion(personId, version)) {
                log.info("the record store has not caught up with an acknowledged change yet");
            }
            return new Outcome(records.current(personId).orElseThrow(), false);
        } finally {
            lock.unlock();
        }
    }

    /**
     * A change to the record of a registered person the current user may see (404 otherwise, before anything else is
     * checked, so a version or key cannot reveal that someone exists).
     */
    public IntakeRecord applyToVisible(String personId, String operation, Integer expectedVersion, String idempotencyKey,
                                       Object request, Function<Optional<IntakeRecord>, List<Object>> change) {
        records.findVisible(personId).orElseThrow(() -> new NotFoundException("person"));
        return apply(personId, operation, expectedVersion, idempotencyKey, request, change).record();
    }

    /**
     * The id a new person gets: random, or derived from the caller and the Idempotency-Key, so that a repeated
     * registration finds the person the first one created.
     */
    public String newPersonId(String idempotencyKey) {
        return idempotencyKey == null ? UUID.randomUUID().toString()
                : UUID.nameUUIDFromBytes(("registration\n" + keyDigest(idempotencyKey)).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String keyDigest(String idempotencyKey) {
        return digest(CurrentUser.accountId().orElse("") + "\n" + idempotencyKey);
    }

    private static RecordedBy recordedBy() {
        DoorstroomUser user = CurrentUser.get();
        List<String> roles = new ArrayList<>(user.roles().stream().map(Role::claimValue).sorted().toList());
        String organisation = user.location() != null ? user.location() : user.municipality();
        return new RecordedBy(String.join(",", roles), organisation, CurrentUser.accountId().orElse(null),
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
