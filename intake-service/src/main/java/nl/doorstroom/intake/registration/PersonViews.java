package nl.doorstroom.intake.registration;

import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import nl.doorstroom.intake.consent.ConsentResource.RecordedConsent;
import nl.doorstroom.intake.earlyintake.EarlyIntakeEvents;
import nl.doorstroom.intake.household.Household;
import nl.doorstroom.intake.linking.MunicipalityLinkResource.RecordedLink;
import nl.doorstroom.intake.record.IntakeRecord;
import nl.doorstroom.intake.record.PersonRecords;
import nl.doorstroom.platform.privacy.PersonIdentities;
import nl.doorstroom.platform.reference.Municipalities;
import nl.doorstroom.schemas.intake.ConsentPurpose;
import nl.doorstroom.schemas.intake.FamilyReunification;
import nl.doorstroom.schemas.intake.PersonIdentity;
import nl.doorstroom.schemas.intake.Sex;

/** Builds the view of a record, opening the sealed identity only now, while a request is served. */
@Component
public class PersonViews {

    private final PersonIdentities identities;
    private final PersonRecords records;
    private final Municipalities municipalities;

    PersonViews(PersonIdentities identities, PersonRecords records, Municipalities municipalities) {
        this.identities = identities;
        this.records = records;
        this.municipalities = municipalities;
    }

    /** The view, or empty when the person's key has been erased in the meantime. */
    public Optional<PersonView> of(IntakeRecord record) {
        return of(record, records.arrivalsOf(record));
    }

    /** The view, given the arrivals of nareizigers already looked up (lists look them up once for everyone). */
    public Optional<PersonView> of(IntakeRecord record, Map<String, String> arrivals) {
        return identityOf(record).map(identity -> view(record, identity, arrivals));
    }

    /** The view of a record whose identity is opened already (a search opened it to match the text). */
    public PersonView of(IntakeRecord record, PersonIdentity identity, Map<String, String> arrivals) {
        return view(record, identity, arrivals);
    }

    /** The household still expects a family member who has not arrived; from values in clear, nothing opened. */
    public static boolean nareizigerExpected(IntakeRecord record, Map<String, String> arrivals) {
        return record.household().map(h -> Household.of(record.version(), h, arrivals)).stream()
                .flatMap(household -> household.expectedFamilyMembers().stream())
                .anyMatch(member -> member.arrivedAsPersonId() == null);
    }

    public Optional<PersonIdentity> identityOf(IntakeRecord record) {
        return record.identity(identities);
    }

    private PersonView view(IntakeRecord record, PersonIdentity identity, Map<String, String> arrivals) {
        IntakeRecord.PersonalDetails details = record.personalDetails();
        PersonalDetailsInput personalDetails = new PersonalDetailsInput(identity.getGivenNames(), identity.getFamilyName(),
                identity.getDateOfBirth(), details.sex() == Sex.UNKNOWN ? null : PersonalDetailsInput.Sex.valueOf(details.sex().name()),
                identity.getVNumber(), identity.getBsn(), details.countryOfOrigin(), details.languagesSpoken(),
                details.literateInLatinScript());
        Household household = record.household().map(h -> Household.of(record.version(), h, arrivals)).orElse(null);
        FamilyReunification reunification = record.registration().getFamilyReunification();
        return new PersonView(record.personId(), record.version(), record.receptionLocation(), personalDetails, household,
                record.earlyIntake().map(e -> EarlyIntakeEvents.fromEvent(record.version(), e)).orElse(null),
                record.link().map(l -> RecordedLink.of(record.personId(), l, municipalities)).orElse(null),
                record.consent(ConsentPurpose.EMPLOYER_PROFILE_SHARING).map(RecordedConsent::of).stream().toList(),
                reunification == null ? null : new PersonView.FamilyReunificationView(reunification.getAnchorPersonId(),
                        reunification.getRelationship().name()),
                new PersonView.Status(record.link().isPresent(), record.isIntakeComplete(), record.missingSections(),
                        nareizigerExpected(record, arrivals), reunification != null));
    }
}
