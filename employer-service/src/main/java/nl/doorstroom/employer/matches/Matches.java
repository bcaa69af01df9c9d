package nl.doorstroom.employer.matches;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import nl.doorstroom.employer.candidates.CandidatePool;
import nl.doorstroom.employer.matching.Candidate;
import nl.doorstroom.employer.matching.Location;
import nl.doorstroom.employer.matching.MatchScore;
import nl.doorstroom.employer.matching.MatchScoring;
import nl.doorstroom.employer.matching.PlacementRequirements;
import nl.doorstroom.employer.matching.RankedCandidate;
import nl.doorstroom.employer.matching.RankedPlacement;
import nl.doorstroom.employer.placement.PlacementRecord;
import nl.doorstroom.employer.placement.Placements;
import nl.doorstroom.platform.paging.ListPage;
import nl.doorstroom.platform.paging.Paging;
import nl.doorstroom.platform.reference.Municipalities;
import nl.doorstroom.platform.reference.Municipality;
import nl.doorstroom.platform.security.CurrentUser;
import nl.doorstroom.platform.security.DoorstroomUser;
import nl.doorstroom.platform.web.NotFoundException;
import nl.doorstroom.schemas.trajectory.CandidateProfile;

/**
 * Matches as a case worker sees them, computed when asked from the profiles and placements as they stand, so a changed
 * profile or placement counts at once and a withdrawn profile is in no match. A case worker sees only the candidates
 * of their own municipality, for the placements their labour-market region sees ({@link MatchScoring}).
 */
@Component
public class Matches {

    /** How many placements a candidate's row shows. */
    static final int BEST_PLACEMENTS = 3;

    private final CandidatePool candidates;
    private final Placements placements;
    private final Municipalities municipalities;
    private final MessageSource messages;

    Matches(CandidatePool candidates, Placements placements, Municipalities municipalities, MessageSource messages) {
        this.candidates = candidates;
        this.placements = placements;
        this.municipalities = municipalities;
        this.messages = messages;
    }

    /** The case worker's own candidates for a placement their region sees, best first (404 for another placement). */
    public ListPage<MatchView.CandidateMatch> forPlacement(String placementId, Paging paging) {
        PlacementRecord placement = placements.requireVisible(placementId);
        PlacementRequirements requirements = requirements(placement).orElseThrow(() -> new NotFoundException("placement"));
        List<CandidateProfile> own = ownCandidates();
        Map<String, CandidateProfile> profiles = new HashMap<>();
        own.forEach(profile -> profiles.put(profile.getCandidatePseudonym(), profile));
        List<RankedCandidate> ranked = MatchScoring.rank(requirements,
                own.stream().flatMap(profile -> candidate(profile).stream()).toList());
        return paging.slice(ranked, r -> new MatchView.CandidateMatch(summary(profiles.get(r.candidate().pseudonym())),
                r.score().total(), reasons(r.score())));
    }

    /** The case worker's municipality's candidates, each with the placements that fit best. */
    public ListPage<MatchView.CandidateWithMatches> forMunicipality(String municipalityCode, Paging paging) {
        DoorstroomUser user = CurrentUser.get();
        if (!user.worksFor(municipalityCode)) {
            throw new NotFoundException("municipality");
        }
        String region = municipalities.find(municipalityCode).map(Municipality::regionCode)
                .orElseThrow(() -> new NotFoundException("municipality"));
        List<PlacementRecord> open = placements.openSeenIn(region);
        Map<String, PlacementRecord> byId = new HashMap<>();
        List<PlacementRequirements> requirements = new ArrayList<>();
        for (PlacementRecord placement : open) {
            byId.put(placement.placementId(), placement);
            requirements(placement).ifPresent(requirements::add);
        }
        List<CandidateProfile> profiles = candidates.inMunicipality(municipalityCode).stream()
                .sorted(Comparator.comparing(CandidateProfile::getCandidatePseudonym)).toList();
        return paging.slice(profiles, profile -> new MatchView.CandidateWithMatches(summary(profile),
                candidate(profile).map(c -> MatchScoring.rankPlacements(c, requirements).stream().limit(BEST_PLACEMENTS)
                        .map(r -> placementMatch(byId.get(r.placement().placementId()), r)).toList()).orElse(List.of())));
    }

    private List<CandidateProfile> ownCandidates() {
        String municipality = CurrentUser.get().municipality();
        return municipality == null ? List.of() : candidates.inMunicipality(municipality);
    }

    private Optional<Candidate> candidate(CandidateProfile profile) {
        return municipalities.find(profile.getMunicipalityCode()).map(m -> Candidate.of(profile, Location.of(m)));
    }

    private Optional<PlacementRequirements> requirements(PlacementRecord placement) {
        return municipalities.find(placement.terms().getMunicipalityCode())
                .map(m -> PlacementRequirements.of(placement.placementId(), placement.terms(), Location.of(m)));
    }

    private MatchView.PlacementMatch placementMatch(PlacementRecord placement, RankedPlacement ranked) {
        var terms = placement.terms();
        return new MatchView.PlacementMatch(new MatchView.PlacementSummary(placement.placementId(), terms.getTitle(),
                placement.employerName(), terms.getKind(), terms.getIscoCode(), terms.getHoursPerWeek(),
                terms.getMunicipalityCode(), municipalityName(terms.getMunicipalityCode())),
                ranked.score().total(), reasons(ranked.score()));
    }

    private MatchView.CandidateSummary summary(CandidateProfile profile) {
        return MatchView.CandidateSummary.of(profile, municipalities);
    }

    private List<MatchView.Reason> reasons(MatchScore score) {
        return score.components().stream().map(c -> new MatchView.Reason(c.criterion(), c.points(), c.maximum(),
                messages.getMessage(c.reason(), c.arguments().toArray(), c.reason(), LocaleContextHolder.getLocale())))
                .toList();
    }

    private String municipalityName(String code) {
        return municipalities.find(code).map(Municipality::name).orElse(null);
    }
}
