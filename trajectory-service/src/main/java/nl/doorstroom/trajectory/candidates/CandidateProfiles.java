package nl.doorstroom.trajectory.candidates;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.doorstroom.platform.reference.Municipalities;
import nl.doorstroom.platform.reference.Municipality;
import nl.doorstroom.schemas.intake.CefrLevel;
import nl.doorstroom.schemas.intake.CefrSkill;
import nl.doorstroom.schemas.intake.DutchEducationLevel;
import nl.doorstroom.schemas.intake.EarlyIntakeRecorded;
import nl.doorstroom.schemas.intake.IscedLevel;
import nl.doorstroom.schemas.trajectory.CandidateEducationLevel;
import nl.doorstroom.schemas.trajectory.CandidateLanguageLevel;
import nl.doorstroom.schemas.trajectory.CandidateProfile;
import nl.doorstroom.schemas.trajectory.HandoverDossier;
import nl.doorstroom.schemas.trajectory.MilestoneKind;
import nl.doorstroom.schemas.trajectory.MilestoneReached;
import nl.doorstroom.trajectory.handover.HandoverDossiers;
import nl.doorstroom.trajectory.record.TrajectoryRecord;

/**
 * The candidate profile a person's dossier and trajectory give, if any. A profile exists only while all of these hold:
 * the person has a dossier (not erased) with a responsible municipality, their latest intake decision on consent for
 * employer profile sharing is GIVEN, a case worker marked them ready for placements, and the trajectory is not closed.
 * It holds only what an employer needs to propose a placement — never a name, date of birth, country of origin, BSN,
 * V-number or the person id. No Kafka here.
 */
public final class CandidateProfiles {

    /** Language of exams passed in the trajectory (inburgeringsexamen). */
    static final String DUTCH = "nl";

    private CandidateProfiles() {
    }

    /**
     * @param candidatePseudonym the person's pseudonym in the employer domain
     * @param dossier            the handover dossier, or {@code null} when there is none (erased)
     * @param record             the trajectory record
     */
    public static Optional<CandidateProfile> of(String candidatePseudonym, HandoverDossier dossier,
                                                TrajectoryRecord record, Municipalities municipalities) {
        if (dossier == null || !HandoverDossiers.employerProfileSharingConsented(dossier)
                || !record.isReadyForPlacements() || record.isClosed()) {
            return Optional.empty();
        }
        Optional<Municipality> municipality = municipalities.find(HandoverDossiers.municipalityOf(dossier));
        if (municipality.isEmpty()) {
            return Optional.empty();
        }
        EarlyIntakeRecorded intake = dossier.getEarlyIntake();
        return Optional.of(CandidateProfile.newBuilder()
                .setCandidatePseudonym(candidatePseudonym)
                .setIscoCodes(intake == null || intake.getWorkExperience() == null ? List.of()
                        : intake.getWorkExperience().stream().map(w -> w.getIscoCode()).distinct().toList())
                .setEducationLevel(educationLevel(intake))
                .setLanguageLevels(languageLevels(intake, record.milestones()))
                .setAvailableHoursPerWeek(intake == null || intake.getAvailability() == null ? null
                        : intake.getAvailability().getHoursPerWeek())
                .setMunicipalityCode(municipality.get().code())
                .setLabourMarketRegionCode(municipality.get().regionCode())
                .build());
    }

    private static CandidateEducationLevel educationLevel(EarlyIntakeRecorded intake) {
        if (intake == null || intake.getEducation() == null || intake.getEducation().getHighestLevel() == IscedLevel.UNKNOWN) {
            return null;
        }
        DutchEducationLevel dutch = intake.getEducation().getDutchComparableLevel();
        return new CandidateEducationLevel(intake.getEducation().getHighestLevel(),
                dutch == DutchEducationLevel.UNKNOWN ? null : dutch);
    }

    /** The intake's levels per language and skill, each Dutch skill raised to the highest exam passed since. */
    private static List<CandidateLanguageLevel> languageLevels(EarlyIntakeRecorded intake, List<MilestoneReached> milestones) {
        Map<String, CandidateLanguageLevel> levels = new LinkedHashMap<>();
        if (intake != null && intake.getLanguageLevels() != null) {
            intake.getLanguageLevels().stream()
                    .filter(l -> l.getSkill() != CefrSkill.UNKNOWN && l.getLevel() != CefrLevel.UNKNOWN)
                    .forEach(l -> raise(levels, new CandidateLanguageLevel(l.getLanguage(), l.getSkill(), l.getLevel())));
        }
        milestones.stream()
                .filter(m -> m.getKind() == MilestoneKind.EXAM_PASSED && m.getSkill() != null && m.getLevel() != null
                        && m.getSkill() != CefrSkill.UNKNOWN && m.getLevel() != CefrLevel.UNKNOWN)
                .forEach(m -> raise(levels, new CandidateLanguageLevel(DUTCH, m.getSkill(), m.getLevel())));
        return new ArrayList<>(levels.values());
    }

    private static void raise(Map<String, CandidateLanguageLevel> levels, CandidateLanguageLevel level) {
        levels.merge(level.getLanguage() + "|" + level.getSkill(), level,
                (was, now) -> now.getLevel().ordinal() > was.getLevel().ordinal() ? now : was);
    }
}
