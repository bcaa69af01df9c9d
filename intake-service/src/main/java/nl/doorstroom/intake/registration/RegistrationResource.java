package nl.doorstroom.intake.registration;

import java.net.URI;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import nl.doorstroom.platform.audit.ProcessingActivity;
import nl.doorstroom.platform.audit.ProcessingLog;
import nl.doorstroom.platform.kafka.EventPublisher;
import nl.doorstroom.platform.privacy.PersonIdentities;
import nl.doorstroom.platform.security.CurrentUser;
import nl.doorstroom.platform.web.NotFoundException;
import nl.doorstroom.schemas.Topics;
import nl.doorstroom.schemas.intake.PersonIdentity;
import nl.doorstroom.schemas.intake.PersonRegistered;

@RestController
@RequestMapping(path = "/api/v1/persons", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Registration", description = "Registering a person at a reception location (AZC)")
class RegistrationResource {

    static final ProcessingActivity REGISTRATION = ProcessingActivity.of("intake-registratie");

    private final EventPublisher events;
    private final RegisteredPersons persons;
    private final ProcessingLog processingLog;
    private final PersonIdentities identities;

    RegistrationResource(EventPublisher events, RegisteredPersons persons, ProcessingLog processingLog,
                         PersonIdentities identities) {
        this.events = events;
        this.persons = persons;
        this.processingLog = processingLog;
        this.identities = identities;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Register a person", description = "Publishes a person-registered event once the broker has "
            + "acknowledged it. The person's id is a random UUID, never a V-number, so it can appear in URLs.")
    @PreAuthorize("hasRole('azc-staff')")
    ResponseEntity<RegisteredPerson> register(@Valid @RequestBody PersonRegistration registration) {
        if (!CurrentUser.get().worksAt(registration.receptionLocation())) {
            throw new AccessDeniedException("AZC staff register people at their own reception location only");
        }
        String personId = UUID.randomUUID().toString();
        RegisteredPerson person = processingLog.record(REGISTRATION, "intake.register-person", List.of(personId),
                () -> register(personId, registration));
        return ResponseEntity.created(URI.create("/api/v1/persons/" + personId)).body(person);
    }

    private RegisteredPerson register(String personId, PersonRegistration registration) {
        PersonIdentity identity = new PersonIdentity(registration.givenNames().strip(), registration.familyName().strip(),
                registration.dateOfBirth(), registration.vNumber());
        // direct identifiers leave this service only sealed with the person's own key (crypto-shredding)
        PersonRegistered registered = PersonRegistered.newBuilder()
                .setIdentity(ByteBuffer.wrap(identities.seal(personId, identity)))
                .setCountryOfOrigin(registration.countryOfOrigin())
                .setReceptionLocation(registration.receptionLocation())
                .build();
        events.publish(Topics.INTAKE_PERSON_EVENTS, personId, PersonEvents.envelope(personId, registered));
        return RegisteredPerson.of(personId, registered, identity);
    }

    @GetMapping("/{personId}")
    @Operation(summary = "Get a registered person")
    @PreAuthorize("hasAnyRole('azc-staff', 'coa-placement-officer')")
    RegisteredPerson get(@PathVariable UUID personId) {
        String id = personId.toString();
        return processingLog.record(REGISTRATION, "intake.read-person", List.of(id), () -> persons.findVisible(id)
                .flatMap(registered -> identities.open(id, registered).map(identity -> RegisteredPerson.of(id, registered, identity)))
                .orElseThrow(() -> new NotFoundException("person")));
    }
}
