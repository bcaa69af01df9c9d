package nl.doorstroom.employer.placement;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import nl.doorstroom.platform.paging.ListPage;
import nl.doorstroom.platform.paging.PageParameters;
import nl.doorstroom.platform.paging.Paging;
import nl.doorstroom.platform.write.IdempotencyKey;
import nl.doorstroom.schemas.employer.PlacementKind;

@RestController
@Tag(name = "Placements", description = "Paid jobs, work-experience places, internships, learn-work places and "
        + "volunteering, posted by employers and visible to the case workers of the labour-market region")
class PlacementResource {

    static final String PLACEMENTS = "/api/v1/placements";

    private final Placements placements;

    PlacementResource(Placements placements) {
        this.placements = placements;
    }

    /**
     * One page of placements.
     *
     * @param total    placements that match
     * @param page     this page's number, from 1
     * @param pageSize placements per page
     */
    @Schema(name = "PlacementList", description = "One page of placements, the newest first")
    record PlacementList(List<PlacementView> placements, int total, int page, int pageSize) {

        static PlacementList of(ListPage<PlacementView> page) {
            return new PlacementList(page.rows(), page.total(), page.page(), page.pageSize());
        }
    }

    @PostMapping(path = PLACEMENTS, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Post a placement",
            description = "For the employer of the token's KvK number. Visible at once to the case workers of the "
                    + "labour-market region of municipalityCode and of the neighbouringRegionCodes. Send an "
                    + "Idempotency-Key to make a retry safe: the same key and request answer the same placement again.")
    @ApiResponse(responseCode = "201", description = "Posted; Location names the placement")
    @ApiResponse(responseCode = "400", description = "A field is missing or wrong; nothing saved",
            content = @Content(mediaType = "application/problem+json"))
    @PreAuthorize("hasRole('employer')")
    public ResponseEntity<PlacementView> post(
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) @IdempotencyKey String idempotencyKey,
            @Valid @RequestBody PlacementInput placement) {
        PlacementView posted = placements.post(idempotencyKey, placement);
        return ResponseEntity.created(URI.create(PLACEMENTS + "/" + posted.id())).body(posted);
    }

    @GetMapping(path = PLACEMENTS, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "List placements",
            description = "An employer gets its own placements, open and closed; a case worker the open placements "
                    + "its labour-market region sees, from every employer.")
    @PreAuthorize("hasAnyRole('employer', 'case-worker')")
    public PlacementList list(
            @Parameter(description = "Only this kind") @RequestParam(required = false) PlacementKind kind,
            @Parameter(description = "Only placements in this municipality (GMxxxx)")
            @RequestParam(required = false) @Pattern(regexp = "GM\\d{4}") String municipalityCode,
            @Parameter(description = "Only open (true) or only closed (false) placements")
            @RequestParam(required = false) Boolean open,
            @ParameterObject @Valid PageParameters paging) {
        return PlacementList.of(placements.list(new Placements.PlacementFilter(kind, municipalityCode, open),
                Paging.of(paging.page(), paging.pageSize())));
    }

    @GetMapping(path = PLACEMENTS + "/{placementId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Get a placement", description = "`version` is the version to send with a change.")
    @PreAuthorize("hasAnyRole('employer', 'case-worker')")
    public PlacementView get(@PathVariable UUID placementId) {
        return placements.read(placementId.toString());
    }

    @PutMapping(path = PLACEMENTS + "/{placementId}", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change a placement",
            description = "Replaces the terms as a whole, based on `version` (409 when it is not the current one). "
                    + "A closed placement cannot be changed.")
    @ApiResponse(responseCode = "409", description = "Based on an older version, or the placement is closed; nothing saved",
            content = @Content(mediaType = "application/problem+json"))
    @PreAuthorize("hasRole('employer')")
    public PlacementView change(
            @PathVariable UUID placementId,
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) @IdempotencyKey String idempotencyKey,
            @Valid @RequestBody PlacementInput placement) {
        return placements.change(placementId.toString(), idempotencyKey, placement);
    }

    @PostMapping(path = PLACEMENTS + "/{placementId}/closure", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Close a placement", description = "Filled or withdrawn: it leaves the case workers' lists.")
    @ApiResponse(responseCode = "409", description = "Based on an older version, or already closed; nothing saved",
            content = @Content(mediaType = "application/problem+json"))
    @PreAuthorize("hasRole('employer')")
    public PlacementView close(
            @PathVariable UUID placementId,
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) @IdempotencyKey String idempotencyKey,
            @Valid @RequestBody Placements.PlacementClosing closing) {
        return placements.close(placementId.toString(), idempotencyKey, closing);
    }
}
