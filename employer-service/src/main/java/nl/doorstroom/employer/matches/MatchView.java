package nl.doorstroom.employer.matches;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.swagger.v3.oas.annotations.media.Schema;
import nl.doorstroom.employer.matching.ScoreComponent.Criterion;
import nl.doorstroom.platform.reference.Municipalities;
import nl.doorstroom.platform.reference.Municipality;
import nl.doorstroom.schemas.employer.PlacementKind;
import nl.doorstroom.schemas.intake.CefrLevel;
import nl.doorstroom.schemas.intake.CefrSkill;
import nl.doorstroom.schemas.intake.IscedLevel;
import nl.doorstroom.schemas.trajectory.CandidateProfile;

/** What a case worker sees of a match: the minimised profile or the placement, the score, and why it scored so. */
public final class MatchView {

    private MatchView() {
    }

    /** One part of the score, with its reason in the reader's language. */
    @Schema(name = "MatchReason")
    public record Reason(Criterion criterion, int points, int maximum, String text) {
    }

    /**
     * The minimised profile a match is made on: never a name, a date of birth, a country of origin or a person id.
     *
     * @param candidatePseudonym the candidate's pseudonym in the employer domain; the person's dossier at the
     *                           municipality shows the same code
     */
    @Schema(name = "CandidateSummary")
    public record CandidateSummary(String candidatePseudonym, List<String> iscoCodes, IscedLevel education,
                                   Map<CefrSkill, CefrLevel> dutch, Integer availableHoursPerWeek,
                                   String municipalityCode, String municipalityName) {

        public static CandidateSummary of(CandidateProfile profile, Municipalities municipalities) {
            Map<CefrSkill, CefrLevel> dutch = new TreeMap<>();
            profile.getLanguageLevels().stream().filter(l -> "nl".equals(l.getLanguage()))
                    .forEach(l -> dutch.put(l.getSkill(), l.getLevel()));
            return new CandidateSummary(profile.getCandidatePseudonym(), profile.getIscoCodes(),
                    profile.getEducationLevel() == null ? null : profile.getEducationLevel().getIsced(), dutch,
                    profile.getAvailableHoursPerWeek(), profile.getMunicipalityCode(),
                    municipalities.find(profile.getMunicipalityCode()).map(Municipality::name).orElse(null));
        }
    }

    /** A candidate for a placement. */
    @Schema(name = "CandidateMatch")
    public record CandidateMatch(CandidateSummary candidate, int score, List<Reason> reasons) {
    }

    /** The placement side of a match: enough to recognise it; the placement itself has the rest. */
    @Schema(name = "PlacementSummary")
    public record PlacementSummary(String placementId, String title, String employerName, PlacementKind kind,
                                   String iscoCode, int hoursPerWeek, String municipalityCode, String municipalityName) {
    }

    /** A placement for a candidate. */
    @Schema(name = "PlacementMatch")
    public record PlacementMatch(PlacementSummary placement, int score, List<Reason> reasons) {
    }

    /** One of the municipality's candidates with the placements that fit best. */
    @Schema(name = "CandidateWithMatches")
    public record CandidateWithMatches(CandidateSummary candidate, List<PlacementMatch> bestPlacements) {
    }
}
