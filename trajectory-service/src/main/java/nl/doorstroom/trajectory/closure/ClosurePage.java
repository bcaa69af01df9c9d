package nl.doorstroom.trajectory.closure;

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
import nl.doorstroom.schemas.trajectory.ClosureOutcome;
import nl.doorstroom.trajectory.handover.MunicipalityCodes;
import nl.doorstroom.trajectory.record.CaseWorkPages;
import nl.doorstroom.trajectory.record.TrajectoryRecord;

/** The closure form (afsluiting). */
@PageController
@PreAuthorize("hasRole('case-worker')")
@RequestMapping(CaseWorkPages.PATH + "/afsluiting")
class ClosurePage {

    private final Closures closures;
    private final CaseWorkPages pages;

    ClosurePage(Closures closures, CaseWorkPages pages) {
        this.closures = closures;
        this.pages = pages;
    }

    @GetMapping
    String form(@PathVariable @Pattern(regexp = MunicipalityCodes.PATTERN) String municipalityCode,
                @PathVariable UUID personId, Model model) {
        TrajectoryRecord current = pages.current(municipalityCode, personId.toString());
        model.addAttribute("form", new Closure(current.version(), null, null, null));
        return show(municipalityCode, personId.toString(), model);
    }

    @PostMapping
    String close(@PathVariable @Pattern(regexp = MunicipalityCodes.PATTERN) String municipalityCode,
            @PathVariable UUID personId, @Valid @ModelAttribute("form") Closure form, BindingResult result,
                    Model model, RedirectAttributes redirect) {
        String id = personId.toString();
        return PageForms.submit(result, model, () -> {
            closures.close(municipalityCode, id, PageForms.submissionKey(), form);
            return CaseWorkPages.saved(municipalityCode, id, "closure", redirect);
        }, () -> show(municipalityCode, id, model));
    }

    private String show(String municipalityCode, String personId, Model model) {
        model.addAttribute("outcomes", pages.options(ClosureOutcome.class));
        return pages.form("closure/form", municipalityCode, personId, model);
    }
}
