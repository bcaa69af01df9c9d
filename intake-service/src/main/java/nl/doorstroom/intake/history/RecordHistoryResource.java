package nl.doorstroom.intake.history;

import java.util.List;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "History", description = "Every version of a person's intake record")
public class RecordHistoryResource {

    private final RecordHistory history;

    RecordHistoryResource(RecordHistory history) {
        this.history = history;
    }

    @GetMapping(path = "/api/v1/persons/{personId}/versions", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The versions of a person's intake record, newest first",
            description = "What changed in each version, when, and by which role and organisation.")
    @PreAuthorize("hasAnyRole('azc-staff', 'coa-placement-officer')")
    public List<RecordHistory.Version> versions(@PathVariable UUID personId) {
        return history.ofVisible(personId.toString());
    }
}
