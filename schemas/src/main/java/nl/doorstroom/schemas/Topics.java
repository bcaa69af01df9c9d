package nl.doorstroom.schemas;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import nl.doorstroom.schemas.audit.ProcessingLogEvent;
import nl.doorstroom.schemas.employer.MatchEvent;
import nl.doorstroom.schemas.employer.PlacementEvent;
import nl.doorstroom.schemas.intake.PersonEvent;
import nl.doorstroom.schemas.platform.DeadLetterReplay;
import nl.doorstroom.schemas.privacy.SubjectKey;
import nl.doorstroom.schemas.trajectory.CandidateContact;
import nl.doorstroom.schemas.trajectory.CandidateProfile;
import nl.doorstroom.schemas.trajectory.TrajectoryEvent;

/** The typed topic catalogue: every topic the platform produces to or consumes from. */
public final class Topics {

    /** One day: the longest an erased key physically stays on the broker's disks. */
    public static final long SUBJECT_KEYS_MAX_COMPACTION_LAG_MS = 24L * 60 * 60 * 1000;
    /** One day: how long a tombstone itself is kept after compaction, for readers that were briefly away. */
    public static final long SUBJECT_KEYS_DELETE_RETENTION_MS = 24L * 60 * 60 * 1000;

    /**
     * A domain event topic is the system of record: every event is kept for the life of the record, and a rebuilt
     * read model or a service that starts reading later (employer, analytics) finds everyone. An erased person's
     * events stay but can no longer be read: what describes them is sealed with their key, which erasure destroys.
     */
    public static final Map<String, String> SYSTEM_OF_RECORD = Map.of("retention.ms", "-1");

    /** Registration, early intake and municipality link of a person; owned by intake-service, keyed by person id. */
    public static final Topic<String, PersonEvent> INTAKE_PERSON_EVENTS =
            new Topic<>("intake.person-events", String.class, PersonEvent.class, false, SYSTEM_OF_RECORD);

    /**
     * A person's trajectory at the municipality: handover accepted, brede intake, the PIP and its learning route,
     * activities, milestones, closure; owned by trajectory-service, keyed by person id (the same id as on
     * {@link #INTAKE_PERSON_EVENTS}, so one person's intake and trajectory land on the same partition number).
     */
    public static final Topic<String, TrajectoryEvent> TRAJECTORY_TRAJECTORY_EVENTS =
            new Topic<>("trajectory.trajectory-events", String.class, TrajectoryEvent.class, false, SYSTEM_OF_RECORD);

    /**
     * Placements posted by employers (paid jobs, work-experience places, internships, learn-work places,
     * volunteering): posted, changed, closed; owned by employer-service, keyed by placement id. Describes places of
     * work, not people, and is the system of record of placements.
     */
    public static final Topic<String, PlacementEvent> EMPLOYER_PLACEMENT_EVENTS =
            new Topic<>("employer.placement-events", String.class, PlacementEvent.class, false, SYSTEM_OF_RECORD);

    /**
     * The steps of introducing candidates to placements (proposed, agreed, interview, offer, accepted, started, ended,
     * declined, withdrawn); owned by employer-service, keyed by the candidate pseudonym (employer domain), so one
     * candidate's steps stay in order. Never a name or a person id.
     */
    public static final Topic<String, MatchEvent> EMPLOYER_MATCH_EVENTS =
            new Topic<>("employer.match-events", String.class, MatchEvent.class, false, SYSTEM_OF_RECORD);

    /** One day: the longest a removed candidate profile physically stays on the broker's disks. */
    public static final long CANDIDATE_PROFILES_MAX_COMPACTION_LAG_MS = 24L * 60 * 60 * 1000;

    /**
     * The minimised candidate profiles employers may see: only of people ready for placements who consented to
     * employer profile sharing; owned by trajectory-service, keyed by the candidate pseudonym (employer domain). A
     * tombstone removes a profile (consent withdrawn, readiness taken away, trajectory closed, person erased);
     * compaction has a deadline so a removed profile is physically gone within
     * {@link #CANDIDATE_PROFILES_MAX_COMPACTION_LAG_MS}.
     */
    public static final Topic<String, CandidateProfile> TRAJECTORY_CANDIDATE_PROFILES =
            new Topic<>("trajectory.candidate-profiles", String.class, CandidateProfile.class, true, Map.of(
                    "max.compaction.lag.ms", Long.toString(CANDIDATE_PROFILES_MAX_COMPACTION_LAG_MS),
                    "min.cleanable.dirty.ratio", "0.01"));

    /**
     * The name of a candidate and the case worker to contact, for employers the candidate agreed to be introduced to;
     * owned by trajectory-service, keyed by the candidate pseudonym (employer domain), sealed with the pseudonym's own
     * subject key. A tombstone, and the forgotten key, remove it when the profile is withdrawn; compaction has the
     * same deadline as the profiles'.
     */
    public static final Topic<String, CandidateContact> TRAJECTORY_CANDIDATE_CONTACTS =
            new Topic<>("trajectory.candidate-contacts", String.class, CandidateContact.class, true, Map.of(
                    "max.compaction.lag.ms", Long.toString(CANDIDATE_PROFILES_MAX_COMPACTION_LAG_MS),
                    "min.cleanable.dirty.ratio", "0.01"));

    /**
     * The Logboek dataverwerkingen: one entry per processing of one data subject's personal data, written by every
     * service; keyed by the subject's pseudonym so a subject's entries can be listed. Not compacted: every entry
     * counts. Kept for seven years by default (the standard leaves retention to each profile; a deployment overrides
     * it with {@code doorstroom.topics.retention[audit.processing-log]}).
     */
    public static final Topic<String, ProcessingLogEvent> AUDIT_PROCESSING_LOG =
            new Topic<>("audit.processing-log", String.class, ProcessingLogEvent.class, false,
                    Map.of("retention.ms", Long.toString(Duration.ofDays(7 * 365 + 2).toMillis())));

    /**
     * Per-person data keys (crypto-shredding), wrapped with the master key; owned by the platform (every service's
     * starter writes and reads it), keyed by person id. A tombstone erases the person's key. Compaction normally has no
     * deadline, so the topic forces one: a value overwritten or tombstoned is physically removed within
     * {@link #SUBJECT_KEYS_MAX_COMPACTION_LAG_MS} (the log cleaner also treats the partition as dirty at a very low
     * ratio); the tombstone itself stays {@link #SUBJECT_KEYS_DELETE_RETENTION_MS} so running readers see it.
     */
    public static final Topic<String, SubjectKey> PRIVACY_SUBJECT_KEYS =
            new Topic<>("privacy.subject-keys", String.class, SubjectKey.class, true, Map.of(
                    "max.compaction.lag.ms", Long.toString(SUBJECT_KEYS_MAX_COMPACTION_LAG_MS),
                    "min.cleanable.dirty.ratio", "0.01",
                    "delete.retention.ms", Long.toString(SUBJECT_KEYS_DELETE_RETENTION_MS)));

    /**
     * A week beyond {@link Topic#DEAD_LETTER_RETENTION}: a replay marker is written after its dead letter, so it is
     * deleted after it, and a dead letter never looks replayable again while it is still there.
     */
    public static final Duration DEAD_LETTER_REPLAYS_RETENTION = Topic.DEAD_LETTER_RETENTION.plusDays(7);

    /**
     * Which dead letters were replayed, keyed by the dead letter's id ({@code <dlt topic>-<partition>-<offset>});
     * owned by the platform (every service's starter writes and reads it). Compacted, since only the latest marker
     * per dead letter counts, and also deleted after {@link #DEAD_LETTER_REPLAYS_RETENTION}: a marker is worth
     * nothing once its dead letter has aged out of the dead-letter topic.
     */
    public static final Topic<String, DeadLetterReplay> PLATFORM_DEAD_LETTER_REPLAYS =
            new Topic<>("platform.dead-letter-replays", String.class, DeadLetterReplay.class, true, Map.of(
                    "cleanup.policy", "compact,delete",
                    "retention.ms", Long.toString(DEAD_LETTER_REPLAYS_RETENTION.toMillis())));

    public static final List<Topic<?, ?>> ALL = List.of(INTAKE_PERSON_EVENTS, TRAJECTORY_TRAJECTORY_EVENTS,
            TRAJECTORY_CANDIDATE_PROFILES, TRAJECTORY_CANDIDATE_CONTACTS, EMPLOYER_PLACEMENT_EVENTS, EMPLOYER_MATCH_EVENTS,
            AUDIT_PROCESSING_LOG, PRIVACY_SUBJECT_KEYS, PLATFORM_DEAD_LETTER_REPLAYS);

    /** The event topics whose records change only through the platform's single writer per key. */
    public static final List<WritePathTopics> WRITE_PATHS = List.of(new WritePathTopics(INTAKE_PERSON_EVENTS),
            new WritePathTopics(TRAJECTORY_TRAJECTORY_EVENTS), new WritePathTopics(EMPLOYER_PLACEMENT_EVENTS),
            new WritePathTopics(EMPLOYER_MATCH_EVENTS));

    private Topics() {
    }
}
