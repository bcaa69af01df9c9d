package nl.doorstroom.trajectory.bredeintake;

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
import nl.doorstroom.schemas.trajectory.LearnabilityTestOutcome;
import nl.doorstroom.trajectory.handover.MunicipalityCodes;
import nl.doorstroom.trajectory.record.CaseWorkPages;
import nl.doorstroom.trajectory.record.TrajectoryRecord;

/** The brede intake form, filled with the brede intake recorded so far. */
@PageController
@PreAuthorize("hasRole('case-worker')")
@RequestMapping(CaseWorkPages.PATH + "/brede-intake")
class BredeIntakePage {

    private final BredeIntakes intakes;
    private final CaseWorkPages pages;

    BredeIntakePage(BredeIntakes intakes, CaseWorkPages pages) {
        this.intakes = intakes;
        this.pages = pages;
    }

    @GetMapping
    String form(@PathVariable @Pattern(regexp = MunicipalityCodes.PATTERN) String municipalityCode,
                @PathVariable UUID personId, Model model) {
        TrajectoryRecord current = pages.current(municipalityCode, personId.toString());
        model.addAttribute("form", current.bredeIntake().map(b -> new BredeIntake(current.version(), b.getDate(),
                        b.getLearnabilityTestOutcome(), b.getEducationFindings(), b.getWorkFindings(),
                        b.getCircumstancesFindings()))
                .orElseGet(() -> new BredeIntake(current.version(), null, null, null, null, null)));
        return show(municipalityCode, personId.toString(), model);
    }

    @PostMapping
    String record(@PathVariable @Pattern(regexp = MunicipalityCodes.PATTERN) String municipalityCode,
            @PathVariable UUID personId, @Valid @ModelAttribute("form") BredeIntake form, BindingResult result,
                    Model model, RedirectAttributes redirect) {
        String id = personId.toString();
        return PageForms.submit(result, model, () -> {
            intakes.record(municipalityCode, id, PageForms.submissionKey(), form);
            return CaseWorkPages.saved(municipalityCode, id, "bredeIntake", redirect);
        }, () -> show(municipalityCode, id, model));
    }

    private String show(String municipalityCode, String personId, Model model) {
        model.addAttribute("learnabilityTestOutcomes", pages.options(LearnabilityTestOutcome.class));
        return pages.form("bredeintake/form", municipalityCode, personId, model);
    }
}
