package nl.doorstroom.employer.introductions;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import nl.doorstroom.platform.write.IdempotencyKey;

@RestController
@Tag(name = "Introductions", description = "A candidate introduced to a placement: proposed by the case worker, agreed "
        + "by the candidate, then interview, offer, acceptance or decline, start and end")
class IntroductionResource {

    private static final String INTRODUCTIONS = "/api/v1/placements/{placementId}/introductions";

    private final Introductions introductions;

    IntroductionResource(Introductions introductions) {
        this.introductions = introductions;
    }

    @PostMapping(path = INTRODUCTIONS, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Propose a candidate for a placement",
            description = "By the case worker of the candidate's municipality, for a placement their region sees. The "
                    + "employer then sees the minimised profile under the candidate's pseudonym, never a name, until "
                    + "the candidate agrees. Send an Idempotency-Key to make a retry safe.")
    @ApiResponse(responseCode = "201", description = "Proposed; Location names the introduction")
    @ApiResponse(responseCode = "409", description = "The candidate is already introduced to this placement",
            content = @Content(mediaType = "application/problem+json"))
    @PreAuthorize("hasRole('case-worker')")
    public ResponseEntity<IntroductionView> propose(
            @PathVariable UUID placementId,
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) @IdempotencyKey String idempotencyKey,
            @Valid @RequestBody IntroductionInput.Proposal proposal) {
        IntroductionView proposed = introductions.propose(placementId.toString(), idempotencyKey, proposal);
        return ResponseEntity.created(URI.create("/api/v1/placements/" + placementId + "/introductions/"
                + proposed.candidatePseudonym())).body(proposed);
    }

    @GetMapping(path = INTRODUCTIONS, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The introductions to a placement",
            description = "The employer sees every introduction to its own placement; a case worker those of their own "
                    + "municipality's candidates.")
    @PreAuthorize("hasAnyRole('employer', 'case-worker')")
    public List<IntroductionView> ofPlacement(@PathVariable UUID placementId) {
        return introductions.ofPlacement(placementId.toString());
    }

    @GetMapping(path = INTRODUCTIONS + "/{candidatePseudonym}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One introduction", description = "`version` is the version to send with the next step.")
    @PreAuthorize("hasAnyRole('employer', 'case-worker')")
    public IntroductionView get(@PathVariable UUID placementId,
                                @Parameter(description = "The candidate's pseudonym in the employer domain")
                                @PathVariable @Pattern(regexp = IntroductionInput.PSEUDONYM) String candidatePseudonym) {
        return introductions.read(placementId.toString(), candidatePseudonym);
    }

    @PostMapping(path = INTRODUCTIONS + "/{candidatePseudonym}/steps", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Take the next step",
            description = "AGREE and ACCEPT are the case worker's (recording the candidate's answer); PLAN_INTERVIEW and "
                    + "OFFER the employer's; DECLINE (with a reason), START and END either side's. A step that does not "
                    + "follow the introduction's status, or is the other side's, gets 409.")
    @ApiResponse(responseCode = "409", description = "Based on an older version, or not this party's step now; nothing saved",
            content = @Content(mediaType = "application/problem+json"))
    @PreAuthorize("hasAnyRole('employer', 'case-worker')")
    public IntroductionView step(@PathVariable UUID placementId,
                                 @Parameter(description = "The candidate's pseudonym in the employer domain")
                                 @PathVariable @Pattern(regexp = IntroductionInput.PSEUDONYM) String candidatePseudonym,
                                 @RequestHeader(name = IdempotencyKey.HEADER, required = false) @IdempotencyKey String idempotencyKey,
                                 @Valid @RequestBody IntroductionInput.Step step) {
        return introductions.step(placementId.toString(), candidatePseudonym, idempotencyKey, step);
    }

    @GetMapping(path = "/api/v1/municipalities/{municipalityCode}/introductions", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Every introduction of my municipality's candidates", description = "The latest change first.")
    @PreAuthorize("hasRole('case-worker')")
    public List<IntroductionView> ofMunicipality(
            @Parameter(description = "CBS municipality code, GM followed by four digits", example = "GM0344")
            @PathVariable @Pattern(regexp = "GM\\d{4}") String municipalityCode) {
        return introductions.ofMunicipality(municipalityCode);
    }
}
