package nl.doorstroom.trajectory.signals;

import java.time.LocalDate;

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
import nl.doorstroom.trajectory.handover.MunicipalityCodes;
import nl.doorstroom.trajectory.record.TrajectoryResource;

@RestController
@PreAuthorize("hasRole('case-worker')")
@Tag(name = "signals", description = "Nobody unseen: people linked for too long without a next step")
public class SignalResource {

    private final SignalList signals;
    private final MunicipalityCodes municipalities;
    private final ProcessingLog processingLog;

    SignalResource(SignalList signals, MunicipalityCodes municipalities, ProcessingLog processingLog) {
        this.signals = signals;
        this.municipalities = municipalities;
        this.processingLog = processingLog;
    }

    @GetMapping(path = "/api/v1/municipalities/{municipalityCode}/signals", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The municipality's signal list, one page at a time",
            description = "Everyone linked or moved to the municipality longer than doorstroom.trajectory.signal-after-weeks "
                    + "(default 4) ago whose open trajectory has no accepted handover, no brede intake or no activity, "
                    + "each with what is missing, the longest waiting first; with the number of nareizigers among them. "
                    + "To search by name or V-number use POST signal-searches. A page beyond the last one is empty.")
    public SignalList.Signals list(
            @Parameter(description = "CBS municipality code, GM followed by four digits", example = "GM0344")
            @PathVariable @Pattern(regexp = MunicipalityCodes.PATTERN) String municipalityCode,
            @Parameter(description = "Only people with this signal") @RequestParam(required = false) Signal signal,
            @Parameter(description = "Only people who arrived on or after this date (YYYY-MM-DD)")
            @RequestParam(required = false) LocalDate arrivedFrom,
            @Parameter(description = "Only people who arrived on or before this date (YYYY-MM-DD)")
            @RequestParam(required = false) LocalDate arrivedTo,
            @Parameter(description = "Only nareizigers (true) or only the others (false)")
            @RequestParam(required = false) Boolean nareiziger,
            @ParameterObject @Valid PageParameters paging) {
        return search(municipalityCode,
                new SignalSearch(null, signal, arrivedFrom, arrivedTo, nareiziger, paging.page(), paging.pageSize()));
    }

    @PostMapping(path = "/api/v1/municipalities/{municipalityCode}/signal-searches",
            consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Search the signal list by name, V-number or BSN, with the same filters and paging",
            description = "A search changes nothing; POST only keeps names and numbers out of URLs and logs (NL API "
                    + "Design Rules: no personal data in URIs). The processing log gets one entry per person on the page.")
    public SignalList.Signals search(
            @Parameter(description = "CBS municipality code, GM followed by four digits", example = "GM0344")
            @PathVariable @Pattern(regexp = MunicipalityCodes.PATTERN) String municipalityCode,
            @Valid @RequestBody SignalSearch search) {
        municipalities.requireVisible(municipalityCode);
        return processingLog.recordResult(TrajectoryResource.TRAJECTORY, "trajectory.list-signals",
                () -> signals.of(municipalityCode, search),
                list -> list.persons().stream().map(SignalList.PersonSignals::personId).toList());
    }
}
