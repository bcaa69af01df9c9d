package nl.doorstroom.trajectory.record;


import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import nl.doorstroom.platform.audit.ProcessingActivity;
import nl.doorstroom.trajectory.handover.MunicipalityCodes;

/** A person's whole trajectory; the changes are the sub-resources in the feature packages. */
@RestController
@PreAuthorize("hasRole('case-worker')")
@Tag(name = "trajectories", description = "The inburgering and participation trajectory of a person linked to a municipality")
public class TrajectoryResource {

    /** The processing activity "inburgerings- en participatietraject" in the register of processing activities. */
    public static final ProcessingActivity TRAJECTORY = ProcessingActivity.of("inburgeringstraject");
    /** Base path of one person's trajectory; every change is a sub-resource of it. */
    public static final String PATH = "/api/v1/municipalities/{municipalityCode}/trajectories/{personId}";
    /** A person, activity or milestone id: a UUID in its canonical lower-case form. */
    public static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private final TrajectoryRecords records;

    TrajectoryResource(TrajectoryRecords records) {
        this.records = records;
    }

    @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The trajectory of a person linked to the municipality",
            description = "Version 0 and status HANDOVER_PENDING until a case worker accepts the handover. 404 when the "
                    + "person is not linked to this municipality, whether or not the person exists elsewhere.")
    public TrajectoryView trajectory(
            @Parameter(description = "CBS municipality code, GM followed by four digits", example = "GM0344")
            @PathVariable @Pattern(regexp = MunicipalityCodes.PATTERN) String municipalityCode,
            @Parameter(description = "Random id of the person") @PathVariable @Pattern(regexp = UUID_PATTERN) String personId) {
        // handed out only once its processing-log entry is stored
        return records.read("trajectory.read-trajectory", municipalityCode, personId,
                visible -> TrajectoryView.of(visible.record(), municipalityCode));
    }
}
