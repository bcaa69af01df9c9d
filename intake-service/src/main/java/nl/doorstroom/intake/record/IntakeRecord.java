package nl.doorstroom.intake.record;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import nl.doorstroom.platform.privacy.PersonIdentities;
import nl.doorstroom.platform.write.RecordFold;
import nl.doorstroom.platform.write.RecordStores;
import nl.doorstroom.platform.write.RecordStore;
import nl.doorstroom.schemas.intake.ConsentDecision;
import nl.doorstroom.schemas.intake.ConsentPurpose;
import nl.doorstroom.schemas.intake.ConsentRecorded;
import nl.doorstroom.schemas.intake.EarlyIntakeRecorded;
import nl.doorstroom.schemas.intake.HouseholdRecorded;
import nl.doorstroom.schemas.intake.IntakeRecordState;
import nl.doorstroom.schemas.intake.PersonErased;
import nl.doorstroom.schemas.intake.PersonEvent;
import nl.doorstroom.schemas.intake.PersonIdentity;
import nl.doorstroom.schemas.intake.PersonLinkedToMunicipality;
import nl.doorstroom.schemas.intake.PersonRegistered;
import nl.doorstroom.schemas.intake.PersonalDetailsCorrected;
import nl.doorstroom.schemas.intake.Sex;
import nl.doorstroom.schemas.platform.WriterState;

/**
 * A person's intake record (intakedossier) as it stands after its events: each section (personal details, household,
 * early intake, link, consent per purpose) is the one its latest event recorded, and every event is one version. The
 * record keeps no history ({@link PersonRecords#history} has the events), so it stays the same size however often it
 * is corrected. An erased record keeps only its version and the erasure.
 */
public final class IntakeRecord implements RecordStore.Versioned {

    /** How the stored record follows the events; the platform adds the version and the recent requests. */
    static final RecordFold<IntakeRecordState, PersonEvent> FOLD = RecordFold.of(
            personId -> IntakeRecordState.newBuilder().setPersonId(personId).setWrites(RecordFold.unwritten()).build(),
            IntakeRecordState::getWrites, IntakeRecord::apply, event -> event.getPayload() instanceof PersonErased);

    private final IntakeRecordState state;

    /** Personal details other than the sealed direct identifiers. */
    public record PersonalDetails(Sex sex, String countryOfOrigin, List<String> languagesSpoken, Boolean literateInLatinScript) {
    }

    private IntakeRecord(IntakeRecordState state) {
        this.state = state;
    }

    /** The record as its store keeps it. */
    static IntakeRecord of(IntakeRecordState state) {
        return new IntakeRecord(state);
    }

    /** The record of a person without events: version 0, nothing recorded. */
    public static IntakeRecord empty(String personId) {
        return new IntakeRecord(FOLD.empty(personId));
    }

    /** The record after one more event. */
    public IntakeRecord with(PersonEvent event) {
        return new IntakeRecord(RecordStores.fold(FOLD, state, event));
    }

    private static IntakeRecordState apply(IntakeRecordState record, PersonEvent event, WriterState written) {
        var next = IntakeRecordState.newBuilder(record).setWrites(written);
        switch (event.getPayload()) {
            case PersonRegistered registered -> next.setRegistration(registered).setRegisteredAt(event.getOccurredAt());
            case PersonalDetailsCorrected corrected -> next.setCorrection(corrected);
            case HouseholdRecorded recorded -> next.setHousehold(recorded);
            case EarlyIntakeRecorded recorded -> next.setEarlyIntake(recorded);
            case PersonLinkedToMunicipality linked -> next.setLink(linked).setLinkedAt(event.getOccurredAt());
            case ConsentRecorded consent -> {
                List<PersonEvent> consents = new ArrayList<>(record.getConsents().stream()
                        .filter(e -> ((ConsentRecorded) e.getPayload()).getPurpose() != consent.getPurpose()).toList());
                consents.add(event);
                next.setConsents(consents);
            }
            case PersonErased erased -> {
                // nothing of the person stays: the version, so the record still counts, and the erasure itself
                return IntakeRecordState.newBuilder().setPersonId(record.getPersonId())
                        .setWrites(new WriterState(written.getVersion(), List.of())).setErasure(erased).build();
            }
            case null, default -> {
                // a newer version of this service may add event types; this one leaves them out of the record
            }
        }
        return next.build();
    }

    IntakeRecordState state() {
        return state;
    }

    public String personId() {
        return state.getPersonId();
    }

    /** The writer's part: the version (the number of changes recorded, registration included) and recent requests. */
    @Override
    public WriterState writes() {
        return state.getWrites();
    }

    public boolean isRegistered() {
        return state.getRegistration() != null && !isErased();
    }

    public boolean isErased() {
        return state.getErasure() != null;
    }

    public PersonRegistered registration() {
        return state.getRegistration();
    }

    public String receptionLocation() {
        return registration() == null ? null : registration().getReceptionLocation();
    }

    /** The direct identifiers as last recorded, sealed with the person's key; {@code null} for a legacy registration. */
    public ByteBuffer sealedIdentity() {
        return state.getCorrection() != null ? state.getCorrection().getIdentity()
                : registration() == null ? null : registration().getIdentity();
    }

    /** The direct identifiers, opened with the person's key while a request is served; empty once it is erased. */
    public Optional<PersonIdentity> identity(PersonIdentities identities) {
        ByteBuffer sealed = sealedIdentity();
        return sealed == null ? identities.open(personId(), registration()) : identities.open(personId(), sealed);
    }

    public PersonalDetails personalDetails() {
        PersonalDetailsCorrected corrected = state.getCorrection();
        if (corrected != null) {
            return new PersonalDetails(corrected.getSex(), corrected.getCountryOfOrigin(), corrected.getLanguagesSpoken(),
                    corrected.getLiterateInLatinScript());
        }
        PersonRegistered registered = registration();
        return registered == null ? null : new PersonalDetails(registered.getSex(), registered.getCountryOfOrigin(),
                registered.getLanguagesSpoken(), registered.getLiterateInLatinScript());
    }

    public Optional<HouseholdRecorded> household() {
        return Optional.ofNullable(state.getHousehold());
    }

    public Optional<EarlyIntakeRecorded> earlyIntake() {
        return Optional.ofNullable(state.getEarlyIntake());
    }

    public Optional<PersonLinkedToMunicipality> link() {
        return Optional.ofNullable(state.getLink());
    }

    /** When the registration was recorded; empty for an erased record. */
    public Optional<Instant> registeredAt() {
        return Optional.ofNullable(state.getRegisteredAt());
    }

    public Optional<Instant> linkedAt() {
        return Optional.ofNullable(state.getLinkedAt());
    }

    /** The latest consent decision for a purpose, as its event (for the date and who recorded it). */
    public Optional<PersonEvent> consent(ConsentPurpose purpose) {
        return state.getConsents().stream()
                .filter(e -> ((ConsentRecorded) e.getPayload()).getPurpose() == purpose).findFirst();
    }

    public boolean hasConsented(ConsentPurpose purpose) {
        return consent(purpose).map(e -> ((ConsentRecorded) e.getPayload()).getDecision() == ConsentDecision.GIVEN)
                .orElse(false);
    }

    /** A nareiziger: registered as a family member of someone already here. */
    public boolean arrivedThroughFamilyReunification() {
        return registration() != null && registration().getFamilyReunification() != null;
    }

    /**
     * Complete when every section the municipality needs on day one has been recorded: the household, the early
     * intake, and the person's consent decision on sharing a profile with employers (given or not).
     */
    public boolean isIntakeComplete() {
        return missingSections().isEmpty();
    }

    /** The sections still missing, in the order the intake form asks them. */
    public List<String> missingSections() {
        var missing = new ArrayList<String>();
        if (household().isEmpty()) {
            missing.add("household");
        }
        if (earlyIntake().isEmpty()) {
            missing.add("early-intake");
        }
        if (consent(ConsentPurpose.EMPLOYER_PROFILE_SHARING).isEmpty()) {
            missing.add("consent");
        }
        return List.copyOf(missing);
    }
}
