package nl.doorstroom.trajectory.handover;

import static nl.doorstroom.trajectory.handover.PersonEvents.corrected;
import static nl.doorstroom.trajectory.handover.PersonEvents.intake;
import static nl.doorstroom.trajectory.handover.PersonEvents.linked;
import static nl.doorstroom.trajectory.handover.PersonEvents.registered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.doorstroom.schemas.intake.ErasureGround;
import nl.doorstroom.schemas.intake.FamilyRelationship;
import nl.doorstroom.schemas.intake.FamilyReunification;
import nl.doorstroom.schemas.intake.PersonErased;
import nl.doorstroom.schemas.intake.PersonEvent;
import nl.doorstroom.schemas.intake.PersonRegistered;
import nl.doorstroom.schemas.intake.Sex;
import nl.doorstroom.schemas.trajectory.HandoverDossier;
import nl.doorstroom.trajectory.handover.HandoverDossiers.Applied;

class HandoverDossiersTest {

    private static final String PERSON = "3f1c2d4e-0000-4000-8000-000000000001";
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    @Test
    void anErasureRemovesTheDossierAndTheInboxEntry() {
        HandoverDossier dossier = HandoverDossiers.apply(null, registered(PERSON, T0, "Amal", "Haddad")).dossier();
        dossier = HandoverDossiers.apply(dossier, linked(PERSON, T0.plusSeconds(60), "GM0344")).dossier();

        Applied applied = HandoverDossiers.apply(dossier, PersonEvents.event(PERSON, T0.plusSeconds(120),
                new PersonErased(ErasureGround.DATA_SUBJECT_REQUEST, "AVG-1")));

        assertThat(applied.changed()).isTrue();
        assertThat(applied.dossier()).isNull();
        assertThat(applied.leftInbox()).isEqualTo("GM0344");
        assertThat(applied.inInbox()).isNull();
        assertThat(HandoverDossiers.apply(null, PersonEvents.event(PERSON, T0,
                new PersonErased(ErasureGround.DATA_SUBJECT_REQUEST, "AVG-1"))).changed())
                .as("erasing someone unknown here changes nothing").isFalse();
    }

    @Test
    void registrationStartsTheDossierOutsideAnyInbox() {
        Applied applied = HandoverDossiers.apply(null, registered(PERSON, T0, "Amal", "Haddad"));

        assertThat(applied.changed()).isTrue();
        HandoverDossier dossier = applied.dossier();
        assertThat(dossier.getPersonId()).isEqualTo(PERSON);
        assertThat(dossier.getRegistration().getGivenNames()).isEqualTo("Amal");
        assertThat(dossier.getRegisteredAt()).isEqualTo(T0);
        assertThat(dossier.getUpdatedAt()).isEqualTo(T0);
        assertThat(dossier.getEarlyIntake()).isNull();
        assertThat(dossier.getLink()).isNull();
        assertThat(applied.inInbox()).isNull();
        assertThat(applied.leftInbox()).isNull();
    }

    @Test
    void earlyIntakeIsAddedNextToTheRegistration() {
        HandoverDossier registered = HandoverDossiers.apply(null, registered(PERSON, T0, "Amal", "Haddad")).dossier();

        Applied applied = HandoverDossiers.apply(registered, intake(PERSON, T0.plusSeconds(60)));

        HandoverDossier dossier = applied.dossier();
        assertThat(dossier.getRegistration()).isEqualTo(registered.getRegistration());
        assertThat(dossier.getEarlyIntake().getEducation().getYearsOfSchooling()).isEqualTo(16);
        assertThat(dossier.getEarlyIntakeRecordedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(dossier.getUpdatedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(applied.inInbox()).isNull();
    }

    @Test
    void aLinkPutsTheCompleteDossierInThatMunicipalitysInbox() {
        HandoverDossier dossier = HandoverDossiers.apply(null, registered(PERSON, T0, "Amal", "Haddad")).dossier();
        dossier = HandoverDossiers.apply(dossier, intake(PERSON, T0.plusSeconds(60))).dossier();

        Applied applied = HandoverDossiers.apply(dossier, linked(PERSON, T0.plusSeconds(120), "GM0344"));

        assertThat(applied.changed()).isTrue();
        assertThat(applied.inInbox()).isEqualTo("GM0344");
        assertThat(applied.leftInbox()).isNull();
        assertThat(applied.dossier().getLink().getMunicipalityCode()).isEqualTo("GM0344");
        assertThat(applied.dossier().getLinkedAt()).isEqualTo(T0.plusSeconds(120));
        assertThat(applied.dossier().getRegistration()).isNotNull();
        assertThat(applied.dossier().getEarlyIntake()).isNotNull();
    }

    @Test
    void aReLinkMovesThePersonToTheOtherInbox() {
        HandoverDossier dossier = HandoverDossiers.apply(null, registered(PERSON, T0, "Amal", "Haddad")).dossier();
        dossier = HandoverDossiers.apply(dossier, linked(PERSON, T0.plusSeconds(60), "GM0344")).dossier();

        Applied applied = HandoverDossiers.apply(dossier, linked(PERSON, T0.plusSeconds(120), "GM0307"));

        assertThat(applied.leftInbox()).isEqualTo("GM0344");
        assertThat(applied.inInbox()).isEqualTo("GM0307");
        assertThat(HandoverDossiers.municipalityOf(applied.dossier())).isEqualTo("GM0307");
        assertThat(applied.dossier().getLinkedAt()).isEqualTo(T0.plusSeconds(120));
    }

    @Test
    void aReLinkToTheSameMunicipalityLeavesNoInbox() {
        HandoverDossier dossier = HandoverDossiers.apply(null, linked(PERSON, T0, "GM0344")).dossier();

        Applied applied = HandoverDossiers.apply(dossier, linked(PERSON, T0.plusSeconds(60), "GM0344"));

        assertThat(applied.leftInbox()).isNull();
        assertThat(applied.inInbox()).isEqualTo("GM0344");
        assertThat(applied.dossier().getLinkedAt()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void intakeAndLinkBeforeTheRegistrationAreHeldUntilItArrives() {
        Applied intake = HandoverDossiers.apply(null, intake(PERSON, T0));
        assertThat(intake.dossier().getRegistration()).isNull();
        assertThat(intake.dossier().getEarlyIntake()).isNotNull();

        Applied link = HandoverDossiers.apply(intake.dossier(), linked(PERSON, T0.plusSeconds(10), "GM0344"));
        assertThat(link.inInbox()).isEqualTo("GM0344");

        Applied registration = HandoverDossiers.apply(link.dossier(), registered(PERSON, T0.plusSeconds(20), "Amal", "Haddad"));
        HandoverDossier dossier = registration.dossier();
        assertThat(dossier.getRegistration().getFamilyName()).isEqualTo("Haddad");
        assertThat(dossier.getEarlyIntake()).isEqualTo(intake.dossier().getEarlyIntake());
        assertThat(dossier.getLink().getMunicipalityCode()).isEqualTo("GM0344");
        assertThat(registration.inInbox()).isEqualTo("GM0344");
        assertThat(registration.leftInbox()).isNull();
    }

    @Test
    void aLaterRecordingReplacesTheEarlierOneAsAWhole() {
        HandoverDossier dossier = HandoverDossiers.apply(null, registered(PERSON, T0, "Amal", "Haddad")).dossier();

        dossier = HandoverDossiers.apply(dossier, registered(PERSON, T0.plusSeconds(60), "Amal Noor", "Haddad")).dossier();

        assertThat(dossier.getRegistration().getGivenNames()).isEqualTo("Amal Noor");
        assertThat(dossier.getRegisteredAt()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void aLateDuplicateOfAnOlderLinkDoesNotUndoAReLink() {
        var first = linked(PERSON, T0, "GM0344");
        HandoverDossier dossier = HandoverDossiers.apply(null, first).dossier();
        dossier = HandoverDossiers.apply(dossier, linked(PERSON, T0.plusSeconds(60), "GM0307")).dossier();

        Applied duplicate = HandoverDossiers.apply(dossier, first);

        assertThat(duplicate.changed()).isFalse();
        assertThat(duplicate.dossier()).isSameAs(dossier);
        assertThat(duplicate.leftInbox()).isNull();
        assertThat(duplicate.inInbox()).isEqualTo("GM0307");
    }

    @Test
    void applyingTheSameEventTwiceChangesNothing() {
        var link = linked(PERSON, T0, "GM0344");
        HandoverDossier dossier = HandoverDossiers.apply(null, link).dossier();

        Applied again = HandoverDossiers.apply(dossier, link);

        assertThat(again.changed()).isFalse();
        assertThat(again.dossier()).isEqualTo(dossier);
    }

    @Test
    void anUnknownEventTypeIsIgnored() {
        HandoverDossier dossier = HandoverDossiers.apply(null, registered(PERSON, T0, "Amal", "Haddad")).dossier();

        // a payload type this version does not know (here a record that is not a branch of the union)
        Object unknown = nl.doorstroom.schemas.intake.Wishes.newBuilder().build();
        Applied applied = HandoverDossiers.apply(dossier, PersonEvents.event(PERSON, T0.plusSeconds(5), unknown));

        assertThat(applied.changed()).isFalse();
        assertThat(applied.dossier()).isSameAs(dossier);
        assertThat(HandoverDossiers.apply(null, PersonEvents.event(PERSON, T0, unknown)).dossier()).isNull();
    }

    @Test
    void aCorrectionReplacesThePersonalDetailsOfTheRegistrationAndKeepsTheRest() {
        PersonEvent registration = PersonEvents.event(PERSON, T0, PersonRegistered.newBuilder()
                .setIdentity(sealed("as-registered")).setSex(Sex.UNDETERMINED).setCountryOfOrigin("SY")
                .setReceptionLocation("AZC-BUDEL").setLanguagesSpoken(List.of("ar")).setLiterateInLatinScript(false)
                .setFamilyReunification(new FamilyReunification("anchor-id", FamilyRelationship.PARTNER, "member-1"))
                .build());
        HandoverDossier dossier = HandoverDossiers.apply(null, registration).dossier();
        dossier = HandoverDossiers.apply(dossier, linked(PERSON, T0.plusSeconds(30), "GM0344")).dossier();

        Applied applied = HandoverDossiers.apply(dossier, corrected(PERSON, T0.plusSeconds(60), "with-bsn", "ER"));

        assertThat(applied.changed()).isTrue();
        assertThat(applied.inInbox()).as("stays where it is").isEqualTo("GM0344");
        assertThat(applied.leftInbox()).isNull();
        PersonRegistered registered = applied.dossier().getRegistration();
        assertThat(registered.getIdentity()).isEqualTo(sealed("with-bsn"));
        assertThat(registered.getSex()).isEqualTo(Sex.FEMALE);
        assertThat(registered.getCountryOfOrigin()).isEqualTo("ER");
        assertThat(registered.getLanguagesSpoken()).containsExactly("ar", "nl");
        assertThat(registered.getLiterateInLatinScript()).isTrue();
        assertThat(registered.getReceptionLocation()).as("not part of the personal details").isEqualTo("AZC-BUDEL");
        assertThat(registered.getFamilyReunification().getAnchorPersonId()).isEqualTo("anchor-id");
        assertThat(applied.dossier().getRegisteredAt()).as("when the registration was recorded").isEqualTo(T0);
        assertThat(applied.dossier().getPersonalDetailsCorrectedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(applied.dossier().getUpdatedAt()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void aCorrectionReplacesThePlainIdentifiersOfAFirstVersionRegistration() {
        HandoverDossier dossier = HandoverDossiers.apply(null, registered(PERSON, T0, "Amal", "Haddad")).dossier();

        PersonRegistered registered = HandoverDossiers.apply(dossier, corrected(PERSON, T0.plusSeconds(60), "with-bsn", "SY"))
                .dossier().getRegistration();

        assertThat(registered.getIdentity()).isEqualTo(sealed("with-bsn"));
        assertThat(registered.getGivenNames()).isNull();
        assertThat(registered.getFamilyName()).isNull();
        assertThat(registered.getDateOfBirth()).isNull();
        assertThat(registered.getVNumber()).isNull();
    }

    @Test
    void aLateDuplicateOfAnOlderCorrectionDoesNotUndoANewerOne() {
        var first = corrected(PERSON, T0.plusSeconds(60), "first-correction", "SY");
        HandoverDossier dossier = HandoverDossiers.apply(null, registered(PERSON, T0, "Amal", "Haddad")).dossier();
        dossier = HandoverDossiers.apply(dossier, first).dossier();
        dossier = HandoverDossiers.apply(dossier, corrected(PERSON, T0.plusSeconds(120), "second-correction", "ER")).dossier();

        Applied duplicate = HandoverDossiers.apply(dossier, first);

        assertThat(duplicate.changed()).isFalse();
        assertThat(duplicate.dossier()).isSameAs(dossier);
        assertThat(duplicate.dossier().getRegistration().getIdentity()).isEqualTo(sealed("second-correction"));
        assertThat(duplicate.dossier().getRegistration().getCountryOfOrigin()).isEqualTo("ER");
    }

    @Test
    void aCorrectionOlderThanTheRegistrationIsStale() {
        HandoverDossier dossier = HandoverDossiers.apply(null, registered(PERSON, T0.plusSeconds(60), "Amal", "Haddad")).dossier();

        Applied stale = HandoverDossiers.apply(dossier, corrected(PERSON, T0, "older-correction", "ER"));

        assertThat(stale.changed()).isFalse();
        assertThat(stale.dossier()).isSameAs(dossier);
        assertThat(stale.dossier().getRegistration().getFamilyName()).isEqualTo("Haddad");
    }

    @Test
    void theRegistrationAppliedAgainDoesNotUndoTheCorrection() {
        var registration = registered(PERSON, T0, "Amal", "Haddad");
        HandoverDossier dossier = HandoverDossiers.apply(null, registration).dossier();
        dossier = HandoverDossiers.apply(dossier, corrected(PERSON, T0.plusSeconds(60), "with-bsn", "ER")).dossier();

        Applied again = HandoverDossiers.apply(dossier, registration);

        assertThat(again.changed()).isFalse();
        assertThat(again.dossier()).isEqualTo(dossier);
        assertThat(again.dossier().getRegistration().getIdentity()).isEqualTo(sealed("with-bsn"));
        assertThat(again.dossier().getRegistration().getGivenNames()).isNull();
    }

    @Test
    void applyingTheSameCorrectionTwiceChangesNothing() {
        var correction = corrected(PERSON, T0.plusSeconds(60), "with-bsn", "ER");
        HandoverDossier dossier = HandoverDossiers.apply(null, registered(PERSON, T0, "Amal", "Haddad")).dossier();
        dossier = HandoverDossiers.apply(dossier, correction).dossier();

        Applied again = HandoverDossiers.apply(dossier, correction);

        assertThat(again.changed()).isFalse();
        assertThat(again.dossier()).isEqualTo(dossier);
    }

    @Test
    void aCorrectionBeforeTheRegistrationIsHeldUntilItArrives() {
        Applied correction = HandoverDossiers.apply(null, corrected(PERSON, T0.plusSeconds(60), "with-bsn", "ER"));
        assertThat(correction.changed()).isTrue();
        assertThat(correction.dossier().getRegistration()).isNull();
        assertThat(correction.inInbox()).isNull();

        Applied registration = HandoverDossiers.apply(correction.dossier(), registered(PERSON, T0, "Amal", "Haddad"));

        PersonRegistered registered = registration.dossier().getRegistration();
        assertThat(registered.getIdentity()).isEqualTo(sealed("with-bsn"));
        assertThat(registered.getGivenNames()).isNull();
        assertThat(registered.getCountryOfOrigin()).isEqualTo("ER");
        assertThat(registered.getReceptionLocation()).isEqualTo("AZC-TER-APEL");
        assertThat(registration.dossier().getRegisteredAt()).isEqualTo(T0);
        assertThat(registration.dossier().getUpdatedAt()).as("never goes back").isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void aNewerRegistrationReplacesTheCorrectedDetailsAsAWhole() {
        var correction = corrected(PERSON, T0.plusSeconds(60), "with-bsn", "ER");
        HandoverDossier dossier = HandoverDossiers.apply(null, registered(PERSON, T0, "Amal", "Haddad")).dossier();
        dossier = HandoverDossiers.apply(dossier, correction).dossier();

        dossier = HandoverDossiers.apply(dossier, registered(PERSON, T0.plusSeconds(120), "Amal Noor", "Haddad")).dossier();

        assertThat(dossier.getRegistration().getGivenNames()).isEqualTo("Amal Noor");
        assertThat(dossier.getRegistration().getIdentity()).isNull();
        assertThat(dossier.getRegistration().getCountryOfOrigin()).isEqualTo("SY");
        assertThat(dossier.getPersonalDetailsCorrection()).as("no older personal details kept").isNull();
        assertThat(HandoverDossiers.apply(dossier, correction).changed()).as("the older correction is stale now").isFalse();
    }

    private static ByteBuffer sealed(String identity) {
        return ByteBuffer.wrap(identity.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anEventOfAnotherPersonIsRefused() {
        HandoverDossier dossier = HandoverDossiers.apply(null, registered(PERSON, T0, "Amal", "Haddad")).dossier();

        assertThatThrownBy(() -> HandoverDossiers.apply(dossier, linked("someone-else", T0, "GM0344")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
