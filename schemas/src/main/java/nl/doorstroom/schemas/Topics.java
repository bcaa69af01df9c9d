package nl.doorstroom.schemas;

import java.util.List;

import nl.doorstroom.schemas.intake.PersonEvent;

/** The typed topic catalogue: every topic the platform produces to or consumes from. */
public final class Topics {

    /** Registration, early intake and municipality link of a person; owned by intake-service, keyed by person id. */
    public static final Topic<String, PersonEvent> INTAKE_PERSON_EVENTS =
            new Topic<>("intake.person-events", String.class, PersonEvent.class, false);

    public static final List<Topic<?, ?>> ALL = List.of(INTAKE_PERSON_EVENTS);

    private Topics() {
    }
}
