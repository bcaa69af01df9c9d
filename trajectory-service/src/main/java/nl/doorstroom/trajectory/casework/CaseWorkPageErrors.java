package nl.doorstroom.trajectory.casework;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.HandlerMethodValidationException;

import jakarta.servlet.http.HttpServletResponse;
import nl.doorstroom.platform.kafka.EventNotPublishedException;
import nl.doorstroom.platform.kafka.ReadModelUnavailableException;
import nl.doorstroom.platform.web.NotFoundException;

/**
 * The case worker's pages answer with a page, never with the API's JSON: not found (another municipality, an unknown
 * person or a malformed address), no access for another role, and temporarily unavailable while Kafka is.
 */
@ControllerAdvice(assignableTypes = {InboxPage.class, TrajectoryPage.class, SignalPage.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class CaseWorkPageErrors {

    static final String PROBLEM = "handover/problem";

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Model model) {
        model.addAttribute("problem", "page.problem.not-found");
        return PROBLEM;
    }

    /** A malformed municipality code is explained (400); a malformed person or activity id is simply not there (404). */
    @ExceptionHandler(HandlerMethodValidationException.class)
    String malformedAddress(HandlerMethodValidationException e, Model model, HttpServletResponse response) {
        boolean municipality = e.getParameterValidationResults().stream()
                .anyMatch(result -> "municipalityCode".equals(result.getMethodParameter().getParameterName()));
        response.setStatus(municipality ? HttpStatus.BAD_REQUEST.value() : HttpStatus.NOT_FOUND.value());
        model.addAttribute("problem", municipality ? "page.problem.invalid-code" : "page.problem.not-found");
        return PROBLEM;
    }

    @ExceptionHandler(AccessDeniedException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden(Model model) {
        model.addAttribute("problem", "page.problem.forbidden");
        return PROBLEM;
    }

    @ExceptionHandler({ReadModelUnavailableException.class, EventNotPublishedException.class})
    @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
    String unavailable(Model model, HttpServletResponse response) {
        response.setHeader("Retry-After", "1");
        model.addAttribute("problem", "page.problem.unavailable");
        return PROBLEM;
    }
}
