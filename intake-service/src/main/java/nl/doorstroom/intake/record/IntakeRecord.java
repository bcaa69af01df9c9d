package nl.doorstroom.intake.record;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.doorstroom.platform.privacy.PersonIdentities;
import nl.doorstroom.schemas.intake.ConsentDecision;
import nl.doorstroom.schemas.intake.ConsentPurpose;
import nl.doorstroom.schemas.intake.ConsentRecorded;
import nl.doorstroom.schemas.intake.EarlyIntakeRecorded;
import nl.doorstroom.schemas.intake.HouseholdRecorded;
import nl.doorstroom.schemas.intake.PersonErased;
import nl.doorstroom.schemas.intake.PersonEvent;
import nl.doorstroom.schemas.intake.PersonIdentity;
import nl.doorstroom.schemas.intake.PersonLinkedToMunicipality;
import nl.doorstroom.schemas.intake.PersonRegistered;
import nl.doorstroom.schemas.intake.PersonalDetailsCorrected;
import nl.doorstroom.schemas.intake.Sex;

/**
 * A person's intake record (intakedossier) as it stands after its events: each event is one version, so the version
 * is the number of events, and {@link #atVersion} shows the record as it was at any earlier version. Each section
 * (personal details, household, early intake, link, consent per purpose) is the one its latest event recorded.
 */
public final class IntakeRecord {

    private final String personId;
    private final List<PersonEvent> history;
    private PersonRegistered registration;
    private ByteBuffer sealedIdentity;
    private PersonalDetails personalDetails;
    private HouseholdRecorded household;
    private EarlyIntakeRecorded earlyIntake;
    private PersonLinkedToMunicipality link;
    private Instant linkedAt;
    private final Map<ConsentPurpose, PersonEvent> consents = new EnumMap<>(ConsentPurpose.class);
    private boolean erased;

    /** Personal details other than the sealed direct identifiers. */
    public record PersonalDetails(Sex sex, String countryOfOrigin, List<String> languagesSpoken, Boolean literateInLatinScript) {
    }

    private IntakeRecord(String personId, List<PersonEvent> history) {
        this.personId = personId;
        this.history = List.copyOf(history);
        history.forEach(this::apply);
    }

    public static IntakeRecord of(String personId, List<PersonEvent> history) {
        return new IntakeRecord(personId, history);
    }

    private void apply(PersonEvent event) {
        switch (event.getPayload()) {
            case PersonRegistered registered -> {
                registration = registered;
                sealedIdentity = registered.getIdentity();
                personalDetails = new PersonalDetails(registered.getSex(), registered.getCountryOfOrigin(),
                        registered.getLanguagesSpoken(), registered.getLiterateInLatinScript());
            }
            case PersonalDetailsCorrected corrected -> {
                sealedIdentity = corrected.getIdentity();
                personalDetails = new PersonalDetails(corrected.getSex(), corrected.getCountryOfOrigin(),
                        corrected.getLanguagesSpoken(), corrected.getLiterateInLatinScript());
            }
            case HouseholdRecorded recorded -> household = recorded;
            case EarlyIntakeRecorded recorded -> earlyIntake = recorded;
            case PersonLinkedToMunicipality linked -> {
                link = linked;
                linkedAt = event.getOccurredAt();
            }
            case ConsentRecorded consent -> consents.put(consent.getPurpose(), event);
            case PersonErased ignored -> erased = true;
            case null, default -> {
                // a newer version of this service may add event types; this one leaves them out of the record
            }
        }
    }

    public String personId() {
        return personId;
    }

    /** The version of the record: the number of changes recorded, registration included. */
    public int version() {
        return history.size();
    }

    public List<PersonEvent> history() {
        return history;
    }

    /** The record as it was after the first {@code version} changes. */
    public IntakeRecord atVersion(int version) {
        return new IntakeRecord(personId, history.subList(0, Math.max(0, Math.min(version, history.size()))));
    }

    public boolean isRegistered() {
        return registration != null && !erased;
    }

    public boolean isErased() {
        return erased;
    }

    public PersonRegistered registration() {
        return registration;
    }

    public String receptionLocation() {
        return registration == null ? null : registration.getReceptionLocation();
    }

    /** The direct identifiers as last recorded, sealed with the person's key; {@code null} for a legacy registration. */
    public ByteBuffer sealedIdentity() {
        return sealedIdentity;
    }

    /** The direct identifiers, opened with the person's key while a request is served; empty once it is erased. */
    public Optional<PersonIdentity> identity(PersonIdentities identities) {
        return sealedIdentity == null ? identities.open(personId, registration) : identities.open(personId, sealedIdentity);
    }

    public PersonalDetails personalDetails() {
        return personalDetails;
    }

    public Optional<HouseholdRecorded> household() {
        return Optional.ofNullable(household);
    }

    public Optional<EarlyIntakeRecorded> earlyIntake() {
        return Optional.ofNullable(earlyIntake);
    }

    public Optional<PersonLinkedToMunicipality> link() {
        return Optional.ofNullable(link);
    }

    public Optional<Instant> linkedAt() {
        return Optional.ofNullable(linkedAt);
    }

    /** The latest consent decision for a purpose, as its event (for the date and who recorded it). */
    public Optional<PersonEvent> consent(ConsentPurpose purpose) {
        return Optional.ofNullable(consents.get(purpose));
    }

    public boolean hasConsented(ConsentPurpose purpose) {
        return consent(purpose).map(e -> ((ConsentRecorded) e.getPayload()).getDecision() == ConsentDecision.GIVEN)
                .orElse(false);
    }

    /** A nareiziger: registered as a family member of someone already here. */
    public boolean arrivedThroughFamilyReunification() {
        return registration != null && registration.getFamilyReunification() != null;
    }

    /**
     * Complete when every section the municipality needs on day one has been recorded: the household, the early
     * intake, and the person's consent decision on sharing a profile with employers (given or not).
     */
    public boolean isIntakeComplete() {
        return household != null && earlyIntake != null && consents.containsKey(ConsentPurpose.EMPLOYER_PROFILE_SHARING);
    }

    /** The sections still missing, in the order the intake form asks them. */
    public List<String> missingSections() {
        var missing = new java.util.ArrayList<String>();
        if (household == null) {
            missing.add("household");
        }
        if (earlyIntake == null) {
            missing.add("early-intake");
        }
        if (!consents.containsKey(ConsentPurpose.EMPLOYER_PROFILE_SHARING)) {
            missing.add("consent");
        }
        return List.copyOf(missing);
    }
}
