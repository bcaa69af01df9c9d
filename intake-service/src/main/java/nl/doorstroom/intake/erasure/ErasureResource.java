package nl.doorstroom.intake.erasure;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import nl.doorstroom.intake.record.PersonRecords;
import nl.doorstroom.intake.record.RecordChanges;
import nl.doorstroom.platform.audit.ProcessingActivity;
import nl.doorstroom.platform.audit.ProcessingLog;
import nl.doorstroom.platform.privacy.PersonIdentities;
import nl.doorstroom.platform.privacy.SubjectKeys;
import nl.doorstroom.platform.web.NotFoundException;
import nl.doorstroom.platform.write.ClaimKeys;
import nl.doorstroom.platform.write.Decision;
import nl.doorstroom.schemas.intake.ErasureGround;
import nl.doorstroom.schemas.intake.PersonErased;
import nl.doorstroom.schemas.intake.PersonIdentity;

/**
 * Erasure by crypto-shredding: the person's data key is destroyed (a tombstone on privacy.subject-keys), which makes
 * their direct identifiers unreadable in every event, state store, changelog and backup at once; then the erasure
 * event tells every service to drop the person from its read models.
 */
@RestController
@Tag(name = "Erasure", description = "Erasing a person's data (AVG art. 17), by platform operators")
class ErasureResource {

    static final ProcessingActivity ERASURE = ProcessingActivity.of("verwijderverzoek");

    /** What the operator is told: erased, or erased before (a repeated request changes nothing). */
    record Erasure(String personId, String status) {
    }

    private final PersonRecords persons;
    private final SubjectKeys keys;
    private final RecordChanges changes;
    private final ProcessingLog processingLog;
    private final PersonIdentities identities;
    private final ClaimKeys claimKeys;

    ErasureResource(PersonRecords persons, SubjectKeys keys, RecordChanges changes, ProcessingLog processingLog,
                    PersonIdentities identities, ClaimKeys claimKeys) {
        this.identities = identities;
        this.claimKeys = claimKeys;
        this.persons = persons;
        this.keys = keys;
        this.changes = changes;
        this.processingLog = processingLog;
    }

    @PostMapping(path = "/api/v1/persons/{personId}/erasures", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PreAuthorize("hasRole('platform-operator')")
    @Operation(summary = "Erase a person",
            description = "Destroys the person's data key and announces the erasure; every service drops the person "
                    + "shortly after (202). Repeating the request is harmless. 404 for a person never registered.")
    Erasure erase(@PathVariable UUID personId, @Valid @RequestBody ErasureRequest request) {
        String id = personId.toString();
        return processingLog.record(ERASURE, "privacy.erase-person", List.of(id), () -> {
            if (persons.isErased(id)) {
                return new Erasure(id, "already-erased");
            }
            persons.find(id).orElseThrow(() -> new NotFoundException("person"));
            changes.decide(id, "erase", null, null, request, current -> {
                // the V-number is free again once the person is gone; read it while the key still exists
                Optional<String> vNumber = current.flatMap(r -> r.identity(identities)).map(PersonIdentity::getVNumber);
                keys.forget(id);
                Decision erased = Decision.events(List.of(
                        new PersonErased(ErasureGround.valueOf(request.ground().name()), request.caseReference())));
                return vNumber.map(v -> erased.releasing(claimKeys.of(RecordChanges.V_NUMBER_CLAIM, v))).orElse(erased);
            });
            return new Erasure(id, "erased");
        });
    }
}
