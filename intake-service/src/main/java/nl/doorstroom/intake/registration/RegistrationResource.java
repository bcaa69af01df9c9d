package nl.doorstroom.intake.registration;

import java.net.URI;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
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
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import nl.doorstroom.intake.record.IntakeRecord;
import nl.doorstroom.intake.record.PersonRecords;
import nl.doorstroom.intake.record.RecordChanges;
import nl.doorstroom.intake.validation.IdempotencyKey;
import nl.doorstroom.platform.audit.ProcessingActivity;
import nl.doorstroom.platform.audit.ProcessingLog;
import nl.doorstroom.platform.privacy.PersonIdentities;
import nl.doorstroom.platform.security.CurrentUser;
import nl.doorstroom.platform.web.InvalidParam;
import nl.doorstroom.platform.web.NotFoundException;
import nl.doorstroom.platform.web.RequestRejectedException;
import nl.doorstroom.schemas.intake.ExpectedFamilyMember;
import nl.doorstroom.schemas.intake.FamilyRelationship;
import nl.doorstroom.schemas.intake.FamilyReunification;
import nl.doorstroom.schemas.intake.LinkReason;
import nl.doorstroom.schemas.intake.PersonIdentity;
import nl.doorstroom.schemas.intake.PersonLinkedToMunicipality;
import nl.doorstroom.schemas.intake.PersonRegistered;
import nl.doorstroom.schemas.intake.PersonalDetailsCorrected;
import nl.doorstroom.schemas.intake.Sex;

@RestController
@Tag(name = "Registration", description = "Registering a person at a reception location (AZC), and correcting the personal details")
public class RegistrationResource {

    static final ProcessingActivity REGISTRATION = ProcessingActivity.of("intake-registratie");

    private final RecordChanges changes;
    private final PersonRecords persons;
    private final PersonViews views;
    private final ProcessingLog processingLog;
    private final PersonIdentities identities;

    RegistrationResource(RecordChanges changes, PersonRecords persons, PersonViews views, ProcessingLog processingLog,
                         PersonIdentities identities) {
        this.changes = changes;
        this.persons = persons;
        this.views = views;
        this.processingLog = processingLog;
        this.identities = identities;
    }

    /** A correction of the personal details, based on the record's current version. */
    public record PersonalDetailsCorrection(@NotNull @Min(1) Integer version, @NotNull @Valid PersonalDetailsInput personalDetails) {
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
        if (!CurrentUser.get().worksAt(registration.receptionLocation())) {
            throw new AccessDeniedException("AZC staff register people at their own reception location only");
        }
        String personId = changes.newPersonId(idempotencyKey);
        PersonView person = processingLog.record(REGISTRATION, "intake.register-person", List.of(personId), () -> {
            IntakeRecord record = changes.apply(personId, "register", null, idempotencyKey, registration,
                    current -> registrationEvents(personId, registration)).record();
            return views.of(record).orElseThrow(() -> new NotFoundException("person"));
        });
        return ResponseEntity.created(URI.create("/api/v1/persons/" + personId)).body(person);
    }

    private List<Object> registrationEvents(String personId, PersonRegistration registration) {
        PersonalDetailsInput details = registration.personalDetails();
        if (views.findByVNumber(details.vNumber()).isPresent()) {
            throw alreadyRegistered();
        }
        Optional<IntakeRecord> anchor = Optional.empty();
        FamilyReunification reunification = null;
        if (registration.familyReunification() != null) {
            PersonRegistration.FamilyReunificationInput arrival = registration.familyReunification();
            anchor = views.findByVNumber(arrival.anchorVNumber());
            IntakeRecord anchorRecord = anchor.orElseThrow(() -> RequestRejectedException.invalidField(
                    "familyReunification.anchorVNumber", "unknownAnchor", "intake.problem.unknown-anchor"));
            FamilyRelationship relationship = arrival.relationship().toEvent();
            Map<String, String> arrived = persons.arrivalsOf(anchorRecord.personId());
            String expectedMember = anchorRecord.household().stream().flatMap(h -> h.getExpectedFamilyMembers().stream())
                    .filter(m -> m.getRelationship() == relationship && !arrived.containsKey(m.getMemberId()))
                    .map(ExpectedFamilyMember::getMemberId).findFirst().orElse(null);
            reunification = new FamilyReunification(anchorRecord.personId(), relationship, expectedMember);
        }
        PersonIdentity identity = identity(details);
        // direct identifiers leave this service only sealed with the person's own key (crypto-shredding)
        List<Object> events = new ArrayList<>();
        events.add(PersonRegistered.newBuilder()
                .setIdentity(ByteBuffer.wrap(identities.seal(personId, identity)))
                .setCountryOfOrigin(details.countryOfOrigin())
                .setReceptionLocation(registration.receptionLocation())
                .setSex(Sex.valueOf(details.sex().name()))
                .setLanguagesSpoken(details.languagesSpoken())
                .setLiterateInLatinScript(details.literateInLatinScript())
                .setFamilyReunification(reunification)
                .build());
        // a nareiziger's intake goes where the family already lives
        anchor.flatMap(IntakeRecord::link).ifPresent(link -> events.add(PersonLinkedToMunicipality.newBuilder()
                .setMunicipalityCode(link.getMunicipalityCode())
                .setPermitDate(registration.familyReunification().permitDate())
                .setLinkDate(LocalDate.now())
                .setReason(LinkReason.FAMILY_REUNIFICATION)
                .build()));
        return events;
    }

    private static RequestRejectedException alreadyRegistered() {
        return new RequestRejectedException(HttpStatus.CONFLICT, "intake.problem.already-registered", Map.of(),
                List.of(new InvalidParam("personalDetails.vNumber", "alreadyRegistered", "intake.problem.already-registered.reason")));
    }

    private static PersonIdentity identity(PersonalDetailsInput details) {
        return PersonIdentity.newBuilder()
                .setGivenNames(details.givenNames().strip())
                .setFamilyName(details.familyName().strip())
                .setDateOfBirth(details.dateOfBirth())
                .setVNumber(details.vNumber())
                .setBsn(details.bsn())
                .build();
    }

    @GetMapping(path = "/api/v1/persons/{personId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Get a person's intake record", description = "The current version of every section, and "
            + "what is still missing. `version` is the version to send with a change.")
    @PreAuthorize("hasAnyRole('azc-staff', 'coa-placement-officer')")
    public PersonView get(@PathVariable UUID personId) {
        String id = personId.toString();
        return processingLog.record(REGISTRATION, "intake.read-person", List.of(id), () -> persons.findVisible(id)
                .flatMap(views::of).orElseThrow(() -> new NotFoundException("person")));
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
        String id = personId.toString();
        return processingLog.record(REGISTRATION, "intake.correct-personal-details", List.of(id), () -> {
            PersonalDetailsInput details = correction.personalDetails();
            IntakeRecord record = changes.applyToVisible(id, "personal-details", correction.version(), idempotencyKey, correction,
                    current -> {
                        if (views.findByVNumber(details.vNumber()).filter(other -> !other.personId().equals(id)).isPresent()) {
                            throw alreadyRegistered();
                        }
                        return List.of(PersonalDetailsCorrected.newBuilder()
                                .setIdentity(ByteBuffer.wrap(identities.seal(id, identity(details))))
                                .setSex(Sex.valueOf(details.sex().name()))
                                .setCountryOfOrigin(details.countryOfOrigin())
                                .setLanguagesSpoken(details.languagesSpoken())
                                .setLiterateInLatinScript(details.literateInLatinScript())
                                .build());
                    });
            return views.of(record).orElseThrow(() -> new NotFoundException("person"));
        });
    }
}
