package nl.doorstroom.intake.registration;

import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import nl.doorstroom.intake.record.IntakeRecord;
import nl.doorstroom.intake.record.PersonRecords;
import nl.doorstroom.intake.record.RecordChanges;
import nl.doorstroom.platform.audit.ProcessingActivity;
import nl.doorstroom.platform.audit.ProcessingLog;
import nl.doorstroom.platform.privacy.PersonIdentities;
import nl.doorstroom.platform.security.CurrentUser;
import nl.doorstroom.platform.web.NotFoundException;
import nl.doorstroom.platform.write.Claim;
import nl.doorstroom.platform.write.ClaimKeys;
import nl.doorstroom.platform.write.ClaimTakenException;
import nl.doorstroom.platform.write.Decision;
import nl.doorstroom.platform.write.FieldProblem;
import nl.doorstroom.platform.write.FieldProblemsException;
import nl.doorstroom.schemas.intake.ExpectedFamilyMember;
import nl.doorstroom.schemas.intake.FamilyRelationship;
import nl.doorstroom.schemas.intake.FamilyReunification;
import nl.doorstroom.schemas.intake.LinkReason;
import nl.doorstroom.schemas.intake.PersonIdentity;
import nl.doorstroom.schemas.intake.PersonLinkedToMunicipality;
import nl.doorstroom.schemas.intake.PersonRegistered;
import nl.doorstroom.schemas.intake.PersonalDetailsCorrected;
import nl.doorstroom.schemas.intake.Sex;

/**
 * Registering a person and correcting their personal details, for the API and the pages alike: the rules (one
 * registration per V-number, a nareiziger joins the anchor's household and municipality, staff register at their own
 * location) and the processing log entries live here once.
 */
@Component
public class Registrations {

    static final ProcessingActivity REGISTRATION = ProcessingActivity.of("intake-registratie");

    private final RecordChanges changes;
    private final PersonRecords persons;
    private final PersonViews views;
    private final ProcessingLog processingLog;
    private final PersonIdentities identities;
    private final ClaimKeys claimKeys;

    Registrations(RecordChanges changes, PersonRecords persons, PersonViews views, ProcessingLog processingLog,
                  PersonIdentities identities, ClaimKeys claimKeys) {
        this.claimKeys = claimKeys;
        this.changes = changes;
        this.persons = persons;
        this.views = views;
        this.processingLog = processingLog;
        this.identities = identities;
    }

    /** A correction of the personal details, based on the record's current version. */
    public record PersonalDetailsCorrection(@NotNull @Min(1) Integer version, @NotNull @Valid PersonalDetailsInput personalDetails) {
    }

    /** Registers a person at the current user's reception location; a repeated Idempotency-Key finds the same person. */
    public PersonView register(String idempotencyKey, PersonRegistration registration) {
        if (!CurrentUser.get().worksAt(registration.receptionLocation())) {
            throw new AccessDeniedException("AZC staff register people at their own reception location only");
        }
        String personId = changes.newPersonId(idempotencyKey);
        return processingLog.record(REGISTRATION, "intake.register-person", List.of(personId), () -> {
            IntakeRecord record = changes.decide(personId, "register", null, idempotencyKey, registration,
                    current -> Decision.events(registrationEvents(personId, registration))
                            .claiming(vNumberClaim(registration.personalDetails().vNumber()))).record();
            return views.of(record).orElseThrow(() -> new NotFoundException("person"));
        });
    }

    /** The person as the current user may see them (404 otherwise); the read is logged. */
    public PersonView read(String personId) {
        return processingLog.record(REGISTRATION, "intake.read-person", List.of(personId), () -> persons.findVisible(personId)
                .flatMap(views::of).orElseThrow(() -> new NotFoundException("person")));
    }

    /** Replaces the personal details as a whole, as a new version; a V-number of someone else is refused (409). */
    public PersonView correct(String personId, String idempotencyKey, PersonalDetailsCorrection correction) {
        return processingLog.record(REGISTRATION, "intake.correct-personal-details", List.of(personId), () -> {
            PersonalDetailsInput details = correction.personalDetails();
            IntakeRecord record = changes.decideVisible(personId, "personal-details", correction.version(), idempotencyKey,
                    correction, current -> {
                        Decision corrected = Decision.events(List.of(PersonalDetailsCorrected.newBuilder()
                                .setIdentity(ByteBuffer.wrap(identities.seal(personId, identity(details))))
                                .setSex(Sex.valueOf(details.sex().name()))
                                .setCountryOfOrigin(details.countryOfOrigin())
                                .setLanguagesSpoken(details.languagesSpoken())
                                .setLiterateInLatinScript(details.literateInLatinScript())
                                .build()));
                        // the V-number is unique across every location and instance: the write path's claim sees to it
                        String before = current.flatMap(views::identityOf).map(PersonIdentity::getVNumber).orElse(null);
                        return details.vNumber().equals(before) ? corrected
                                : before == null ? corrected.claiming(vNumberClaim(details.vNumber()))
                                : corrected.claiming(vNumberClaim(details.vNumber())).releasing(claimKeys.of(RecordChanges.V_NUMBER_CLAIM, before));
                    });
            return views.of(record).orElseThrow(() -> new NotFoundException("person"));
        });
    }

    private Claim vNumberClaim(String vNumber) {
        return new Claim(claimKeys.of(RecordChanges.V_NUMBER_CLAIM, vNumber), alreadyRegistered());
    }

    private List<Object> registrationEvents(String personId, PersonRegistration registration) {
        PersonalDetailsInput details = registration.personalDetails();
        Optional<IntakeRecord> anchor = Optional.empty();
        FamilyReunification reunification = null;
        if (registration.familyReunification() != null) {
            PersonRegistration.FamilyReunificationInput arrival = registration.familyReunification();
            anchor = changes.holderOf(claimKeys.of(RecordChanges.V_NUMBER_CLAIM, arrival.anchorVNumber()));
            IntakeRecord anchorRecord = anchor.orElseThrow(() -> FieldProblemsException.of(
                    "familyReunification.anchorVNumber", "unknownAnchor", "intake.problem.unknown-anchor"));
            FamilyRelationship relationship = arrival.relationship().toEvent();
            Map<String, String> arrived = persons.arrivalsOf(anchorRecord);
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

    private static ClaimTakenException alreadyRegistered() {
        return new ClaimTakenException("intake.problem.already-registered",
                new FieldProblem("personalDetails.vNumber", "alreadyRegistered", "intake.problem.already-registered.reason"));
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
}
