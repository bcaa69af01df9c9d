package nl.doorstroom.intake.registration;

import java.net.URI;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import nl.doorstroom.intake.registration.Registrations.PersonalDetailsCorrection;
import nl.doorstroom.platform.write.IdempotencyKey;

@RestController
@Tag(name = "Registration", description = "Registering a person at a reception location (AZC), and correcting the personal details")
public class RegistrationResource {

    private final Registrations registrations;

    RegistrationResource(Registrations registrations) {
        this.registrations = registrations;
    }

    @PostMapping(path = "/api/v1/persons", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Register a person",
            description = "Publishes a person-registered event once the broker has acknowledged it. The person's id is a "
                    + "UUID, never a V-number, so it can appear in URLs. A V-number that is already registered gets 409. "
                    + "A nareiziger is registered with familyReunification: they join the anchor person's household and "
                    + "follow them to the municipality the anchor is linked to. Send an Idempotency-Key to make a retry "
                    + "safe: the same key and request answer the same person again.")
    @PreAuthorize("hasRole('azc-staff')")
    public ResponseEntity<PersonView> register(
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) @IdempotencyKey String idempotencyKey,
            @Valid @RequestBody PersonRegistration registration) {
        PersonView person = registrations.register(idempotencyKey, registration);
        return ResponseEntity.created(URI.create("/api/v1/persons/" + person.id())).body(person);
    }

    @GetMapping(path = "/api/v1/persons/{personId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Get a person's intake record", description = "The current version of every section, and "
            + "what is still missing. `version` is the version to send with a change.")
    @PreAuthorize("hasAnyRole('azc-staff', 'coa-placement-officer')")
    public PersonView get(@PathVariable UUID personId) {
        return registrations.read(personId.toString());
    }

    @PutMapping(path = "/api/v1/persons/{personId}/personal-details", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Correct or complete a person's personal details",
            description = "Replaces the personal details as a whole, e.g. to add the BSN once the person is in the BRP. "
                    + "The reception location does not change here.")
    @PreAuthorize("hasRole('azc-staff')")
    public PersonView correct(@PathVariable UUID personId,
                              @RequestHeader(name = IdempotencyKey.HEADER, required = false) @IdempotencyKey String idempotencyKey,
                              @Valid @RequestBody PersonalDetailsCorrection correction) {
        return registrations.correct(personId.toString(), idempotencyKey, correction);
    }
}
