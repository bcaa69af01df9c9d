package nl.doorstroom.trajectory.casework;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
import nl.doorstroom.platform.pages.PageDateFormatter;
import nl.doorstroom.platform.pages.PageForms;
import nl.doorstroom.schemas.trajectory.PersonMoved;
import nl.doorstroom.schemas.trajectory.PlacementReadinessChanged;
import nl.doorstroom.schemas.trajectory.TrajectoryEvent;
import nl.doorstroom.trajectory.candidates.PlacementReadiness;
import nl.doorstroom.trajectory.candidates.ReadinessMarks;
import nl.doorstroom.trajectory.handover.HandoverDetails;
import nl.doorstroom.trajectory.handover.HandoverDossiers;
import nl.doorstroom.trajectory.handover.MunicipalityCodes;
import nl.doorstroom.trajectory.plan.PlanView;
import nl.doorstroom.trajectory.record.CaseWorkPages;
import nl.doorstroom.trajectory.record.TrajectoryRecords;
import nl.doorstroom.trajectory.record.TrajectoryRecords.VisibleTrajectory;
import nl.doorstroom.trajectory.record.TrajectoryView;

/**
 * A person's page for the case worker of the municipality the person is linked to: the handover dossier, the
 * trajectory with the plan as a timeline, its history, and the links to each feature's form. It composes several
 * features, so it sits above them; the mark "ready for placements" is a button on it.
 */
@PageController
@PreAuthorize("hasRole('case-worker')")
@RequestMapping(CaseWorkPages.PATH)
class PersonPage {

    /** One change in the trajectory's history. */
    public record HistoryEntry(int version, ZonedDateTime occurredAt, String type, String recordedBy) {
    }

    /** Times on the pages are Dutch local time. */
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final PageDateFormatter DATES = new PageDateFormatter();

    private final TrajectoryRecords records;
    private final CaseWorkPages pages;
    private final MunicipalityCodes municipalities;
    private final ReadinessMarks readiness;
    private final MessageSource messages;

    PersonPage(TrajectoryRecords records, CaseWorkPages pages, MunicipalityCodes municipalities,
               ReadinessMarks readiness, MessageSource messages) {
        this.records = records;
        this.pages = pages;
        this.municipalities = municipalities;
        this.readiness = readiness;
        this.messages = messages;
    }

    @GetMapping
    String person(@PathVariable @Pattern(regexp = MunicipalityCodes.PATTERN) String municipalityCode,
                  @PathVariable UUID personId, Model model) {
        return person(municipalityCode, personId.toString(), model);
    }

    /**
     * Marks the person ready for placements ({@code ready=true}) or takes the mark away; the candidate profile follows
     * from the mark and the person's consent. A refusal comes back on the person page.
     */
    @PostMapping("/plaatsbaarheid")
    String changeReadiness(@PathVariable @Pattern(regexp = MunicipalityCodes.PATTERN) String municipalityCode,
                           @PathVariable UUID personId, @Valid @ModelAttribute("form") PlacementReadiness form,
                           BindingResult result,
                           Model model, RedirectAttributes redirect) {
        String id = personId.toString();
        return PageForms.submit(result, model, () -> {
            readiness.change(municipalityCode, id, PageForms.submissionKey(), form);
            redirect.addFlashAttribute("saved", form.ready() ? "page.saved.ready" : "page.saved.unready");
            return "redirect:" + CaseWorkPages.personPage(municipalityCode, id);
        }, () -> {
            model.addAttribute("problem", PageProblems.of(result, messages));
            return person(municipalityCode, id, model);
        });
    }

    private String person(String municipalityCode, String personId, Model model) {
        VisibleTrajectory visible = records.read("trajectory.read-trajectory", municipalityCode, personId,
                Function.identity());
        HandoverDetails dossier = pages.dossier(municipalityCode, personId);
        TrajectoryView trajectory = TrajectoryView.of(visible.record(), municipalityCode);
        PlanView planView = PlanView.of(visible.record(), visible.availableHoursPerWeek());
        pages.header(municipalityCode, personId, dossier, model);
        model.addAttribute("dossier", dossier);
        model.addAttribute("trajectory", trajectory);
        model.addAttribute("plan", planView);
        model.addAttribute("timeline", Timeline.of(planView));
        model.addAttribute("history", records.store().history(personId).stream().map(this::entry).toList());
        model.addAttribute("profileConsent", HandoverDossiers.employerProfileSharingConsented(visible.dossier()));
        model.addAttribute("readinessKey", PageForms.newSubmissionKey());
        model.addAttribute("movedFrom", trajectory.moves().isEmpty() ? null
                : municipalities.nameOf(trajectory.moves().getLast().fromMunicipalityCode()));
        return "casework/person";
    }

    /** A change as the history lists it; an event type this version has no words for keeps its name. */
    private HistoryEntry entry(TrajectoryEvent event) {
        String type = event.getPayload().getClass().getSimpleName();
        Locale locale = LocaleContextHolder.getLocale();
        String words = switch (event.getPayload()) {
            case PersonMoved moved -> messages.getMessage("page.history.PersonMoved",
                    new Object[]{municipalities.nameOf(moved.getFromMunicipalityCode()),
                            municipalities.nameOf(moved.getToMunicipalityCode()), DATES.print(moved.getMoveDate(),
                                    locale)},
                    locale);
            case PlacementReadinessChanged changed -> messages.getMessage(
                    "page.history.PlacementReadinessChanged." + changed.getReady(), null, locale);
            default -> messages.getMessage("page.history." + type, null, type, locale);
        };
        return new HistoryEntry(event.getRecordVersion(), event.getOccurredAt().atZone(AMSTERDAM), words,
                event.getRecordedBy() == null ? null : event.getRecordedBy().getAccountId());
    }
}
