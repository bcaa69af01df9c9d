package nl.doorstroom.employer.introductions;

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
import nl.doorstroom.platform.write.WritePath;
import nl.doorstroom.schemas.employer.CandidateMatchState;
import nl.doorstroom.schemas.employer.Idempotency;
import nl.doorstroom.schemas.employer.MatchEvent;
import nl.doorstroom.schemas.employer.RecordedBy;
import nl.doorstroom.schemas.platform.RequestDigests;

/**
 * How a candidate's introductions change: through the platform's write path, one writer per candidate (so two case
 * workers or an employer and a case worker acting at once are decided one after the other), with the envelope of its
 * events: the placement and who recorded the step.
 */
@Component
class IntroductionChanges {

    private final WritePath<CandidateMatchRecord, MatchEvent> writes;
    private final RecordStore<CandidateMatchState, CandidateMatchRecord, MatchEvent> store;

    IntroductionChanges(KeyedRecords<CandidateMatchState, CandidateMatchRecord, MatchEvent> keyedIntroductions) {
        this.writes = keyedIntroductions.writes();
        this.store = keyedIntroductions.store();
    }

    CandidateMatchRecord current(String pseudonym) {
        return store.stored(pseudonym).orElseGet(() -> CandidateMatchRecord.empty(pseudonym));
    }

    /**
     * As {@link #current}, for a request about an introduction that should exist: one the read model does not show
     * yet (right after a restart) is waited for, bounded, rather than answered as unknown.
     */
    CandidateMatchRecord awaitCurrent(String pseudonym) {
        return store.awaitStored(pseudonym).orElseGet(() -> CandidateMatchRecord.empty(pseudonym));
    }

    List<CandidateMatchRecord> all(List<String> pseudonyms) {
        return store.states().getAll(pseudonyms).values().stream().map(CandidateMatchRecord::of).toList();
    }

    /** One step of one candidate's introduction to one placement; {@code decide} may refuse it. */
    CandidateMatchRecord apply(String pseudonym, String placementId, String operation, Integer expectedVersion,
                               String idempotencyKey, Object request, Function<CandidateMatchRecord, List<Object>> decide) {
        return writes.apply(new WritePath.Change(pseudonym, operation, expectedVersion, idempotencyKey, request),
                found -> Decision.events(decide.apply(found.orElseGet(() -> CandidateMatchRecord.empty(pseudonym))).stream()
                        .map(payload -> (Object) new PlacementStep(placementId, recordedBy(), payload)).toList()))
                .record();
    }

    /** A step recorded on behalf of the platform (a withdrawn profile), not of the current user. */
    CandidateMatchRecord applyForPlatform(String pseudonym, String idempotencyKey, Object payload) {
        return writes.apply(new WritePath.Change(pseudonym, "WITHDRAW", null, idempotencyKey, idempotencyKey),
                found -> Decision.events(List.of(new PlacementStep(null, new RecordedBy("platform", null, null, null), payload))))
                .record();
    }

    /** A payload with the placement it is about and who recorded it, for the envelope. */
    private record PlacementStep(String placementId, RecordedBy recordedBy, Object payload) {
    }

    static MatchEvent envelope(String pseudonym, int version, Object payload, RequestDigests digests) {
        if (!(payload instanceof PlacementStep step)) {
            throw new IllegalArgumentException("not an introduction step: " + payload);
        }
        return MatchEvent.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setCandidatePseudonym(pseudonym)
                .setOccurredAt(Instant.now())
                .setRecordVersion(version)
                .setRecordedBy(step.recordedBy())
                .setIdempotency(digests == null ? null : new Idempotency(digests.getKeyDigest(), digests.getRequestDigest()))
                .setPlacementId(step.placementId())
                .setPayload(step.payload())
                .build();
    }

    private static RecordedBy recordedBy() {
        DoorstroomUser user = CurrentUser.get();
        List<String> roles = user.roles().stream().map(Role::claimValue).sorted().toList();
        return new RecordedBy(String.join(",", roles), user.has(Role.EMPLOYER) ? user.kvk() : user.municipality(),
                CurrentUser.accountId().orElse(null), CurrentUser.displayName().orElse(null));
    }
}
