package nl.doorstroom.trajectory.activities;

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
import nl.doorstroom.platform.web.NotFoundException;
import nl.doorstroom.schemas.trajectory.ActivityKind;
import nl.doorstroom.trajectory.handover.MunicipalityCodes;
import nl.doorstroom.trajectory.record.CaseWorkPages;
import nl.doorstroom.trajectory.record.TrajectoryRecord;

/** The forms of the plan's activities: a new one, and a change of one (its kind stays). */
@PageController
@PreAuthorize("hasRole('case-worker')")
@RequestMapping(CaseWorkPages.PATH + "/activiteiten")
class ActivityPage {

    private final Activities activities;
    private final CaseWorkPages pages;

    ActivityPage(Activities activities, CaseWorkPages pages) {
        this.activities = activities;
        this.pages = pages;
    }

    @GetMapping("/nieuw")
    String form(@PathVariable @Pattern(regexp = MunicipalityCodes.PATTERN) String municipalityCode,
                @PathVariable UUID personId, Model model) {
        int version = pages.current(municipalityCode, personId.toString()).version();
        model.addAttribute("form", new ActivityInput(version, null, null, null, null, null, null, null));
        return show(municipalityCode, personId.toString(), null, model);
    }

    @PostMapping
    String plan(@PathVariable @Pattern(regexp = MunicipalityCodes.PATTERN) String municipalityCode,
                @PathVariable UUID personId, @Valid @ModelAttribute("form") ActivityInput form, BindingResult result,
                        Model model, RedirectAttributes redirect) {
        String id = personId.toString();
        return PageForms.submit(result, model, () -> {
            activities.plan(municipalityCode, id, PageForms.submissionKey(), form);
            return CaseWorkPages.saved(municipalityCode, id, "activity", redirect);
        }, () -> show(municipalityCode, id, null, model));
    }

    @GetMapping("/{activityId}")
    String changeForm(@PathVariable @Pattern(regexp = MunicipalityCodes.PATTERN) String municipalityCode,
                      @PathVariable UUID personId, @PathVariable UUID activityId, Model model) {
        TrajectoryRecord current = pages.current(municipalityCode, personId.toString());
        var activity = current.activity(activityId.toString()).orElseThrow(() -> new NotFoundException("activity"));
        model.addAttribute("form", new ActivityInput(current.version(), activity.getKind(), activity.getPlannedStart(),
                activity.getPlannedEnd(), activity.getActualStart(), activity.getActualEnd(),
                        activity.getHoursPerWeek(),
                activity.getProvider()));
        return show(municipalityCode, personId.toString(), activityId.toString(), model);
    }

    @PostMapping("/{activityId}")
    String change(@PathVariable @Pattern(regexp = MunicipalityCodes.PATTERN) String municipalityCode,
                  @PathVariable UUID personId, @PathVariable UUID activityId,
                  @Valid @ModelAttribute("form") ActivityInput form, BindingResult result, Model model,
                          RedirectAttributes redirect) {
        String id = personId.toString();
        return PageForms.submit(result, model, () -> {
            activities.change(municipalityCode, id, activityId.toString(), PageForms.submissionKey(), form);
            return CaseWorkPages.saved(municipalityCode, id, "activityChange", redirect);
        }, () -> show(municipalityCode, id, activityId.toString(), model));
    }

    /** @param activityId the activity changed; {@code null} for a new one */
    private String show(String municipalityCode, String personId, String activityId, Model model) {
        model.addAttribute("activityId", activityId);
        model.addAttribute("activityKinds", pages.options(ActivityKind.class));
        return pages.form("activities/form", municipalityCode, personId, model);
    }
}
