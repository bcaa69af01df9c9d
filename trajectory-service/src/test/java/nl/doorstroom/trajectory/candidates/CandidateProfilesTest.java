package nl.doorstroom.trajectory.candidates;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import nl.doorstroom.platform.reference.Municipalities;
import nl.doorstroom.schemas.intake.CefrLevel;
import nl.doorstroom.schemas.intake.CefrSkill;
import nl.doorstroom.schemas.intake.ConsentDecision;
import nl.doorstroom.schemas.intake.ConsentPurpose;
import nl.doorstroom.schemas.intake.ConsentRecorded;
import nl.doorstroom.schemas.trajectory.CandidateProfile;
import nl.doorstroom.schemas.trajectory.ClosureOutcome;
import nl.doorstroom.schemas.trajectory.HandoverDossier;
import nl.doorstroom.schemas.trajectory.MilestoneKind;
import nl.doorstroom.schemas.trajectory.MilestoneReached;
import nl.doorstroom.schemas.trajectory.PlacementReadinessChanged;
import nl.doorstroom.schemas.trajectory.RecordedBy;
import nl.doorstroom.schemas.trajectory.TrajectoryClosed;
import nl.doorstroom.schemas.trajectory.TrajectoryEvent;
import nl.doorstroom.trajectory.handover.HandoverDossiers;
import nl.doorstroom.trajectory.handover.PersonEvents;
import nl.doorstroom.trajectory.record.TrajectoryRecord;

class CandidateProfilesTest {

    private static final Municipalities MUNICIPALITIES =
            Municipalities.load(new ClassPathResource(Municipalities.DEFAULT_LOCATION.substring("classpath:".length())));
    private static final String PERSON = "3f1c2a9e-0000-4000-8000-000000000002";
    private static final String PSEUDONYM = "employer-abcdefghijklmnopqrstuvwxyz234567";
    private static final Instant T = Instant.parse("2026-03-01T09:00:00Z");
    private static final Object READY = new PlacementReadinessChanged(true);

    @Test
    void aReadyPersonWithConsentHasAMinimisedProfile() {
        CandidateProfile profile = CandidateProfiles.of(PSEUDONYM, dossier(ConsentDecision.GIVEN), record(READY,
                new MilestoneReached("m-1", MilestoneKind.EXAM_PASSED, LocalDate.of(2026, 9, 1), CefrSkill.READING,
                        CefrLevel.B1, null)), MUNICIPALITIES).orElseThrow();
        assertThat(profile.getCandidatePseudonym()).isEqualTo(PSEUDONYM);
        assertThat(profile.getIscoCodes()).containsExactly("2142");
        assertThat(profile.getLanguageLevels()).extracting(l -> l.getLanguage() + " " + l.getSkill() + " " + l.getLevel())
                .as("the Dutch reading exam raises A1 to B1").containsExactly("ar SPOKEN_PRODUCTION C2", "nl READING B1");
        assertThat(profile.getMunicipalityCode()).isEqualTo("GM0344");
        assertThat(profile.getLabourMarketRegionCode()).isEqualTo("AM13");
    }

    @Test
    void withoutConsentReadinessAnOpenTrajectoryOrADossierThereIsNone() {
        assertThat(CandidateProfiles.of(PSEUDONYM, dossier(null), record(READY), MUNICIPALITIES)).isEmpty();
        assertThat(CandidateProfiles.of(PSEUDONYM, dossier(ConsentDecision.WITHDRAWN), record(READY), MUNICIPALITIES)).isEmpty();
        assertThat(CandidateProfiles.of(PSEUDONYM, dossier(ConsentDecision.GIVEN), record(), MUNICIPALITIES)).isEmpty();
        assertThat(CandidateProfiles.of(PSEUDONYM, dossier(ConsentDecision.GIVEN),
                record(READY, new PlacementReadinessChanged(false)), MUNICIPALITIES)).isEmpty();
        assertThat(CandidateProfiles.of(PSEUDONYM, dossier(ConsentDecision.GIVEN),
                record(READY, new TrajectoryClosed(LocalDate.of(2026, 9, 1), ClosureOutcome.COMPLETED, null)),
                MUNICIPALITIES)).isEmpty();
        assertThat(CandidateProfiles.of(PSEUDONYM, null, record(READY), MUNICIPALITIES)).as("erased").isEmpty();
    }

    private static HandoverDossier dossier(ConsentDecision consent) {
        HandoverDossier dossier = HandoverDossiers.apply(null, PersonEvents.registered(PERSON, T, "Rania", "Darwish")).dossier();
        dossier = HandoverDossiers.apply(dossier, PersonEvents.intake(PERSON, T.plusSeconds(1))).dossier();
        dossier = HandoverDossiers.apply(dossier, PersonEvents.linked(PERSON, T.plusSeconds(2), "GM0344")).dossier();
        return consent == null ? dossier : HandoverDossiers.apply(dossier, PersonEvents.event(PERSON, T.plusSeconds(3),
                new ConsentRecorded(ConsentPurpose.EMPLOYER_PROFILE_SHARING, consent, LocalDate.of(2026, 3, 1)))).dossier();
    }

    private static TrajectoryRecord record(Object... payloads) {
        List<TrajectoryEvent> events = new ArrayList<>();
        for (Object payload : payloads) {
            events.add(TrajectoryEvent.newBuilder().setEventId(UUID.randomUUID().toString()).setPersonId(PERSON)
                    .setOccurredAt(T.plusSeconds(60)).setMunicipalityCode("GM0344").setRecordVersion(events.size() + 1)
                    .setRecordedBy(new RecordedBy("case-worker", "GM0344", "cw-1", null)).setPayload(payload).build());
        }
        return TrajectoryRecord.of(PERSON, events);
    }
}
