package nl.doorstroom.trajectory.signals;

import java.util.stream.Stream;

import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import nl.doorstroom.platform.audit.ProcessingLog;
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
    @Operation(summary = "The municipality's signal list",
            description = "Everyone linked or moved to the municipality longer than doorstroom.trajectory.signal-after-weeks "
                    + "(default 4) ago whose open trajectory has no accepted handover, no brede intake or no activity, "
                    + "each with what is missing; nareizigers as a separate group.")
    public SignalList.Signals list(
            @Parameter(description = "CBS municipality code, GM followed by four digits", example = "GM0344")
            @PathVariable @Pattern(regexp = MunicipalityCodes.PATTERN) String municipalityCode) {
        municipalities.requireVisible(municipalityCode);
        return processingLog.recordResult(TrajectoryResource.TRAJECTORY, "trajectory.list-signals",
                () -> signals.of(municipalityCode),
                list -> Stream.concat(list.persons().stream(), list.nareizigers().stream())
                        .map(SignalList.PersonSignals::personId).toList());
    }
}
