package nl.doorstroom.trajectory.record;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import nl.doorstroom.platform.audit.ProcessingLog;
import nl.doorstroom.platform.security.CurrentUser;
import nl.doorstroom.platform.security.DoorstroomUser;
import nl.doorstroom.platform.security.Role;
import nl.doorstroom.platform.write.Decision;
import nl.doorstroom.platform.write.KeyedRecords;
import nl.doorstroom.platform.write.StepNotAllowedException;
import nl.doorstroom.platform.write.WritePath;
import nl.doorstroom.schemas.platform.RequestDigests;
import nl.doorstroom.schemas.trajectory.Idempotency;
import nl.doorstroom.schemas.trajectory.RecordedBy;
import nl.doorstroom.schemas.trajectory.TrajectoryErased;
import nl.doorstroom.schemas.trajectory.TrajectoryEvent;
import nl.doorstroom.schemas.trajectory.TrajectoryRecordState;

/**
 * How a person's trajectory changes: through the platform's write path (one writer per person across instances,
 * version check, Idempotency-Key, read-your-writes). What is trajectory's own is added here:
 * <ul>
 *     <li>only a case worker of the municipality the person is linked to can change it (404 for anyone else, before
 *     anything else is checked, so a version or key cannot reveal that someone exists);</li>
 *     <li>a step the trajectory does not allow in its state is refused ({@link TrajectoryRules});</li>
 *     <li>the envelope of its events: the municipality and who recorded them.</li>
 * </ul>
 */
@Component
public class TrajectoryChanges {

    private final WritePath<TrajectoryRecord, TrajectoryEvent> writes;
    private final TrajectoryRecords records;
    private final ProcessingLog processingLog;

    TrajectoryChanges(KeyedRecords<TrajectoryRecordState, TrajectoryRecord, TrajectoryEvent> keyedTrajectories,
                      TrajectoryRecords records, ProcessingLog processingLog) {
        this.writes = keyedTrajectories.writes();
        this.records = records;
        this.processingLog = processingLog;
    }

    /**
     * The record after the change, and the events of this request: the ones just published, or for a repeated
     * request the ones the first request published.
     */
    public record Outcome(TrajectoryRecord record, List<TrajectoryEvent> events, boolean replayed,
                          String municipalityCode) {

        /** The trajectory after the change, as the case worker of the municipality sees it. */
        public TrajectoryView view() {
            return TrajectoryView.of(record, municipalityCode);
        }

        /** The payload of the request's first event of this type (the activity just planned, for example). */
        public <T> T first(Class<T> type) {
            return events.stream().map(TrajectoryEvent::getPayload).filter(type::isInstance).map(type::cast)
                    .findFirst().orElseThrow();
        }
    }

    /**
     * A change to one person's trajectory, for the API and the pages alike: the scope is checked once (404 for anyone
     * else, before anything else is checked, so a version or key cannot reveal that someone exists), the change is
     * written to the processing log and goes through the write path.
     *
     * @param municipalityCode the municipality in the request path
     * @param personId         the person
     * @param step             what kind of change, for the state rules
     * @param expectedVersion  the version the user saw
     * @param idempotencyKey   the request's Idempotency-Key header, or {@code null}
     * @param request          the request body, for the digest
     * @param change           the events to publish, given the record as it is; may throw a
     *                         {@link nl.doorstroom.platform.write.ChangeRefusedException} for a rule that needs the record
     */
    public Outcome apply(String municipalityCode, String personId, TrajectoryRules.Step step, int expectedVersion,
                         String idempotencyKey, Object request, Function<TrajectoryRecord, List<Object>> change) {
        records.requireVisible(municipalityCode, personId);
        var written = processingLog.record(TrajectoryResource.TRAJECTORY, operation(step), List.of(personId),
                () -> writes.apply(new WritePath.Change(personId, step.name(), expectedVersion, idempotencyKey, request),
                        found -> {
                            TrajectoryRecord current = found.orElseGet(() -> TrajectoryRecord.empty(personId));
                            TrajectoryRules.conflict(current, step).ifPresent(conflict -> {
                                throw new StepNotAllowedException(conflict, current.version());
                            });
                            return Decision.events(change.apply(current).stream()
                                    .map(payload -> (Object) new MunicipalPayload(municipalityCode, payload)).toList());
                        }));
        return new Outcome(written.record(), written.events(), written.replayed(), municipalityCode);
    }

    /**
     * Drops a person's trajectory after their erasure at intake: one {@link TrajectoryErased} event, which leaves the
     * record only its version and tombstones its history ({@link TrajectoryRecord}). Recorded as done by whoever
     * erased the person; the erasure event's id is the Idempotency-Key, so a redelivered erasure is applied once.
     * A person without a trajectory (never accepted) has nothing to drop.
     */
    public void erase(String personId, String erasureEventId, RecordedBy erasedBy) {
        TrajectoryRecord current = records.current(personId);
        if (current.version() == 0 || current.isErased()) {
            return;
        }
        writes.apply(new WritePath.Change(personId, "ERASE", null, erasureEventId, erasureEventId), found ->
                Decision.events(List.of(new Recorded(current.municipalityCode(), erasedBy,
                        new TrajectoryErased(erasureEventId)))));
    }

    /**
     * A change the employer side caused (a placement started or ended), recorded on the person's trajectory as who
     * recorded it there; the employer event's id is the Idempotency-Key, so a redelivered event is applied once. A
     * trajectory that is not accepted, is closed or was erased takes nothing, and neither does a change that finds
     * nothing to do.
     */
    public void recordForEmployer(String personId, String employerEventId, RecordedBy recordedBy,
                                  Function<TrajectoryRecord, Optional<Object>> change) {
        TrajectoryRecord current = records.current(personId);
        if (!current.isAccepted() || current.isClosed() || current.isErased()) {
            return;
        }
        Optional<Object> payload = change.apply(current);
        if (payload.isEmpty()) {
            return;
        }
        writes.apply(new WritePath.Change(personId, "EMPLOYER_STEP", null, employerEventId, employerEventId), found ->
                Decision.events(List.of(new Recorded(current.municipalityCode(), recordedBy, payload.get()))));
    }

    /** The operation of each step in the processing log. */
    private static String operation(TrajectoryRules.Step step) {
        return "trajectory." + switch (step) {
            case ACCEPT_HANDOVER -> "accept-handover";
            case RECORD_BREDE_INTAKE -> "record-brede-intake";
            case ADOPT_PLAN -> "adopt-plan";
            case PLAN_ACTIVITY -> "plan-activity";
            case CHANGE_ACTIVITY -> "change-activity";
            case REACH_MILESTONE -> "record-milestone";
            case CHANGE_PLACEMENT_READINESS -> "change-placement-readiness";
            case MOVE -> "record-move";
            case CLOSE -> "close-trajectory";
        };
    }

    /** A payload with the municipality whose case worker records it, for the envelope. */
    private record MunicipalPayload(String municipalityCode, Object payload) {
    }

    /** A payload recorded on behalf of someone who is not the current user (an erasure follows intake's). */
    private record Recorded(String municipalityCode, RecordedBy recordedBy, Object payload) {
    }

    /** The event of one change to a person's trajectory: the municipality and who recorded it. */
    static TrajectoryEvent envelope(String personId, int version, Object payload, RequestDigests digests) {
        Recorded recorded = switch (payload) {
            case MunicipalPayload municipal -> new Recorded(municipal.municipalityCode(), recordedBy(), municipal.payload());
            case Recorded given -> given;
            default -> throw new IllegalArgumentException("not a trajectory change: " + payload);
        };
        return TrajectoryEvent.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setPersonId(personId)
                .setOccurredAt(Instant.now())
                .setMunicipalityCode(recorded.municipalityCode())
                .setRecordVersion(version)
                .setRecordedBy(recorded.recordedBy())
                .setIdempotency(digests == null ? null : new Idempotency(digests.getKeyDigest(), digests.getRequestDigest()))
                .setPayload(recorded.payload())
                .build();
    }

    private static RecordedBy recordedBy() {
        DoorstroomUser user = CurrentUser.get();
        List<String> roles = user.roles().stream().map(Role::claimValue).sorted().toList();
        return new RecordedBy(String.join(",", roles), user.municipality(), CurrentUser.accountId().orElse(null),
                CurrentUser.displayName().orElse(null));
    }
}
