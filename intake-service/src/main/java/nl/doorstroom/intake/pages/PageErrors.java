package nl.doorstroom.intake.pages;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.doorstroom.platform.kafka.EventNotPublishedException;
import nl.doorstroom.platform.kafka.ReadModelUnavailableException;
import nl.doorstroom.platform.security.CurrentUser;
import nl.doorstroom.platform.security.Role;
import nl.doorstroom.platform.web.NotFoundException;

/**
 * Errors on the pages are pages in the user's language, never the API's problem JSON: ahead of the platform's
 * problem-details advice, for the page controllers only. Someone else's person and a person id that is no id are
 * both simply not found.
 */
@ControllerAdvice(basePackageClasses = PageErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    /** What every page needs: the path for the language switch, and which actions the user's role allows. */
    @ModelAttribute
    void common(HttpServletRequest request, Model model) {
        model.addAttribute("requestPath", request.getRequestURI());
        model.addAttribute("mayRegister", CurrentUser.get().has(Role.AZC_STAFF));
        model.addAttribute("mayLink", CurrentUser.get().has(Role.COA_PLACEMENT_OFFICER));
    }

    @ExceptionHandler({NotFoundException.class, MethodArgumentTypeMismatchException.class})
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(HttpServletRequest request, Model model) {
        return problem(request, model, "page.problem.not-found");
    }

    /** Signed in, but in a role that may not do this (not itself role-checked, so the page can always be shown). */
    @ExceptionHandler(AccessDeniedException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden(HttpServletRequest request, Model model) {
        return problem(request, model, "page.problem.forbidden");
    }

    @ExceptionHandler({ReadModelUnavailableException.class, EventNotPublishedException.class})
    @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
    String unavailable(HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setHeader("Retry-After", "1");
        return problem(request, model, "page.problem.unavailable");
    }

    private String problem(HttpServletRequest request, Model model, String problem) {
        common(request, model);
        model.addAttribute("problem", problem);
        return "intake/problem";
    }
}
