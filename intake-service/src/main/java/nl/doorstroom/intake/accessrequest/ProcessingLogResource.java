package nl.doorstroom.intake.accessrequest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.doorstroom.platform.audit.ProcessingActivity;
import nl.doorstroom.platform.audit.ProcessingLog;
import nl.doorstroom.platform.audit.ProcessingLogReader;
import nl.doorstroom.schemas.audit.ProcessingLogEntry;

/**
 * A data subject's access request (inzageverzoek, AVG art. 15): the platform operator lists every processing of the
 * person's data that any service logged. The entries name the person only by pseudonym, and no user.
 */
@RestController
@Tag(name = "Access request", description = "The processing log of one person, for a data-subject access request")
class ProcessingLogResource {

    static final ProcessingActivity ACCESS_REQUEST = ProcessingActivity.of("inzageverzoek");

    private final ProcessingLogReader reader;
    private final ProcessingLog processingLog;

    ProcessingLogResource(ProcessingLogReader reader, ProcessingLog processingLog) {
        this.reader = reader;
        this.processingLog = processingLog;
    }

    /** One processing of the person's data, as the Logboek dataverwerkingen records it. */
    record Entry(String traceId, String spanId, String name, String status, Instant startTime, Instant endTime,
                 String processingActivityId, String dataSubjectId, String dataSubjectIdType, String service,
                 String actorRole) {

        static Entry of(ProcessingLogEntry entry) {
            return new Entry(entry.getTraceId(), entry.getSpanId(), entry.getName(), entry.getStatusCode().name(),
                    entry.getStartTime(), entry.getEndTime(), entry.getProcessingActivityId(),
                    entry.getDataSubjectId(), entry.getDataSubjectIdType(), entry.getResource().getServiceName(),
                    entry.getActorRole());
        }
    }

    @GetMapping(path = "/api/v1/persons/{personId}/processing-log-entries", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('platform-operator')")
    @Operation(summary = "Every logged processing of a person's data, oldest first",
            description = "For a data-subject access request. Platform operators only; the answer holds no case data.")
    List<Entry> entries(@PathVariable UUID personId) {
        String id = personId.toString();
        return processingLog.record(ACCESS_REQUEST, "privacy.list-processing-log", List.of(id),
                () -> reader.entriesForSubject(id).stream().map(Entry::of).toList());
    }
}
