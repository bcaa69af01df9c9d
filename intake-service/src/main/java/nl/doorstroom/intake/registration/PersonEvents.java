package nl.doorstroom.intake.registration;

import java.time.Instant;
import java.util.UUID;

import nl.doorstroom.schemas.intake.PersonEvent;

/** Wraps an event in the envelope every event on intake.person-events travels in. */
public final class PersonEvents {

    private PersonEvents() {
    }

    public static PersonEvent envelope(String personId, Object payload) {
        return PersonEvent.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setPersonId(personId)
                .setOccurredAt(Instant.now())
                .setPayload(payload)
                .build();
    }
}
