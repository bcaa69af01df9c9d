package nl.doorstroom.trajectory.casework;

import java.text.Collator;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Pattern;
import nl.doorstroom.platform.audit.ProcessingLog;
import nl.doorstroom.platform.reference.Municipalities;
import nl.doorstroom.platform.reference.Municipality;
import nl.doorstroom.platform.web.NotFoundException;
import nl.doorstroom.schemas.intake.CefrLevel;
import nl.doorstroom.schemas.intake.CefrSkill;
import nl.doorstroom.schemas.trajectory.ActivityKind;
import nl.doorstroom.schemas.trajectory.ClosureOutcome;
import nl.doorstroom.schemas.trajectory.LearnabilityTestOutcome;
import nl.doorstroom.schemas.trajectory.LearningRoute;
import nl.doorstroom.schemas.trajectory.MilestoneKind;
import nl.doorstroom.schemas.trajectory.PersonMoved;
import nl.doorstroom.schemas.trajectory.PlacementReadinessChanged;
import nl.doorstroom.schemas.trajectory.TrajectoryEvent;
import nl.doorstroom.trajectory.acceptance.AcceptanceResource;
import nl.doorstroom.trajectory.acceptance.HandoverAcceptance;
import nl.doorstroom.trajectory.activities.ActivityInput;
import nl.doorstroom.trajectory.activities.ActivityResource;
import nl.doorstroom.trajectory.bredeintake.BredeIntake;
import nl.doorstroom.trajectory.bredeintake.BredeIntakeResource;
import nl.doorstroom.trajectory.candidates.PlacementReadiness;
import nl.doorstroom.trajectory.candidates.PlacementReadinessResource;
import nl.doorstroom.trajectory.closure.Closure;
import nl.doorstroom.trajectory.closure.ClosureResource;
import nl.doorstroom.trajectory.handover.HandoverDetails;
import nl.doorstroom.trajectory.handover.HandoverDossiers;
import nl.doorstroom.trajectory.handover.Handovers;
import nl.doorstroom.trajectory.handover.MunicipalityCodes;
import nl.doorstroom.trajectory.milestones.MilestoneInput;
import nl.doorstroom.trajectory.milestones.MilestoneResource;
import nl.doorstroom.trajectory.moves.Move;
import nl.doorstroom.trajectory.moves.MoveResource;
import nl.doorstroom.trajectory.plan.PlanAdoption;
import nl.doorstroom.trajectory.plan.PlanResource;
import nl.doorstroom.trajectory.plan.PlanView;
import nl.doorstroom.trajectory.record.TrajectoryRecords;
import nl.doorstroom.trajectory.record.TrajectoryRecords.VisibleTrajectory;
import nl.doorstroom.trajectory.record.TrajectoryResource;
import nl.doorstroom.trajectory.record.TrajectoryView;

/**
 * A person's page for the case worker of the municipality the person is linked to: the handover dossier, the
 * trajectory with the plan as a timeline, and one form per change. A form is sent to the same resource the API uses,
 * with the record version it was based on and its submission key as Idempotency-Key; on success the person page
 * follows (post/redirect/get), otherwise the form comes back with the values as typed and a message per field.
 */
@Controller
@PreAuthorize("hasRole('case-worker')")
@RequestMapping("/gemeenten/{municipalityCode}/trajecten/{personId}")
public class TrajectoryPage {

    /** One change in the trajectory's history. */
    public record HistoryEntry(int version, ZonedDateTime occurredAt, String type, String recordedBy) {
    }

    /** Times on the pages are Dutch local time. */
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private final TrajectoryRecords records;
    private final Handovers handovers;
    private final MunicipalityCodes municipalities;
    private final ProcessingLog processingLog;
    private final Validator validator;
    private final MessageSource messages;
    private final AcceptanceResource acceptance;
    private final BredeIntakeResource bredeIntake;
    private final PlanResource plan;
    private final ActivityResource activities;
    private final MilestoneResource milestones;
    private final ClosureResource closure;
    private final MoveResource moves;
    private final PlacementReadinessResource readiness;
    private final Municipalities today;

    TrajectoryPage(TrajectoryRecords records, Handovers handovers, MunicipalityCodes municipalities,
                   ProcessingLog processingLog, Validator validator, MessageSource messages,
                   AcceptanceResource acceptance, BredeIntakeResource bredeIntake, PlanResource plan,
                   ActivityResource activities, MilestoneResource milestones, ClosureResource closure,
                   MoveResource moves, PlacementReadinessResource readiness, Municipalities today) {
        this.records = records;
        this.handovers = handovers;
        this.municipalities = municipalities;
        this.processingLog = processingLog;
        this.validator = validator;
        this.messages = messages;
        this.acceptance = acceptance;
        this.bredeIntake = bredeIntake;
        this.plan = plan;
        this.activities = activities;
        this.milestones = milestones;
        this.closure = closure;
        this.moves = moves;
        this.readiness = readiness;
        this.today = today;
    }

    @GetMapping
    public String person(@PathVariable @Pattern(regexp = MunicipalityCodes.PATTERN) String municipalityCode,
                         @PathVariable @Pattern(regexp = TrajectoryResource.UUID_PATTERN) String personId, Model model) {
        return person(municipalityCode, personId, model, null);
    }

    /**
     * Marks the person ready for placements ({@code ready=true}) or takes the mark away, from the person page; the
     * candidate profile follows from the mark and the person's consent. A refusal comes back on the person page.
     */
    @PostMapping("/plaatsbaarheid")
    public String changeReadiness(@PathVariable @Pattern(regexp = MunicipalityCodes.PATTERN) String municipalityCode,
                                  @PathVariable @Pattern(regexp = TrajectoryResource.UUID_PATTERN) String personId,
                                  @RequestParam MultiValueMap<String, String> sent, Model model,
                                  HttpServletResponse response, RedirectAttributes redirect) {
        records.requireVisible(municipalityCode, personId);
        PageForm form = PageForm.submitted("readiness", List.of(), messages, sent);
        String ready = form.text("ready", true);
        PlacementReadiness input = new PlacementReadiness(form.version(),
                "true".equals(ready) ? Boolean.TRUE : "false".equals(ready) ? Boolean.FALSE : null);
        int status = TrajectoryForms.submit(form, validator.validate(input),
                () -> readiness.change(municipalityCode, personId, form.submissionKey(), input));
        if (status == 0) {
            redirect.addFlashAttribute("saved", input.ready() ? "page.saved.ready" : "page.saved.unready");
            return "redirect:/gemeenten/" + municipalityCode + "/trajecten/" + personId;
        }
        response.setStatus(status);
        return person(municipalityCode, personId, model, form.getMessage());
    }

    @GetMapping("/verhuizing")
    public String moveForm(@PathVariable @Pattern(regexp = MunicipalityCodes.PATTERN) String municipalityCode,
                           @PathVariable @Pattern(regexp = TrajectoryResource.UUID_PATTERN) String personId, Model model) {
        VisibleTrajectory visible = records.requireVisible(municipalityCode, personId);
        PageForm form = PageForm.blank("move", TrajectoryForms.move(messages, municipalityChoices()), messages,
                visible.record().version());
        return form(municipalityCode, personId, form, model);
    }

    /**
     * Records the move. The case worker no longer sees the person afterwards, so the inbox follows, saying where the
     * person went; a refusal comes back on the form.
     */
    @PostMapping("/verhuizing")
    public String move(@PathVariable @Pattern(regexp = MunicipalityCodes.PATTERN) String municipalityCode,
                       @PathVariable @Pattern(regexp = TrajectoryResource.UUID_PATTERN) String personId,
                       @RequestParam MultiValueMap<String, String> sent, Model model, HttpServletResponse response,
                       RedirectAttributes redirect) {
        records.requireVisible(municipalityCode, personId);
        HandoverDetails dossier = dossier(municipalityCode, personId);
        PageForm form = PageForm.submitted("move", TrajectoryForms.move(messages, municipalityChoices()), messages, sent);
        String typed = form.text("toMunicipalityCode", true);
        Move input = new Move(form.version(), typed == null ? null : codeOf(typed.strip()), form.date("moveDate"));
        int status = TrajectoryForms.submit(form, validator.validate(input),
                () -> moves.move(municipalityCode, personId, form.submissionKey(), input));
        if (status == 0) {
            redirect.addFlashAttribute("movedPerson", personName(dossier));
            redirect.addFlashAttribute("movedTo", municipalities.nameOf(input.toMunicipalityCode()));
            return "redirect:/gemeenten/" + municipalityCode + "/overdrachten";
        }
        response.setStatus(status);
        return form(municipalityCode, personId, form, model);
    }

    private String person(String municipalityCode, String personId, Model model, String problem) {
        VisibleTrajectory visible = records.requireVisible(municipalityCode, personId);
        HandoverDetails dossier = dossier(municipalityCode, personId);
        TrajectoryView trajectory = processingLog.record(TrajectoryResource.TRAJECTORY, "trajectory.read-trajectory",
                List.of(personId), () -> TrajectoryView.of(visible.record(), municipalityCode));
        PlanView planView = PlanView.of(visible.record(), visible.availableHoursPerWeek());
        header(municipalityCode, personId, dossier, model);
        model.addAttribute("dossier", dossier);
        model.addAttribute("trajectory", trajectory);
        model.addAttribute("plan", planView);
        model.addAttribute("timeline", Timeline.of(planView));
        model.addAttribute("history", records.store().history(personId).stream().map(this::entry).toList());
        model.addAttribute("profileConsent", HandoverDossiers.employerProfileSharingConsented(visible.dossier()));
        model.addAttribute("readinessKey", UUID.randomUUID().toString());
        model.addAttribute("movedFrom", trajectory.moves().isEmpty() ? null
                : municipalities.nameOf(trajectory.moves().getLast().fromMunicipalityCode()));
        model.addAttribute("problem", problem);
        return "casework/person";
    }

    /** Every municipality of today's set by name, with its labour-market region; the code is what is sent. */
    private List<PageForm.Option> municipalityChoices() {
        var locale = LocaleContextHolder.getLocale();
        return today.all().stream().sorted(Comparator.comparing(Municipality::name, Collator.getInstance(locale)))
                .map(m -> new PageForm.Option(m.code(), messages.getMessage("page.form.move.municipality-option",
                        new Object[]{m.name(), m.regionName()}, locale)))
                .toList();
    }

    /**
     * What the picker sends is the code; someone who typed the name without choosing from the list means the
     * municipality of that name. Anything else goes to validation as typed, and is refused there.
     */
    private String codeOf(String typed) {
        if (today.isKnown(typed)) {
            return typed;
        }
        return today.all().stream().filter(m -> m.name().equalsIgnoreCase(typed)).map(Municipality::code)
                .findFirst().orElse(typed);
    }

    @GetMapping("/acceptatie")
    public String acceptanceForm(@PathVariable @Pattern(regexp = MunicipalityCodes.PATTERN) String municipalityCode,
                                 @PathVariable @Pattern(regexp = TrajectoryResource.UUID_PATTERN) String personId, Model model) {
        VisibleTrajectory visible = records.requireVisible(municipalityCode, personId);
        PageForm form = PageForm.blank("acceptance", TrajectoryForms.acceptance(messages), messages, visible.record().version());
        return form(municipalityCode, personId, form, model);
    }

    @PostMapping("/acceptatie")
    public String accept(@PathVariable @Pattern(regexp = MunicipalityCodes.PATTERN) String municipalityCode,
                         @PathVariable @Pattern(regexp = TrajectoryResource.UUID_PATTERN) String personId,
                         @RequestParam MultiValueMap<String, String> sent, Model model, HttpServletResponse response,
                         RedirectAttributes redirect) {
        records.requireVisible(municipalityCode, personId);
        PageForm form = PageForm.submitted("acceptance", TrajectoryForms.acceptance(messages), messages, sent);
        HandoverAcceptance input = new HandoverAcceptance(form.version(), form.text("caseWorkerAccountId", true));
        return submit(municipalityCode, personId, form, validator.validate(input),
                () -> acceptance.accept(municipalityCode, personId, form.submissionKey(), input), model, response, redirect);
    }

    @GetMapping("/brede-intake")
    public String bredeIntakeForm(@PathVariable @Pattern(regexp = MunicipalityCodes.PATTERN) String municipalityCode,
                                  @PathVariable @Pattern(regexp = TrajectoryResource.UUID_PATTERN) String personId, Model model) {
        VisibleTrajectory visible = records.requireVisible(municipalityCode, personId);
        PageForm form = PageForm.blank("bredeIntake", TrajectoryForms.bredeIntake(messages), messages, visible.record().version());
        visible.record().bredeIntake().ifPresent(b -> form.with("date", b.getDate())
                .with("learnabilityTestOutcome", b.getLearnabilityTestOutcome())
                .with("educationFindings", b.getEducationFindings())
                .with("workFindings", b.getWorkFindings())
                .with("circumstancesFindings", b.getCircumstancesFindings()));
        return form(municipalityCode, personId, form, model);
    }

    @PostMapping("/brede-intake")
    public String recordBredeIntake(@PathVariable @Pattern(regexp = MunicipalityCodes.PATTERN) String municipalityCode,
                                    @PathVariable @Pattern(regexp = TrajectoryResource.UUID_PATTERN) String personId,
                                    @RequestParam MultiValueMap<String, String> sent, Model model,
                                    HttpServletResponse response, RedirectAttributes redirect) {
        records.requireVisible(municipalityCode, personId);
        PageForm form = PageForm.submitted("bredeIntake", TrajectoryForms.bredeIntake(messages), messages, sent);
        BredeIntake input = new BredeIntake(form.version(), form.date("date"),
                form.choice("learnabilityTestOutcome", LearnabilityTestOutcome.class),
                form.text("educationFindings", true), form.text("workFindings", true),
                form.text("circumstancesFindings", true));
        return submit(municipalityCode, personId, form, validator.validate(input),
                () -> bredeIntake.record(municipalityCode, personId, form.submissionKey(), input), model, response, redirect);
    }

    @GetMapping("/plan")
    public String planForm(@PathVariable @Pattern(regexp = MunicipalityCodes.PATTERN) String municipalityCode,
                           @PathVariable @Pattern(regexp = TrajectoryResource.UUID_PATTERN) String personId, Model model) {
        VisibleTrajectory visible = records.requireVisible(municipalityCode, personId);
        PageForm form = PageForm.blank("plan", TrajectoryForms.plan(messages), messages, visible.record().version());
        visible.record().plan().ifPresent(p -> form.with("learningRoute", p.getLearningRoute())
                .with("adoptedOn", p.getAdoptedOn()).with("deviationReason", p.getDeviationReason()));
        return form(municipalityCode, personId, form, model);
    }

    @PostMapping("/plan")
    public String adoptPlan(@PathVariable @Pattern(regexp = MunicipalityCodes.PATTERN) String municipalityCode,
                            @PathVariable @Pattern(regexp = TrajectoryResource.UUID_PATTERN) String personId,
                            @RequestParam MultiValueMap<String, String> sent, Model model, HttpServletResponse response,
                            RedirectAttributes redirect) {
        records.requireVisible(municipalityCode, personId);
        PageForm form = PageForm.submitted("plan", TrajectoryForms.plan(messages), messages, sent);
        PlanAdoption input = new PlanAdoption(form.version(), form.choice("learningRoute", LearningRoute.class),
                form.date("adoptedOn"), form.text("deviationReason", true));
        return submit(municipalityCode, personId, form, validator.validate(input),
                () -> plan.adopt(municipalityCode, personId, form.submissionKey(), input), model, response, redirect);
    }

    @GetMapping("/activiteiten/nieuw")
    public String activityForm(@PathVariable @Pattern(regexp = MunicipalityCodes.PATTERN) String municipalityCode,
                               @PathVariable @Pattern(regexp = TrajectoryResource.UUID_PATTERN) String personId, Model model) {
        VisibleTrajectory visible = records.requireVisible(municipalityCode, personId);
        PageForm form = PageForm.blank("activity", TrajectoryForms.activity(messages), messages, visible.record().version());
        return form(municipalityCode, personId, form, model);
    }

    @PostMapping("/activiteiten")
    public String planActivity(@PathVariable @Pattern(regexp = MunicipalityCodes.PATTERN) String municipalityCode,
                               @PathVariable @Pattern(regexp = TrajectoryResource.UUID_PATTERN) String personId,
                               @RequestParam MultiValueMap<String, String> sent, Model model, HttpServletResponse response,
                               RedirectAttributes redirect) {
        records.requireVisible(municipalityCode, personId);
        PageForm form = PageForm.submitted("activity", TrajectoryForms.activity(messages), messages, sent);
        ActivityInput input = activityInput(form);
        return submit(municipalityCode, personId, form, validator.validate(input),
                () -> activities.plan(municipalityCode, personId, form.submissionKey(), input), model, response, redirect);
    }

    @GetMapping("/activiteiten/{activityId}")
    public String changeActivityForm(@PathVariable @Pattern(regexp = MunicipalityCodes.PATTERN) String municipalityCode,
                                     @PathVariable @Pattern(regexp = TrajectoryResource.UUID_PATTERN) String personId,
                                     @PathVariable @Pattern(regexp = TrajectoryResource.UUID_PATTERN) String activityId,
                                     Model model) {
        VisibleTrajectory visible = records.requireVisible(municipalityCode, personId);
        var activity = visible.record().activity(activityId).orElseThrow(() -> new NotFoundException("activity"));
        PageForm form = PageForm.blank("activityChange", TrajectoryForms.activity(messages), messages, visible.record().version())
                .with("kind", activity.getKind())
                .with("plannedStart", activity.getPlannedStart())
                .with("plannedEnd", activity.getPlannedEnd())
                .with("actualStart", activity.getActualStart())
                .with("actualEnd", activity.getActualEnd())
                .with("hoursPerWeek", activity.getHoursPerWeek())
                .with("provider", activity.getProvider());
        model.addAttribute("activityId", activityId);
        return form(municipalityCode, personId, form, model);
    }

    @PostMapping("/activiteiten/{activityId}")
    public String changeActivity(@PathVariable @Pattern(regexp = MunicipalityCodes.PATTERN) String municipalityCode,
                                 @PathVariable @Pattern(regexp = TrajectoryResource.UUID_PATTERN) String personId,
                                 @PathVariable @Pattern(regexp = TrajectoryResource.UUID_PATTERN) String activityId,
                                 @RequestParam MultiValueMap<String, String> sent, Model model,
                                 HttpServletResponse response, RedirectAttributes redirect) {
        records.requireVisible(municipalityCode, personId);
        PageForm form = PageForm.submitted("activityChange", TrajectoryForms.activity(messages), messages, sent);
        ActivityInput input = activityInput(form);
        model.addAttribute("activityId", activityId);
        return submit(municipalityCode, personId, form, validator.validate(input),
                () -> activities.change(municipalityCode, personId, activityId, form.submissionKey(), input),
                model, response, redirect);
    }

    @GetMapping("/mijlpalen/nieuw")
    public String milestoneForm(@PathVariable @Pattern(regexp = MunicipalityCodes.PATTERN) String municipalityCode,
                                @PathVariable @Pattern(regexp = TrajectoryResource.UUID_PATTERN) String personId, Model model) {
        VisibleTrajectory visible = records.requireVisible(municipalityCode, personId);
        PageForm form = PageForm.blank("milestone", TrajectoryForms.milestone(messages), messages, visible.record().version());
        return form(municipalityCode, personId, form, model);
    }

    @PostMapping("/mijlpalen")
    public String recordMilestone(@PathVariable @Pattern(regexp = MunicipalityCodes.PATTERN) String municipalityCode,
                                  @PathVariable @Pattern(regexp = TrajectoryResource.UUID_PATTERN) String personId,
                                  @RequestParam MultiValueMap<String, String> sent, Model model,
                                  HttpServletResponse response, RedirectAttributes redirect) {
        records.requireVisible(municipalityCode, personId);
        PageForm form = PageForm.submitted("milestone", TrajectoryForms.milestone(messages), messages, sent);
        MilestoneInput input = new MilestoneInput(form.version(), form.choice("kind", MilestoneKind.class),
                form.date("date"), form.choice("skill", CefrSkill.class), form.choice("level", CefrLevel.class),
                form.text("description", true));
        return submit(municipalityCode, personId, form, validator.validate(input),
                () -> milestones.record(municipalityCode, personId, form.submissionKey(), input), model, response, redirect);
    }

    @GetMapping("/afsluiting")
    public String closureForm(@PathVariable @Pattern(regexp = MunicipalityCodes.PATTERN) String municipalityCode,
                              @PathVariable @Pattern(regexp = TrajectoryResource.UUID_PATTERN) String personId, Model model) {
        VisibleTrajectory visible = records.requireVisible(municipalityCode, personId);
        PageForm form = PageForm.blank("closure", TrajectoryForms.closure(messages), messages, visible.record().version());
        return form(municipalityCode, personId, form, model);
    }

    @PostMapping("/afsluiting")
    public String close(@PathVariable @Pattern(regexp = MunicipalityCodes.PATTERN) String municipalityCode,
                        @PathVariable @Pattern(regexp = TrajectoryResource.UUID_PATTERN) String personId,
                        @RequestParam MultiValueMap<String, String> sent, Model model, HttpServletResponse response,
                        RedirectAttributes redirect) {
        records.requireVisible(municipalityCode, personId);
        PageForm form = PageForm.submitted("closure", TrajectoryForms.closure(messages), messages, sent);
        Closure input = new Closure(form.version(), form.date("closedOn"), form.choice("outcome", ClosureOutcome.class),
                form.text("note", true));
        return submit(municipalityCode, personId, form, validator.validate(input),
                () -> closure.close(municipalityCode, personId, form.submissionKey(), input), model, response, redirect);
    }

    private static ActivityInput activityInput(PageForm form) {
        return new ActivityInput(form.version(), form.choice("kind", ActivityKind.class), form.date("plannedStart"),
                form.date("plannedEnd"), form.date("actualStart"), form.date("actualEnd"), form.integer("hoursPerWeek"),
                form.text("provider", true));
    }

    private String submit(String municipalityCode, String personId, PageForm form,
                          Set<? extends ConstraintViolation<?>> violations, Runnable change, Model model,
                          HttpServletResponse response, RedirectAttributes redirect) {
        int status = TrajectoryForms.submit(form, violations, change);
        if (status == 0) {
            redirect.addFlashAttribute("saved", "page.saved." + form.getName());
            return "redirect:/gemeenten/" + municipalityCode + "/trajecten/" + personId;
        }
        response.setStatus(status);
        return form(municipalityCode, personId, form, model);
    }

    private String form(String municipalityCode, String personId, PageForm form, Model model) {
        header(municipalityCode, personId, dossier(municipalityCode, personId), model);
        model.addAttribute("form", form);
        model.addAttribute("action", "/gemeenten/" + municipalityCode + "/trajecten/" + personId
                + TrajectoryForms.path(form.getName(), (String) model.getAttribute("activityId")));
        model.addAttribute("button", TrajectoryForms.button(form.getName()));
        return "casework/form";
    }

    private HandoverDetails dossier(String municipalityCode, String personId) {
        return processingLog.record(Handovers.WARM_HANDOVER, "handover.read-dossier", List.of(personId),
                () -> handovers.details(municipalityCode, personId).orElseThrow(() -> new NotFoundException("person")));
    }

    private void header(String municipalityCode, String personId, HandoverDetails dossier, Model model) {
        model.addAttribute("municipalityCode", municipalityCode);
        model.addAttribute("municipalityName", municipalities.nameOf(municipalityCode));
        model.addAttribute("personId", personId);
        model.addAttribute("personName", personName(dossier));
    }

    private static String personName(HandoverDetails dossier) {
        return dossier.registration() == null ? null
                : dossier.registration().givenNames() + " " + dossier.registration().familyName();
    }

    /** A change as the history lists it; an event type this version has no words for keeps its name. */
    private HistoryEntry entry(TrajectoryEvent event) {
        String type = event.getPayload().getClass().getSimpleName();
        var locale = LocaleContextHolder.getLocale();
        String words = switch (event.getPayload()) {
            case PersonMoved moved -> messages.getMessage("page.history.PersonMoved",
                    new Object[]{municipalities.nameOf(moved.getFromMunicipalityCode()),
                            municipalities.nameOf(moved.getToMunicipalityCode()), PageDates.format(moved.getMoveDate())},
                    locale);
            case PlacementReadinessChanged readiness -> messages.getMessage(
                    "page.history.PlacementReadinessChanged." + readiness.getReady(), null, locale);
            default -> messages.getMessage("page.history." + type, null, type, locale);
        };
        return new HistoryEntry(event.getRecordVersion(), event.getOccurredAt().atZone(AMSTERDAM), words,
                event.getRecordedBy() == null ? null : event.getRecordedBy().getAccountId());
    }
}
