package nl.doorstroom.trajectory.milestones;

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
import nl.doorstroom.schemas.intake.CefrLevel;
import nl.doorstroom.schemas.intake.CefrSkill;
import nl.doorstroom.schemas.trajectory.MilestoneKind;
import nl.doorstroom.trajectory.handover.MunicipalityCodes;
import nl.doorstroom.trajectory.record.CaseWorkPages;

/** The form of a milestone reached (mijlpaal): a passed exam with its skill and level, a diploma, a first job. */
@PageController
@PreAuthorize("hasRole('case-worker')")
@RequestMapping(CaseWorkPages.PATH + "/mijlpalen")
class MilestonePage {

    private final Milestones milestones;
    private final CaseWorkPages pages;

    MilestonePage(Milestones milestones, CaseWorkPages pages) {
        this.milestones = milestones;
        this.pages = pages;
    }

    @GetMapping("/nieuw")
    String form(@PathVariable @Pattern(regexp = MunicipalityCodes.PATTERN) String municipalityCode,
                @PathVariable UUID personId, Model model) {
        int version = pages.current(municipalityCode, personId.toString()).version();
        model.addAttribute("form", new MilestoneInput(version, null, null, null, null, null));
        return show(municipalityCode, personId.toString(), model);
    }

    @PostMapping
    String record(@PathVariable @Pattern(regexp = MunicipalityCodes.PATTERN) String municipalityCode,
                  @PathVariable UUID personId, @Valid @ModelAttribute("form") MilestoneInput form,
                          BindingResult result, Model model, RedirectAttributes redirect) {
        String id = personId.toString();
        return PageForms.submit(result, model, () -> {
            milestones.record(municipalityCode, id, PageForms.submissionKey(), form);
            return CaseWorkPages.saved(municipalityCode, id, "milestone", redirect);
        }, () -> show(municipalityCode, id, model));
    }

    private String show(String municipalityCode, String personId, Model model) {
        model.addAttribute("milestoneKinds", pages.options(MilestoneKind.class));
        model.addAttribute("skills", pages.options(CefrSkill.class));
        model.addAttribute("levels", pages.options(CefrLevel.class));
        return pages.form("milestones/form", municipalityCode, personId, model);
    }
}
