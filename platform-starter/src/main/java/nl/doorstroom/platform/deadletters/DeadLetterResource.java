package nl.doorstroom.platform.deadletters;

import java.util.List;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import nl.doorstroom.platform.paging.ListPage;
import nl.doorstroom.platform.paging.PageParameters;
import nl.doorstroom.platform.paging.Paging;

/**
 * The platform operator's dead letters, in every service: list them and replay them. Never the records' values or
 * the exceptions' messages (see {@link DeadLetter}).
 */
@RestController
@PreAuthorize("hasRole('platform-operator')")
@Tag(name = "Dead letters", description = "Records that could not be read or processed, and replaying them; platform operators only")
public class DeadLetterResource {

    /** The form of a topic name; whether it has dead letters is checked against the broker. */
    static final String TOPIC = "[a-z0-9][a-z0-9.-]{0,200}";

    private final DeadLetterOperations deadLetters;

    DeadLetterResource(DeadLetterOperations deadLetters) {
        this.deadLetters = deadLetters;
    }

    /** One page of dead letters. */
    public record DeadLetterList(List<DeadLetter> deadLetters, int total, int page, int pageSize) {

        static DeadLetterList of(ListPage<DeadLetter> page) {
            return new DeadLetterList(page.rows(), page.total(), page.page(), page.pageSize());
        }
    }

    /** Replay every dead letter of a topic that was not replayed yet. */
    public record ReplayAllRequest(
            @Schema(description = "The source topic (not its .dlt)", example = "intake.person-events")
            @NotBlank(message = "{nl.doorstroom.platform.deadletters.Topic.message}")
            @Pattern(regexp = TOPIC, message = "{nl.doorstroom.platform.deadletters.Topic.message}") String topic) {
    }

    /** What a replay of every dead letter of a topic did. */
    public record ReplayAll(String topic, int replayed) {
    }

    @GetMapping(path = "/api/v1/dead-letters", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The dead letters of one source topic, or of all, newest first, one page at a time",
            description = "Each with where the record was (source topic, partition, offset), its time and key, the "
                    + "reason (the exception's class and a category: unreadable or rejected) and whether it was "
                    + "replayed. Never the record's value or the exception's message. A page beyond the last is empty.")
    public DeadLetterList list(
            @Parameter(description = "Only dead letters of this source topic (without .dlt)", example = "intake.person-events")
            @RequestParam(required = false)
            @Pattern(regexp = TOPIC, message = "{nl.doorstroom.platform.deadletters.Topic.message}") String topic,
            @ParameterObject @Valid PageParameters paging) {
        return DeadLetterList.of(deadLetters.list(topic, Paging.of(paging.page(), paging.pageSize())));
    }

    @PostMapping(path = "/api/v1/dead-letters/{id}/replays", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replay one dead letter",
            description = "Publishes the record's key and value, as they were, to its source topic and partition again "
                    + "(202). A dead letter replayed before is not published again (200). 404 for an id that is no "
                    + "dead letter (any more).")
    @ApiResponse(responseCode = "202", description = "Published again")
    @ApiResponse(responseCode = "200", description = "Replayed before; nothing published")
    public ResponseEntity<DeadLetter> replay(
            @Parameter(description = "<dead-letter topic>-<partition>-<offset>", example = "intake.person-events.dlt-0-42")
            @PathVariable @Pattern(regexp = DeadLetterId.PATTERN,
                    message = "{nl.doorstroom.platform.deadletters.DeadLetterId.message}") String id) {
        DeadLetterOperations.Replay replay = deadLetters.replay(id);
        return ResponseEntity.status(replay.publishedNow() ? HttpStatus.ACCEPTED : HttpStatus.OK).body(replay.deadLetter());
    }

    @PostMapping(path = "/api/v1/dead-letter-replays", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Replay every dead letter of a topic that was not replayed yet",
            description = "Answers how many were published again. A topic without a dead-letter topic is refused (400).")
    public ReplayAll replayAll(@Valid @RequestBody ReplayAllRequest request) {
        return new ReplayAll(request.topic(), deadLetters.replayAll(request.topic()));
    }
}
