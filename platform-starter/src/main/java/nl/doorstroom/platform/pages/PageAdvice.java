package nl.doorstroom.platform.pages;

import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.doorstroom.platform.kafka.EventNotPublishedException;
import nl.doorstroom.platform.kafka.ReadModelUnavailableException;
import nl.doorstroom.platform.web.NotFoundException;

/**
 * What every page controller shares, ahead of the API's problem-details advice: a field left blank is absent (not an
 * empty text), and an error is a page in the user's language. Someone else's record and an id that is no id are both
 * simply not found; an address that is malformed otherwise (a municipality code) is explained.
 */
@ControllerAdvice(annotations = PageController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class PageAdvice {

    /** The model attribute naming the problem's messages ({@code <problem>.title}, {@code <problem>.detail}). */
    public static final String PROBLEM = "problem";

    private final String problemView;
    private final PageFields pageFields;

    public PageAdvice(String problemView, PageFields pageFields) {
        this.problemView = problemView;
        this.pageFields = pageFields;
    }

    @InitBinder
    void blankIsAbsent(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
    }

    /** The path of the page, for the language switch. */
    @ModelAttribute
    void requestPath(HttpServletRequest request, Model model) {
        model.addAttribute("requestPath", request.getRequestURI());
    }

    /** The form fragments' helper; a variable, since Thymeleaf refuses bean references in field expressions. */
    @ModelAttribute("pageFields")
    PageFields pageFields() {
        return pageFields;
    }

    /** The key a form carries: the one it was sent with when it comes back, a fresh one for a new form. */
    @ModelAttribute(PageForms.SUBMISSION_KEY)
    String submissionKey(HttpServletRequest request) {
        String sent = PageForms.submissionKey(request.getParameter(PageForms.SUBMISSION_KEY));
        return sent != null ? sent : PageForms.newSubmissionKey();
    }

    @ExceptionHandler({NotFoundException.class, MethodArgumentTypeMismatchException.class})
    String notFound(HttpServletRequest request, HttpServletResponse response, Model model) {
        return problem(HttpStatus.NOT_FOUND, "page.problem.not-found", request, response, model);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    String malformedAddress(HttpServletRequest request, HttpServletResponse response, Model model) {
        return problem(HttpStatus.BAD_REQUEST, "page.problem.invalid-address", request, response, model);
    }

    /** Signed in, but in a role that may not do this. */
    @ExceptionHandler(AccessDeniedException.class)
    String forbidden(HttpServletRequest request, HttpServletResponse response, Model model) {
        return problem(HttpStatus.FORBIDDEN, "page.problem.forbidden", request, response, model);
    }

    @ExceptionHandler({ReadModelUnavailableException.class, EventNotPublishedException.class})
    String unavailable(HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setHeader("Retry-After", "1");
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "page.problem.unavailable", request, response, model);
    }

    private String problem(HttpStatus status, String problem, HttpServletRequest request, HttpServletResponse response,
                           Model model) {
        response.setStatus(status.value());
        // an exception handler's model starts empty: the model attributes of the page are not there
        requestPath(request, model);
        model.addAttribute(PROBLEM, problem);
        return problemView;
    }
}
