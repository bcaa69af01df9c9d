package nl.doorstroom.platform.web;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A request that is well-formed but cannot be applied to the resources as they are now: a change based on an older
 * version (409, with the current version so the user can reload and decide), a person already registered (409), a
 * reference to something that does not exist (400 on that field), or an Idempotency-Key reused for another request
 * (422). Answered as problem details; nothing is published.
 *
 * @param status     400, 409 or 422
 * @param messageKey prefix of the {@code .title} and {@code .detail} messages
 * @param properties extension members of the problem, e.g. {@code currentVersion}
 * @param invalid    the fields concerned, if the conflict is about particular fields; each reason is a message key
 */
public class RequestRejectedException extends RuntimeException {

    private final HttpStatus status;
    private final String messageKey;
    private final Map<String, Object> properties;
    private final List<InvalidParam> invalid;

    public RequestRejectedException(HttpStatus status, String messageKey, Map<String, Object> properties, List<InvalidParam> invalid) {
        super(messageKey);
        this.status = status;
        this.messageKey = messageKey;
        this.properties = Map.copyOf(properties);
        this.invalid = List.copyOf(invalid);
    }

    /** The change was based on an older version; the resource is at {@code current} now. */
    public static RequestRejectedException staleVersion(int current) {
        return new RequestRejectedException(HttpStatus.CONFLICT, "doorstroom.problem.stale-version", Map.of("currentVersion", current), List.of());
    }

    /** The same Idempotency-Key came with a different request. */
    public static RequestRejectedException idempotencyKeyReused() {
        return new RequestRejectedException(HttpStatus.UNPROCESSABLE_CONTENT, "doorstroom.problem.idempotency-key-reused", Map.of(), List.of());
    }

    /** One field refers to something that does not exist or does not allow this; {@code reasonKey} says which. */
    public static RequestRejectedException invalidField(String field, String code, String reasonKey) {
        return new RequestRejectedException(HttpStatus.BAD_REQUEST, "doorstroom.problem.invalid-input", Map.of(),
                List.of(new InvalidParam(field, code, reasonKey)));
    }

    public HttpStatus status() {
        return status;
    }

    public String messageKey() {
        return messageKey;
    }

    public Map<String, Object> properties() {
        return properties;
    }

    public List<InvalidParam> invalid() {
        return invalid;
    }
}
