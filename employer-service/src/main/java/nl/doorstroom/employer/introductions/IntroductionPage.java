package nl.doorstroom.employer.introductions;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.convert.ConversionService;
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
import nl.doorstroom.employer.pages.Choices;
import nl.doorstroom.platform.pages.PageController;
import nl.doorstroom.platform.pages.PageForms;
import nl.doorstroom.platform.security.CurrentUser;
import nl.doorstroom.platform.security.DoorstroomUser;
import nl.doorstroom.platform.security.Role;
import nl.doorstroom.schemas.employer.DeclineReason;
import nl.doorstroom.schemas.employer.PlacementEndReason;

/**
 * One introduction as its two parties see it, the employer of the placement and the case worker of the candidate's
 * municipality: the minimised profile under the candidate's pseudonym, where the introduction stands, and a form for
 * each step that party may take now ({@link IntroductionRules}). Anyone else finds nothing (404).
 */
@PageController
@PreAuthorize("hasAnyRole('employer', 'case-worker')")
@RequestMapping(IntroductionPage.PATH)
class IntroductionPage {

    static final String PATH = "/plaatsingen/{placementId}/kennismakingen/{candidatePseudonym}";

    private final Introductions introductions;
    private final Choices choices;
    private final ConversionService conversions;

    IntroductionPage(Introductions introductions, Choices choices,
                     @Qualifier("mvcConversionService") ConversionService conversions) {
        this.introductions = introductions;
        this.choices = choices;
        this.conversions = conversions;
    }

    @GetMapping
    String introduction(@PathVariable UUID placementId,
                        @PathVariable @Pattern(regexp = IntroductionInput.PSEUDONYM) String candidatePseudonym,
                        Model model) {
        IntroductionView introduction = introductions.read(placementId.toString(), candidatePseudonym);
        // the start as offered is where a START usually begins
        model.addAttribute("form", new IntroductionInput.Step(introduction.version(), null, null, null,
                introduction.offeredStartDate(), null, null, null));
        return show(introduction, null, model);
    }

    @PostMapping("/stappen")
    String step(@PathVariable UUID placementId,
                @PathVariable @Pattern(regexp = IntroductionInput.PSEUDONYM) String candidatePseudonym,
                @Valid @ModelAttribute("form") IntroductionInput.Step sent, BindingResult result, Model model,
                RedirectAttributes redirect) {
        String id = placementId.toString();
        IntroductionView introduction = introductions.read(id, candidatePseudonym);
        IntroductionInput.Step form = sent != null ? sent
                : PageForms.readable(IntroductionInput.Step.class, result, conversions);
        return PageForms.submit(result, model, () -> {
            introductions.step(id, candidatePseudonym, PageForms.submissionKey(), form);
            redirect.addFlashAttribute("saved", "page.saved.step." + form.step());
            return "redirect:" + path(id, candidatePseudonym);
        }, () -> {
            PageForms.show(form, result, model, conversions);
            return show(introductions.read(id, candidatePseudonym), form.step(), model);
        });
    }

    static String path(String placementId, String candidatePseudonym) {
        return PATH.replace("{placementId}", placementId).replace("{candidatePseudonym}", candidatePseudonym);
    }

    /**
     * @param sent the step whose form came back with mistakes, which keeps its submission key; {@code null} for none
     */
    private String show(IntroductionView introduction, IntroductionRules.Step sent, Model model) {
        DoorstroomUser user = CurrentUser.get();
        IntroductionRules.Party party = user.has(Role.EMPLOYER) ? IntroductionRules.Party.EMPLOYER
                : IntroductionRules.Party.CASE_WORKER;
        Map<IntroductionRules.Step, String> steps = new LinkedHashMap<>();
        for (IntroductionRules.Step step : IntroductionRules.stepsFor(introduction.status(), party)) {
            steps.put(step, step == sent ? (String) model.getAttribute(PageForms.SUBMISSION_KEY) : PageForms.newSubmissionKey());
        }
        model.addAttribute("introduction", introduction);
        model.addAttribute("employer", party == IntroductionRules.Party.EMPLOYER);
        model.addAttribute("municipalityCode", user.municipality());
        model.addAttribute("steps", steps);
        model.addAttribute("declineReasons", choices.options(DeclineReason.class));
        model.addAttribute("endReasons", choices.options(PlacementEndReason.class));
        return "introductions/introduction";
    }
}
