package nl.doorstroom.trajectory.handover;

import static nl.doorstroom.trajectory.handover.PersonEvents.linked;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import nl.doorstroom.schemas.intake.ConsentDecision;
import nl.doorstroom.schemas.intake.ConsentPurpose;
import nl.doorstroom.schemas.intake.ConsentRecorded;
import nl.doorstroom.schemas.trajectory.HandoverDossier;
import nl.doorstroom.schemas.trajectory.HandoverAccepted;
import nl.doorstroom.schemas.trajectory.PersonMoved;
import nl.doorstroom.schemas.trajectory.RecordedBy;
import nl.doorstroom.schemas.trajectory.TrajectoryEvent;

/** The dossier rules for moves (from the trajectory topic) and for consent (from intake). */
class DossierMovesTest {

    private static final String PERSON = "3f1c2a9e-0000-4000-8000-000000000001";
    private static final Instant T = Instant.parse("2026-03-01T09:00:00Z");

    private final HandoverDossier linkedToUtrecht = HandoverDossiers.apply(null, linked(PERSON, T, "GM0344")).dossier();

    @Test
    void aMoveTakesThePersonFromTheOldInboxToTheNewOne() {
        var applied = HandoverDossiers.applyMove(linkedToUtrecht, moved("m-1", T.plusSeconds(60), "GM0307"));
        assertThat(applied.changed()).isTrue();
        assertThat(applied.leftInbox()).isEqualTo("GM0344");
        assertThat(applied.inInbox()).isEqualTo("GM0307");
        assertThat(HandoverDossiers.municipalityOf(applied.dossier())).isEqualTo("GM0307");
        assertThat(HandoverDossiers.arrivedAt(applied.dossier())).isEqualTo(T.plusSeconds(60));
        assertThat(applied.dossier().getLink().getMunicipalityCode()).as("the link is kept").isEqualTo("GM0344");
    }

    @Test
    void aRedeliveredOrOlderMoveChangesNothing() {
        HandoverDossier moved = HandoverDossiers.applyMove(linkedToUtrecht, moved("m-1", T.plusSeconds(60), "GM0307")).dossier();
        assertThat(HandoverDossiers.applyMove(moved, moved("m-1", T.plusSeconds(60), "GM0307")).changed()).isFalse();
        var older = HandoverDossiers.applyMove(moved, moved("m-0", T.plusSeconds(30), "GM0363"));
        assertThat(older.changed()).isFalse();
        assertThat(HandoverDossiers.municipalityOf(older.dossier())).isEqualTo("GM0307");
        var later = HandoverDossiers.applyMove(moved, moved("m-2", T.plusSeconds(90), "GM0363"));
        assertThat(later.leftInbox()).isEqualTo("GM0307");
        assertThat(later.inInbox()).isEqualTo("GM0363");
    }

    @Test
    void aMoveOfSomeoneWithoutADossierOrAnotherTrajectoryEventChangesNothing() {
        assertThat(HandoverDossiers.applyMove(null, moved("m-1", T, "GM0307")).changed()).isFalse();
        TrajectoryEvent accepted = event("e-1", T.plusSeconds(5), new HandoverAccepted("cw-1"));
        assertThat(HandoverDossiers.applyMove(linkedToUtrecht, accepted).changed()).isFalse();
    }

    @Test
    void aLaterIntakeLinkDoesNotUndoAMove() {
        HandoverDossier moved = HandoverDossiers.applyMove(linkedToUtrecht, moved("m-1", T.plusSeconds(60), "GM0307")).dossier();
        var relinked = HandoverDossiers.apply(moved, linked(PERSON, T.plusSeconds(120), "GM0344"));
        assertThat(relinked.changed()).as("the link itself is recorded").isTrue();
        assertThat(relinked.dossier().getLink().getMunicipalityCode()).isEqualTo("GM0344");
        assertThat(relinked.leftInbox()).isNull();
        assertThat(relinked.inInbox()).isEqualTo("GM0307");
    }

    @Test
    void theLatestConsentDecisionForEmployerProfileSharingCounts() {
        HandoverDossier given = HandoverDossiers.apply(linkedToUtrecht,
                consent(T.plusSeconds(10), ConsentPurpose.EMPLOYER_PROFILE_SHARING, ConsentDecision.GIVEN)).dossier();
        assertThat(HandoverDossiers.employerProfileSharingConsented(given)).isTrue();
        var staleWithdrawal = HandoverDossiers.apply(given,
                consent(T.plusSeconds(5), ConsentPurpose.EMPLOYER_PROFILE_SHARING, ConsentDecision.WITHDRAWN));
        assertThat(staleWithdrawal.changed()).isFalse();
        HandoverDossier withdrawn = HandoverDossiers.apply(given,
                consent(T.plusSeconds(20), ConsentPurpose.EMPLOYER_PROFILE_SHARING, ConsentDecision.WITHDRAWN)).dossier();
        assertThat(HandoverDossiers.employerProfileSharingConsented(withdrawn)).isFalse();
        assertThat(HandoverDossiers.apply(linkedToUtrecht,
                consent(T.plusSeconds(10), ConsentPurpose.UNKNOWN, ConsentDecision.GIVEN)).changed())
                .as("consent for another purpose").isFalse();
    }

    private static nl.doorstroom.schemas.intake.PersonEvent consent(Instant at, ConsentPurpose purpose, ConsentDecision decision) {
        return PersonEvents.event(PERSON, at, new ConsentRecorded(purpose, decision, LocalDate.of(2026, 3, 1)));
    }

    private static TrajectoryEvent moved(String eventId, Instant at, String to) {
        return event(eventId, at, new PersonMoved("GM0344", to, LocalDate.of(2026, 3, 2)));
    }

    private static TrajectoryEvent event(String eventId, Instant at, Object payload) {
        return TrajectoryEvent.newBuilder().setEventId(eventId + UUID.nameUUIDFromBytes(eventId.getBytes()))
                .setPersonId(PERSON).setOccurredAt(at).setMunicipalityCode("GM0344").setRecordVersion(1)
                .setRecordedBy(new RecordedBy("case-worker", "GM0344", "cw-1", null)).setPayload(payload).build();
    }
}
