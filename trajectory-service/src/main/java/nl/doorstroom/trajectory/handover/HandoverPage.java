package nl.doorstroom.trajectory.handover;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.HandlerMethodValidationException;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Pattern;
import nl.doorstroom.platform.audit.ProcessingLog;
import nl.doorstroom.platform.kafka.ReadModelUnavailableException;
import nl.doorstroom.platform.web.NotFoundException;

/** The handover dossier on its own page (Dutch first, server-rendered); the inbox is in the casework pages. */
@Controller
@RequestMapping("/gemeenten/{municipalityCode}/overdrachten")
public class HandoverPage {

    private final Handovers handovers;
    private final MunicipalityCodes municipalities;
    private final ProcessingLog processingLog;

    public HandoverPage(Handovers handovers, MunicipalityCodes municipalities, ProcessingLog processingLog) {
        this.handovers = handovers;
        this.municipalities = municipalities;
        this.processingLog = processingLog;
    }

    @GetMapping("/{personId}")
    @PreAuthorize("hasRole('case-worker')")
    public String dossier(@PathVariable @Pattern(regexp = MunicipalityCodes.PATTERN) String municipalityCode,
                          @PathVariable String personId, Model model) {
        municipalities.requireVisible(municipalityCode);
        HandoverDetails dossier = processingLog.record(Handovers.WARM_HANDOVER, "handover.read-dossier", List.of(personId),
                () -> handovers.details(municipalityCode, personId)
                        .orElseThrow(() -> new NotFoundException("handover")));
        model.addAttribute("municipalityCode", municipalityCode);
        model.addAttribute("municipalityName", municipalities.nameOf(municipalityCode));
        model.addAttribute("dossier", dossier);
        return "handover/dossier";
    }

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Model model) {
        model.addAttribute("problem", "page.problem.not-found");
        return "handover/problem";
    }

    /** Signed in, but not as a case worker: a page that says so, not the API's JSON (not itself role-checked). */
    @ExceptionHandler(AccessDeniedException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden(Model model) {
        model.addAttribute("problem", "page.problem.forbidden");
        return "handover/problem";
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String invalid(Model model) {
        model.addAttribute("problem", "page.problem.invalid-code");
        return "handover/problem";
    }

    @ExceptionHandler(ReadModelUnavailableException.class)
    @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
    String unavailable(Model model, HttpServletResponse response) {
        response.setHeader("Retry-After", "1");
        model.addAttribute("problem", "page.problem.unavailable");
        return "handover/problem";
    }
}
