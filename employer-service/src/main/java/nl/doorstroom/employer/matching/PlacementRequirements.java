package nl.doorstroom.employer.matching;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import nl.doorstroom.schemas.employer.MinimumLanguageLevel;
import nl.doorstroom.schemas.employer.PlacementKind;
import nl.doorstroom.schemas.employer.PlacementTerms;
import nl.doorstroom.schemas.intake.CefrLevel;
import nl.doorstroom.schemas.intake.CefrSkill;
import nl.doorstroom.schemas.intake.IscedLevel;

/**
 * What a placement asks, as far as matching scores it. The required and preferred skills are not here: the candidate
 * profile has nothing to compare them with, so the case worker weighs them.
 *
 * @param placementId       the placement's id
 * @param kind              paid job, werkervaringsplaats, stage, leerwerkplek or vrijwilligerswerk
 * @param iscoCode          ISCO-08 unit group (4 digits) of the occupation
 * @param minimumEducation  lowest ISCED 2011 level asked; {@code null} when any will do
 * @param minimumDutch      lowest CEFR level of Dutch per skill; a skill not listed has no minimum
 * @param languageSupport   whether the employer offers language support on the job (fits a dual trajectory)
 * @param hoursPerWeek      hours per week
 * @param location          where the work is
 * @param openToRegionCodes labour-market regions besides its own whose candidates the placement was opened to
 */
public record PlacementRequirements(String placementId, PlacementKind kind, String iscoCode, IscedLevel minimumEducation,
                                    Map<CefrSkill, CefrLevel> minimumDutch, boolean languageSupport, int hoursPerWeek,
                                    Location location, Set<String> openToRegionCodes) {

    public PlacementRequirements {
        Objects.requireNonNull(placementId, "placementId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(iscoCode, "iscoCode");
        Objects.requireNonNull(location, "location");
        minimumDutch = Map.copyOf(minimumDutch);
        openToRegionCodes = Set.copyOf(openToRegionCodes);
    }

    /** The requirements of a placement's terms; {@code location} is the terms' municipality, resolved by the caller. */
    public static PlacementRequirements of(String placementId, PlacementTerms terms, Location location) {
        if (!location.municipalityCode().equals(terms.getMunicipalityCode())) {
            throw new IllegalArgumentException("location " + location.municipalityCode()
                    + " is not the placement's municipality " + terms.getMunicipalityCode());
        }
        Map<CefrSkill, CefrLevel> minimumDutch = new EnumMap<>(CefrSkill.class);
        for (MinimumLanguageLevel minimum : terms.getMinimumLanguageLevels()) {
            if (minimum.getSkill() != CefrSkill.UNKNOWN && minimum.getLevel() != CefrLevel.UNKNOWN) {
                minimumDutch.merge(minimum.getSkill(), minimum.getLevel(), MatchScoring::higher);
            }
        }
        IscedLevel minimumEducation = terms.getMinimumEducation() == IscedLevel.UNKNOWN ? null : terms.getMinimumEducation();
        return new PlacementRequirements(placementId, terms.getKind(), terms.getIscoCode(), minimumEducation, minimumDutch,
                terms.getLanguageSupport(), terms.getHoursPerWeek(), location, Set.copyOf(terms.getNeighbouringRegionCodes()));
    }
}
