package nl.doorstroom.platform.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import nl.doorstroom.platform.kafka.EventNotPublishedException;
import nl.doorstroom.platform.kafka.ReadModelUnavailableException;
import nl.doorstroom.platform.write.ChangeRefusedException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/**
 * Every error of every REST API as RFC 9457 problem details: 400 with one {@code invalidParams} entry per invalid
 * field in the user's language, 404 for what does not exist (or may not be seen), 503 with Retry-After when the
 * broker does not acknowledge. Nothing internal (stack traces, class names, input values) leaks into the answer.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    public static final String INVALID_PARAMS = "invalidParams";
    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private final MessageSource messages;

    public ProblemDetailsAdvice(MessageSource messages) {
        this.messages = messages;
        setMessageSource(messages);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<InvalidParam> invalid = new ArrayList<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            invalid.add(new InvalidParam(error.getField(), code(error.getCode()), error.getDefaultMessage()));
        }
        ex.getBindingResult().getGlobalErrors().forEach(error ->
                invalid.add(new InvalidParam(error.getObjectName(), code(error.getCode()), error.getDefaultMessage())));
        return ResponseEntity.badRequest().body(invalidInput(invalid));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<InvalidParam> invalid = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> {
            if (result instanceof ParameterErrors errors) {
                // a @Valid body validated together with constrained headers or parameters: its fields, as for a body alone
                errors.getFieldErrors().forEach(error ->
                        invalid.add(new InvalidParam(error.getField(), code(error.getCode()), error.getDefaultMessage())));
                errors.getGlobalErrors().forEach(error ->
                        invalid.add(new InvalidParam(error.getObjectName(), code(error.getCode()), error.getDefaultMessage())));
                return;
            }
            RequestHeader header = result.getMethodParameter().getParameterAnnotation(RequestHeader.class);
            String name = header != null && !header.name().isEmpty() ? header.name() : result.getMethodParameter().getParameterName();
            result.getResolvableErrors().forEach(error -> invalid.add(new InvalidParam(name,
                    code(error.getCodes() == null || error.getCodes().length == 0 ? null : error.getCodes()[error.getCodes().length - 1]),
                    error.getDefaultMessage())));
        });
        return ResponseEntity.badRequest().body(invalidInput(invalid));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyLimitFilter.BodyTooLargeException tooLarge) {
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .body(RequestBodyLimitFilter.tooLarge(messages, LocaleContextHolder.getLocale(), tooLarge.maxBytes()));
            }
        }
        String field = fieldOf(ex);
        String reason = message(field == null ? "doorstroom.problem.unreadable-body" : "doorstroom.problem.unreadable-field");
        List<InvalidParam> invalid = List.of(new InvalidParam(field == null ? "body" : field,
                field == null ? "unreadable" : "format", reason));
        return ResponseEntity.badRequest().body(invalidInput(invalid));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(org.springframework.beans.TypeMismatchException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name = ex.getPropertyName() == null ? "parameter" : ex.getPropertyName();
        return ResponseEntity.badRequest().body(invalidInput(List.of(
                new InvalidParam(name, "format", message("doorstroom.problem.unreadable-field")))));
    }

    /** A role that may not do this ({@code @PreAuthorize}, or a scope that forbids a change): 403, nothing done. */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, message("doorstroom.problem.forbidden.detail"));
        problem.setTitle(message("doorstroom.problem.forbidden.title"));
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, message("doorstroom.problem.not-found.detail"));
        problem.setTitle(message("doorstroom.problem.not-found.title"));
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }

    @ExceptionHandler(ChangeRefusedException.class)
    ResponseEntity<ProblemDetail> refused(ChangeRefusedException ex) {
        HttpStatus status = RefusalStatus.of(ex);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message(ex.messageKey() + ".detail"));
        problem.setTitle(message(ex.messageKey() + ".title"));
        ex.currentVersion().ifPresent(version -> problem.setProperty("currentVersion", version));
        if (!ex.fieldProblems().isEmpty()) {
            problem.setProperty(INVALID_PARAMS, ex.fieldProblems().stream()
                    .map(p -> new InvalidParam(p.field(), p.code(), p.reason() != null ? p.reason() : message(p.reasonKey())))
                    .toList());
        }
        return ResponseEntity.status(status).body(problem);
    }

    @ExceptionHandler(EventNotPublishedException.class)
    ResponseEntity<ProblemDetail> notPublished(EventNotPublishedException ex) {
        log.warn("write refused: {}", ex.getMessage());
        return unavailable("doorstroom.problem.unavailable.detail", "10");
    }

    @ExceptionHandler(ReadModelUnavailableException.class)
    ResponseEntity<ProblemDetail> readModelUnavailable(ReadModelUnavailableException ex) {
        log.info("read refused for now: {}", ex.getMessage());
        return unavailable("doorstroom.problem.read-unavailable.detail", "1");
    }

    private ResponseEntity<ProblemDetail> unavailable(String detail, String retryAfterSeconds) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, message(detail));
        problem.setTitle(message("doorstroom.problem.unavailable.title"));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, retryAfterSeconds)
                .body(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex) {
        // exception messages can quote the input (a name, a V-number): log where it failed, never what it said
        RuntimeException withoutMessage = new RuntimeException(ex.getClass().getName());
        withoutMessage.setStackTrace(ex.getStackTrace());
        log.error("unexpected error answering a request", withoutMessage);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                message("doorstroom.problem.internal.detail"));
        problem.setTitle(message("doorstroom.problem.internal.title"));
        return ResponseEntity.internalServerError().body(problem);
    }

    private ProblemDetail invalidInput(List<InvalidParam> invalid) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                message("doorstroom.problem.invalid-input.detail"));
        problem.setTitle(message("doorstroom.problem.invalid-input.title"));
        problem.setType(URI.create("https://doorstroom.nl/problems/invalid-input"));
        problem.setProperty(INVALID_PARAMS, invalid.stream()
                .sorted(Comparator.comparing(InvalidParam::name).thenComparing(InvalidParam::code)).toList());
        return problem;
    }

    private String message(String code) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(code, null, code, locale);
    }

    /** Constraint names as lowerCamelCase codes: NotBlank → notBlank. */
    private static String code(String constraint) {
        if (constraint == null || constraint.isEmpty()) {
            return "invalid";
        }
        return Character.toLowerCase(constraint.charAt(0)) + constraint.substring(1);
    }

    /** The JSON path of the member that could not be read (a date in the wrong format, an unknown enum symbol). */
    private static String fieldOf(HttpMessageNotReadableException ex) {
        for (Throwable t = ex.getCause(); t != null; t = t.getCause()) {
            if (t instanceof DatabindException databind && !databind.getPath().isEmpty()) {
                StringBuilder path = new StringBuilder();
                for (JacksonException.Reference ref : databind.getPath()) {
                    if (ref.getPropertyName() != null) {
                        if (!path.isEmpty()) {
                            path.append('.');
                        }
                        path.append(ref.getPropertyName());
                    } else if (ref.getIndex() >= 0) {
                        path.append('[').append(ref.getIndex()).append(']');
                    }
                }
                return path.isEmpty() ? null : path.toString();
            }
        }
        return null;
    }
}
