package nl.doorstroom.employer.placement;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import nl.doorstroom.platform.security.CurrentUser;
import nl.doorstroom.platform.security.DoorstroomUser;
import nl.doorstroom.platform.security.Role;
import nl.doorstroom.platform.write.Decision;
import nl.doorstroom.platform.write.KeyedRecords;
import nl.doorstroom.platform.write.RecordStore;
import nl.doorstroom.platform.write.StepNotAllowedException;
import nl.doorstroom.platform.write.WritePath;
import nl.doorstroom.schemas.employer.Idempotency;
import nl.doorstroom.schemas.employer.PlacementEvent;
import nl.doorstroom.schemas.employer.PlacementRecordState;
import nl.doorstroom.schemas.employer.RecordedBy;
import nl.doorstroom.schemas.platform.RequestDigests;

/**
 * How a placement changes: through the platform's write path (one writer per placement across instances, version
 * check, Idempotency-Key, read-your-writes), with the steps {@link PlacementRules} allows, and the envelope of its
 * events: the employer and who recorded them.
 */
@Component
public class PlacementChanges {

    private final WritePath<PlacementRecord, PlacementEvent> writes;
    private final RecordStore<PlacementRecordState, PlacementRecord, PlacementEvent> store;

    PlacementChanges(KeyedRecords<PlacementRecordState, PlacementRecord, PlacementEvent> keyedPlacements) {
        this.writes = keyedPlacements.writes();
        this.store = keyedPlacements.store();
    }

    /**
     * The placement as stored, posted or not. One the read model does not show yet is waited for, bounded: right after
     * a restart the store may still be applying what was acknowledged before it, and a change to a placement just
     * posted must not be answered 404 (found by the fault matrix, employer-service killed mid-stream).
     */
    public PlacementRecord current(String placementId) {
        return store.awaitStored(placementId).orElseGet(() -> PlacementRecord.of(PlacementRecord.FOLD.empty(placementId)));
    }

    /** The stored placements of these ids, in one read per instance; ids without a posted placement are left out. */
    public List<PlacementRecord> all(List<String> placementIds) {
        return store.states().getAll(placementIds).values().stream().map(PlacementRecord::of)
                .filter(PlacementRecord::isPosted).toList();
    }

    /**
     * One change to one placement of the current employer.
     *
     * @param expectedVersion the version the employer saw; {@code null} for a posting (a new placement)
     * @param change          the event payloads, given the placement as it is
     */
    PlacementRecord apply(String placementId, PlacementRules.Step step, Integer expectedVersion, String idempotencyKey,
                          Object request, Function<PlacementRecord, List<Object>> change) {
        String kvk = CurrentUser.get().kvk();
        return writes.apply(new WritePath.Change(placementId, step.name(), expectedVersion, idempotencyKey, request),
                found -> {
                    PlacementRecord current = found.orElseGet(() -> PlacementRecord.of(PlacementRecord.FOLD.empty(placementId)));
                    PlacementRules.conflict(current, step).ifPresent(conflict -> {
                        throw new StepNotAllowedException(conflict, current.version());
                    });
                    return Decision.events(change.apply(current).stream()
                            .map(payload -> (Object) new EmployerPayload(kvk, payload)).toList());
                }).record();
    }

    /** A payload with the employer that owns the placement, for the envelope. */
    private record EmployerPayload(String kvk, Object payload) {
    }

    /** The event of one change to a placement: the employer and who recorded it. */
    static PlacementEvent envelope(String placementId, int version, Object payload, RequestDigests digests) {
        if (!(payload instanceof EmployerPayload employer)) {
            throw new IllegalArgumentException("not a placement change: " + payload);
        }
        return PlacementEvent.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setPlacementId(placementId)
                .setOccurredAt(Instant.now())
                .setEmployerKvk(employer.kvk())
                .setRecordVersion(version)
                .setRecordedBy(recordedBy())
                .setIdempotency(digests == null ? null : new Idempotency(digests.getKeyDigest(), digests.getRequestDigest()))
                .setPayload(employer.payload())
                .build();
    }

    private static RecordedBy recordedBy() {
        DoorstroomUser user = CurrentUser.get();
        List<String> roles = user.roles().stream().map(Role::claimValue).sorted().toList();
        return new RecordedBy(String.join(",", roles), user.kvk(), CurrentUser.accountId().orElse(null),
                CurrentUser.displayName().orElse(null));
    }
}
