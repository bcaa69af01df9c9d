package nl.doorstroom.employer.matching;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import nl.doorstroom.schemas.intake.CefrLevel;
import nl.doorstroom.schemas.intake.CefrSkill;
import nl.doorstroom.schemas.intake.IscedLevel;
import nl.doorstroom.schemas.trajectory.CandidateLanguageLevel;
import nl.doorstroom.schemas.trajectory.CandidateProfile;

/**
 * What matching knows of a candidate (a statushouder who consented to share a minimised profile): nothing that names
 * the person or tells their origin, age or sex.
 *
 * @param pseudonym             the candidate's pseudonym in the employer domain
 * @param iscoCodes             ISCO-08 unit groups (4 digits) of the candidate's work experience
 * @param education             ISCED 2011 level of the highest completed education; {@code null} when unknown
 * @param dutch                 CEFR level of Dutch per skill; a missing skill is unknown
 * @param availableHoursPerWeek hours available for work; {@code null} when unknown
 * @param location              where the candidate's municipality is
 */
public record Candidate(String pseudonym, List<String> iscoCodes, IscedLevel education, Map<CefrSkill, CefrLevel> dutch,
                        Integer availableHoursPerWeek, Location location) {

    private static final String DUTCH = "nl";

    public Candidate {
        Objects.requireNonNull(pseudonym, "pseudonym");
        Objects.requireNonNull(location, "location");
        iscoCodes = List.copyOf(iscoCodes);
        dutch = Map.copyOf(dutch);
    }

    /** The candidate of a profile, living at {@code location} (the profile's municipality, resolved by the caller). */
    public static Candidate of(CandidateProfile profile, Location location) {
        if (!location.municipalityCode().equals(profile.getMunicipalityCode())) {
            throw new IllegalArgumentException("location " + location.municipalityCode()
                    + " is not the profile's municipality " + profile.getMunicipalityCode());
        }
        IscedLevel education = profile.getEducationLevel() == null ? null : profile.getEducationLevel().getIsced();
        Map<CefrSkill, CefrLevel> dutch = new EnumMap<>(CefrSkill.class);
        for (CandidateLanguageLevel level : profile.getLanguageLevels()) {
            if (DUTCH.equalsIgnoreCase(level.getLanguage()) && level.getSkill() != CefrSkill.UNKNOWN
                    && level.getLevel() != CefrLevel.UNKNOWN) {
                dutch.merge(level.getSkill(), level.getLevel(), MatchScoring::higher);
            }
        }
        return new Candidate(profile.getCandidatePseudonym(), profile.getIscoCodes(),
                education == IscedLevel.UNKNOWN ? null : education, dutch, profile.getAvailableHoursPerWeek(), location);
    }
}
