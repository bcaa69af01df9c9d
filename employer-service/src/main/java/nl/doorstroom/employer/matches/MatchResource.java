package nl.doorstroom.employer.matches;

import java.util.List;
import java.util.UUID;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import nl.doorstroom.platform.paging.ListPage;
import nl.doorstroom.platform.paging.PageParameters;
import nl.doorstroom.platform.paging.Paging;

@RestController
@PreAuthorize("hasRole('case-worker')")
@Tag(name = "Matches", description = "Candidates ranked for placements by a transparent score; each part of the score "
        + "says why. A case worker sees the candidates of their own municipality only.")
class MatchResource {

    private final Matches matches;

    MatchResource(Matches matches) {
        this.matches = matches;
    }

    /** One page of candidates for a placement, the best first. */
    @Schema(name = "CandidateMatchList")
    record CandidateMatchList(List<MatchView.CandidateMatch> matches, int total, int page, int pageSize) {

        static CandidateMatchList of(ListPage<MatchView.CandidateMatch> page) {
            return new CandidateMatchList(page.rows(), page.total(), page.page(), page.pageSize());
        }
    }

    /** One page of a municipality's candidates, each with the placements that fit best. */
    @Schema(name = "CandidateList")
    record CandidateList(List<MatchView.CandidateWithMatches> candidates, int total, int page, int pageSize) {

        static CandidateList of(ListPage<MatchView.CandidateWithMatches> page) {
            return new CandidateList(page.rows(), page.total(), page.page(), page.pageSize());
        }
    }

    @GetMapping(path = "/api/v1/placements/{placementId}/matches", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Candidates of my municipality for a placement",
            description = "The candidates in reach of the placement (its labour-market region and the regions it is "
                    + "opened to) who live in the case worker's municipality, ranked by score (0-100). Computed from "
                    + "the profiles and the placement as they stand now; a withdrawn profile is in no list.")
    public CandidateMatchList forPlacement(@PathVariable UUID placementId, @ParameterObject @Valid PageParameters paging) {
        return CandidateMatchList.of(matches.forPlacement(placementId.toString(), Paging.of(paging.page(), paging.pageSize())));
    }

    @GetMapping(path = "/api/v1/municipalities/{municipalityCode}/candidates", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "My municipality's candidates and the placements that fit them best",
            description = "Every candidate of the municipality (ready for placements, consented to sharing a minimised "
                    + "profile) with the three open placements that fit best among those their region sees.")
    public CandidateList candidates(
            @Parameter(description = "CBS municipality code, GM followed by four digits", example = "GM0344")
            @PathVariable @Pattern(regexp = "GM\\d{4}") String municipalityCode,
            @ParameterObject @Valid PageParameters paging) {
        return CandidateList.of(matches.forMunicipality(municipalityCode, Paging.of(paging.page(), paging.pageSize())));
    }
}
