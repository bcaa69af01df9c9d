package nl.doorstroom.trajectory.handover;

import java.time.LocalDate;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.springdoc.core.annotations.ParameterObject;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import nl.doorstroom.platform.audit.ProcessingLog;
import nl.doorstroom.platform.paging.PageParameters;
import nl.doorstroom.platform.web.NotFoundException;

/**
 * The handover inbox of a municipality, paged and searchable, and the dossiers in it. The municipality is part of
 * every path so that the caller's municipality scope can be checked against it before anything is read.
 */
@RestController
@PreAuthorize("hasRole('case-worker')")
@Tag(name = "handovers", description = "Warm handover: the dossiers of people linked to a municipality")
public class HandoverResource {

    private static final String INBOX = "/api/v1/municipalities/{municipalityCode}/handovers";
    private static final String SEARCHES = "/api/v1/municipalities/{municipalityCode}/handover-searches";

    private final Handovers handovers;
    private final MunicipalityCodes municipalities;
    private final ProcessingLog processingLog;

    public HandoverResource(Handovers handovers, MunicipalityCodes municipalities, ProcessingLog processingLog) {
        this.handovers = handovers;
        this.municipalities = municipalities;
        this.processingLog = processingLog;
    }

    @Operation(summary = "The municipality's handover inbox, one page at a time",
            description = "Everyone linked to the municipality, the most recent arrival first, with the total number "
                    + "that match the filters. To search by name or V-number use POST handover-searches (no personal "
                    + "data in URLs). A page beyond the last one is empty.")
    @GetMapping(INBOX)
    public HandoverList inbox(
            @Parameter(description = "CBS municipality code, GM followed by four digits", example = "GM0344")
            @PathVariable @Pattern(regexp = MunicipalityCodes.PATTERN) String municipalityCode,
            @Parameter(description = "Only people linked on or after this date (YYYY-MM-DD)")
            @RequestParam(required = false) LocalDate linkedFrom,
            @Parameter(description = "Only people linked on or before this date (YYYY-MM-DD)")
            @RequestParam(required = false) LocalDate linkedTo,
            @Parameter(description = "Only nareizigers (true) or only the others (false)")
            @RequestParam(required = false) Boolean nareiziger,
            @ParameterObject @Valid PageParameters paging) {
        return search(municipalityCode,
                new HandoverSearch(null, linkedFrom, linkedTo, nareiziger, paging.page(), paging.pageSize()));
    }

    @PostMapping(path = SEARCHES, consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Search the municipality's inbox by name, V-number or BSN, with the same filters and paging",
            description = "A search changes nothing; POST only keeps names and numbers out of URLs and logs (NL API "
                    + "Design Rules: no personal data in URIs). The processing log gets one entry per person on the page.")
    public HandoverList search(
            @Parameter(description = "CBS municipality code, GM followed by four digits", example = "GM0344")
            @PathVariable @Pattern(regexp = MunicipalityCodes.PATTERN) String municipalityCode,
            @Valid @RequestBody HandoverSearch search) {
        municipalities.requireVisible(municipalityCode);
        return HandoverList.of(processingLog.recordResult(Handovers.WARM_HANDOVER, "handover.list-inbox",
                () -> search.hasFilters()
                        ? handovers.page(municipalityCode, search.filter(), search.identitySearch(), search.paging())
                        : handovers.page(municipalityCode, search.identitySearch(), search.paging()),
                page -> page.rows().stream().map(HandoverSummary::personId).toList()));
    }

    @GetMapping(INBOX + "/{personId}")
    @Operation(summary = "The complete handover dossier of a person linked to the municipality",
            description = "404 when the person is not linked to this municipality, whether or not the person exists elsewhere.")
    public HandoverDetails dossier(
            @Parameter(description = "CBS municipality code, GM followed by four digits", example = "GM0344")
            @PathVariable @Pattern(regexp = MunicipalityCodes.PATTERN) String municipalityCode,
            @Parameter(description = "Random id of the person") @PathVariable String personId) {
        municipalities.requireVisible(municipalityCode);
        return processingLog.record(Handovers.WARM_HANDOVER, "handover.read-dossier", List.of(personId),
                () -> handovers.details(municipalityCode, personId)
                        .orElseThrow(() -> new NotFoundException("handover")));
    }
}
