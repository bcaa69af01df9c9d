package nl.doorstroom.trajectory.handover;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import nl.doorstroom.platform.audit.ProcessingLog;
import nl.doorstroom.platform.web.NotFoundException;

/**
 * The handover inbox of a municipality and the dossiers in it. The municipality is part of every path so that the
 * caller's municipality scope can be checked against it before anything is read.
 */
@RestController
@PreAuthorize("hasRole('case-worker')")
@RequestMapping("/api/v1/municipalities/{municipalityCode}/handovers")
@Tag(name = "handovers", description = "Warm handover: the dossiers of people linked to a municipality")
public class HandoverResource {

    private final Handovers handovers;
    private final MunicipalityCodes municipalities;
    private final ProcessingLog processingLog;

    public HandoverResource(Handovers handovers, MunicipalityCodes municipalities, ProcessingLog processingLog) {
        this.handovers = handovers;
        this.municipalities = municipalities;
        this.processingLog = processingLog;
    }

    @GetMapping
    @Operation(summary = "The municipality's handover inbox",
            description = "Everyone linked to the municipality, the most recent link first.")
    public List<HandoverSummary> inbox(
            @Parameter(description = "CBS municipality code, GM followed by four digits", example = "GM0344")
            @PathVariable @Pattern(regexp = MunicipalityCodes.PATTERN) String municipalityCode) {
        municipalities.requireVisible(municipalityCode);
        return processingLog.recordResult(Handovers.WARM_HANDOVER, "handover.list-inbox",
                () -> handovers.summaries(municipalityCode),
                summaries -> summaries.stream().map(HandoverSummary::personId).toList());
    }

    @GetMapping("/{personId}")
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
