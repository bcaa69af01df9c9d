package nl.doorstroom.schemas;

import java.time.Duration;
import java.util.List;

import nl.doorstroom.schemas.audit.ProcessingLogEvent;
import nl.doorstroom.schemas.intake.PersonEvent;

/** The typed topic catalogue: every topic the platform produces to or consumes from. */
public final class Topics {

    /** Registration, early intake and municipality link of a person; owned by intake-service, keyed by person id. */
    public static final Topic<String, PersonEvent> INTAKE_PERSON_EVENTS =
            new Topic<>("intake.person-events", String.class, PersonEvent.class, false);

    /**
     * The Logboek dataverwerkingen: one entry per processing of one data subject's personal data, written by every
     * service; keyed by the subject's pseudonym so a subject's entries can be listed. Not compacted: every entry
     * counts. Kept for seven years by default (the standard leaves retention to each profile; a deployment overrides
     * it with {@code doorstroom.topics.retention[audit.processing-log]}).
     */
    public static final Topic<String, ProcessingLogEvent> AUDIT_PROCESSING_LOG =
            new Topic<>("audit.processing-log", String.class, ProcessingLogEvent.class, false, Duration.ofDays(7 * 365 + 2));

    public static final List<Topic<?, ?>> ALL = List.of(INTAKE_PERSON_EVENTS, AUDIT_PROCESSING_LOG);

    private Topics() {
    }
}
