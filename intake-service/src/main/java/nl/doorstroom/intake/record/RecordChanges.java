package nl.doorstroom.intake.record;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import nl.doorstroom.platform.security.CurrentUser;
import nl.doorstroom.platform.security.DoorstroomUser;
import nl.doorstroom.platform.security.Role;
import nl.doorstroom.platform.web.NotFoundException;
import nl.doorstroom.platform.write.Decision;
import nl.doorstroom.platform.write.KeyedRecords;
import nl.doorstroom.platform.write.WritePath;
import nl.doorstroom.schemas.intake.Idempotency;
import nl.doorstroom.schemas.intake.IntakeRecordState;
import nl.doorstroom.schemas.intake.PersonEvent;
import nl.doorstroom.schemas.intake.RecordedBy;
import nl.doorstroom.schemas.platform.RequestDigests;

/**
 * How a person's intake record changes: through the platform's write path (one writer per person across instances,
 * version check, Idempotency-Key, read-your-writes); this class adds only what is intake's own: the envelope of its
 * events and who recorded them.
 */
@Component
public class RecordChanges {

    /** The claim kind of a V-number ({@link nl.doorstroom.platform.write.ClaimKeys}): one person per V-number. */
    public static final String V_NUMBER_CLAIM = "v-number";

    private final WritePath<IntakeRecord, PersonEvent> writes;
    private final PersonRecords records;

    RecordChanges(KeyedRecords<IntakeRecordState, IntakeRecord, PersonEvent> intakeRecords, PersonRecords records) {
        this.writes = intakeRecords.writes();
        this.records = records;
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
        return decide(personId, operation, expectedVersion, idempotencyKey, request,
                current -> Decision.events(change.apply(current)));
    }

    /** A change that also claims or releases a unique natural key (the V-number). */
    public Outcome decide(String personId, String operation, Integer expectedVersion, String idempotencyKey, Object request,
                          Function<Optional<IntakeRecord>, Decision> decide) {
        var written = writes.apply(new WritePath.Change(personId, operation, expectedVersion, idempotencyKey, request), decide);
        return new Outcome(written.record(), written.replayed());
    }

    /** The registered person who holds a claim (the V-number of someone already here), without reading every record. */
    public Optional<IntakeRecord> holderOf(String claim) {
        return writes.holderOf(claim).flatMap(records::find);
    }

    /**
     * A change to the record of a registered person the current user may see (404 otherwise, before anything else is
     * checked, so a version or key cannot reveal that someone exists).
     */
    public IntakeRecord applyToVisible(String personId, String operation, Integer expectedVersion, String idempotencyKey,
                                       Object request, Function<Optional<IntakeRecord>, List<Object>> change) {
        return decideVisible(personId, operation, expectedVersion, idempotencyKey, request,
                current -> Decision.events(change.apply(current)));
    }

    public IntakeRecord decideVisible(String personId, String operation, Integer expectedVersion, String idempotencyKey,
                                      Object request, Function<Optional<IntakeRecord>, Decision> decide) {
        records.findVisible(personId).orElseThrow(() -> new NotFoundException("person"));
        return decide(personId, operation, expectedVersion, idempotencyKey, request, decide).record();
    }

    /**
     * The id a new person gets: random, or derived from the caller and the Idempotency-Key, so that a repeated
     * registration finds the person the first one created.
     */
    public String newPersonId(String idempotencyKey) {
        return idempotencyKey == null ? UUID.randomUUID().toString()
                : UUID.nameUUIDFromBytes(("registration\n" + CurrentUser.accountId().orElse("") + "\n" + idempotencyKey)
                        .getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The event of one change to a person's intake record, with who recorded it. */
    static PersonEvent envelope(String personId, int version, Object payload, RequestDigests digests) {
        return PersonEvent.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setPersonId(personId)
                .setOccurredAt(Instant.now())
                .setRecordVersion(version)
                .setRecordedBy(recordedBy())
                .setIdempotency(digests == null ? null : new Idempotency(digests.getKeyDigest(), digests.getRequestDigest()))
                .setPayload(payload)
                .build();
    }

    private static RecordedBy recordedBy() {
        DoorstroomUser user = CurrentUser.get();
        List<String> roles = user.roles().stream().map(Role::claimValue).sorted().toList();
        String organisation = user.location() != null ? user.location() : user.municipality();
        return new RecordedBy(String.join(",", roles), organisation, CurrentUser.accountId().orElse(null),
                CurrentUser.displayName().orElse(null));
    }
}
