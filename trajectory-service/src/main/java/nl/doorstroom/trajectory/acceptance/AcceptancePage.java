package nl.doorstroom.trajectory.acceptance;

import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import nl.doorstroom.platform.pages.PageController;
import nl.doorstroom.platform.pages.PageForms;
import nl.doorstroom.trajectory.handover.MunicipalityCodes;
import nl.doorstroom.trajectory.record.CaseWorkPages;
import nl.doorstroom.trajectory.record.TrajectoryRecord;

/** The acceptance form: the handover accepted by the case worker, or assigned to a colleague. */
@PageController
@PreAuthorize("hasRole('case-worker')")
@RequestMapping(CaseWorkPages.PATH + "/acceptatie")
class AcceptancePage {

    private final Acceptances acceptances;
    private final CaseWorkPages pages;

    AcceptancePage(Acceptances acceptances, CaseWorkPages pages) {
        this.acceptances = acceptances;
        this.pages = pages;
    }

    @GetMapping
    String form(@PathVariable @Pattern(regexp = MunicipalityCodes.PATTERN) String municipalityCode,
                @PathVariable UUID personId, Model model) {
        TrajectoryRecord current = pages.current(municipalityCode, personId.toString());
        model.addAttribute("form", new HandoverAcceptance(current.version(), null));
        return show(municipalityCode, personId.toString(), model);
    }

    @PostMapping
    String accept(@PathVariable @Pattern(regexp = MunicipalityCodes.PATTERN) String municipalityCode,
            @PathVariable UUID personId, @Valid @ModelAttribute("form") HandoverAcceptance form,
                    BindingResult result, Model model, RedirectAttributes redirect) {
        String id = personId.toString();
        return PageForms.submit(result, model, () -> {
            acceptances.accept(municipalityCode, id, PageForms.submissionKey(), form);
            return CaseWorkPages.saved(municipalityCode, id, "acceptance", redirect);
        }, () -> show(municipalityCode, id, model));
    }

    private String show(String municipalityCode, String personId, Model model) {
        return pages.form("acceptance/form", municipalityCode, personId, model);
    }
}
