package nl.doorstroom.trajectory.plan;

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
import nl.doorstroom.schemas.trajectory.LearningRoute;
import nl.doorstroom.trajectory.handover.MunicipalityCodes;
import nl.doorstroom.trajectory.record.CaseWorkPages;
import nl.doorstroom.trajectory.record.TrajectoryRecord;

/** The PIP form, filled with the plan adopted so far. */
@PageController
@PreAuthorize("hasRole('case-worker')")
@RequestMapping(CaseWorkPages.PATH + "/plan")
class PlanPage {

    private final Plans plans;
    private final CaseWorkPages pages;

    PlanPage(Plans plans, CaseWorkPages pages) {
        this.plans = plans;
        this.pages = pages;
    }

    @GetMapping
    String form(@PathVariable @Pattern(regexp = MunicipalityCodes.PATTERN) String municipalityCode,
                @PathVariable UUID personId, Model model) {
        TrajectoryRecord current = pages.current(municipalityCode, personId.toString());
        model.addAttribute("form", current.plan().map(p -> new PlanAdoption(current.version(), p.getLearningRoute(),
                p.getAdoptedOn(),
                        p.getDeviationReason()))
                .orElseGet(() -> new PlanAdoption(current.version(), null, null, null)));
        return show(municipalityCode, personId.toString(), model);
    }

    @PostMapping
    String adopt(@PathVariable @Pattern(regexp = MunicipalityCodes.PATTERN) String municipalityCode,
            @PathVariable UUID personId, @Valid @ModelAttribute("form") PlanAdoption form, BindingResult result,
                    Model model, RedirectAttributes redirect) {
        String id = personId.toString();
        return PageForms.submit(result, model, () -> {
            plans.adopt(municipalityCode, id, PageForms.submissionKey(), form);
            return CaseWorkPages.saved(municipalityCode, id, "plan", redirect);
        }, () -> show(municipalityCode, id, model));
    }

    private String show(String municipalityCode, String personId, Model model) {
        model.addAttribute("learningRoutes", pages.options(LearningRoute.class));
        return pages.form("plan/form", municipalityCode, personId, model);
    }
}
