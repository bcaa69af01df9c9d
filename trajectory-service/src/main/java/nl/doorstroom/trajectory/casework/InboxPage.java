package nl.doorstroom.trajectory.casework;

import java.util.List;
import java.util.UUID;

import org.springframework.context.MessageSource;
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
import nl.doorstroom.platform.audit.ProcessingLog;
import nl.doorstroom.platform.pages.PageController;
import nl.doorstroom.platform.pages.PageForms;
import nl.doorstroom.trajectory.acceptance.Acceptances;
import nl.doorstroom.trajectory.acceptance.HandoverAcceptance;
import nl.doorstroom.trajectory.handover.HandoverSummary;
import nl.doorstroom.trajectory.handover.Handovers;
import nl.doorstroom.trajectory.handover.MunicipalityCodes;
import nl.doorstroom.trajectory.record.TrajectoryRecords;
import nl.doorstroom.trajectory.record.TrajectoryView;

/**
 * The municipality's inbox: everyone linked to it, the handovers not accepted yet marked new, who has each trajectory,
 * and a button to take a new one on oneself (assigning a colleague is on the acceptance form of the person page).
 */
@PageController
@PreAuthorize("hasRole('case-worker')")
@RequestMapping("/gemeenten/{municipalityCode}/overdrachten")
public class InboxPage {

    /**
     * One line of the inbox.
     *
     * @param status        {@code HANDOVER_PENDING}, {@code ACCEPTED} or {@code CLOSED}
     * @param caseWorker    account id of the assigned case worker; {@code null} while the handover is pending
     * @param submissionKey Idempotency-Key of the row's accept button
     * @param movedFrom     name of the municipality the person moved from; {@code null} when the person did not move
     */
    public record Row(HandoverSummary handover, String status, String caseWorker, int version, String submissionKey,
                      String movedFrom) {

        public boolean isNew() {
            return "HANDOVER_PENDING".equals(status);
        }
    }

    private final Handovers handovers;
    private final TrajectoryRecords records;
    private final MunicipalityCodes municipalities;
    private final ProcessingLog processingLog;
    private final Acceptances acceptance;
    private final MessageSource messages;

    InboxPage(Handovers handovers, TrajectoryRecords records, MunicipalityCodes municipalities,
            ProcessingLog processingLog,
              Acceptances acceptance, MessageSource messages) {
        this.handovers = handovers;
        this.records = records;
        this.municipalities = municipalities;
        this.processingLog = processingLog;
        this.acceptance = acceptance;
        this.messages = messages;
    }

    @GetMapping
    public String inbox(@PathVariable @Pattern(regexp = MunicipalityCodes.PATTERN) String municipalityCode,
            Model model) {
        municipalities.requireVisible(municipalityCode);
        return render(municipalityCode, model, null);
    }

    /** Accepts the handover for oneself, from the inbox; back to the inbox, with a message when it did not work. */
    @PostMapping("/{personId}/acceptatie")
    public String accept(@PathVariable @Pattern(regexp = MunicipalityCodes.PATTERN) String municipalityCode,
                         @PathVariable UUID personId, @Valid @ModelAttribute("form") HandoverAcceptance form,
                         BindingResult result,
                         Model model, RedirectAttributes redirect) {
        return PageForms.submit(result, model, () -> {
            acceptance.accept(municipalityCode, personId.toString(), PageForms.submissionKey(), form);
            redirect.addFlashAttribute("saved", "page.saved.acceptance");
            return "redirect:/gemeenten/" + municipalityCode + "/overdrachten";
        }, () -> render(municipalityCode, model, PageProblems.of(result, messages)));
    }

    private String render(String municipalityCode, Model model, String problem) {
        List<HandoverSummary> summaries = processingLog.recordResult(Handovers.WARM_HANDOVER, "handover.list-inbox",
                () -> handovers.summaries(municipalityCode),
                list -> list.stream().map(HandoverSummary::personId).toList());
        List<Row> rows = summaries.stream().map(summary -> {
            // the summaries come from this municipality's inbox, so they are in scope already
            TrajectoryView trajectory = TrajectoryView.of(records.current(summary.personId()), municipalityCode);
            return new Row(summary, trajectory.status(),
                    trajectory.acceptance() == null ? null : trajectory.acceptance().caseWorkerAccountId(),
                    trajectory.version(), UUID.randomUUID().toString(),
                    summary.movedFrom() == null ? null : municipalities.nameOf(summary.movedFrom()));
        }).toList();
        model.addAttribute("municipalityCode", municipalityCode);
        model.addAttribute("municipalityName", municipalities.nameOf(municipalityCode));
        model.addAttribute("handovers", rows);
        model.addAttribute("newCount", rows.stream().filter(Row::isNew).count());
        model.addAttribute("problem", problem);
        return "handover/inbox";
    }
}
