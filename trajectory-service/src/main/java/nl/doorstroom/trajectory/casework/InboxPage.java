package nl.doorstroom.trajectory.casework;

import java.util.List;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import nl.doorstroom.platform.audit.ProcessingLog;
import nl.doorstroom.platform.pages.PageController;
import nl.doorstroom.platform.pages.PageForms;
import nl.doorstroom.platform.paging.ListPage;
import nl.doorstroom.trajectory.acceptance.Acceptances;
import nl.doorstroom.trajectory.acceptance.HandoverAcceptance;
import nl.doorstroom.trajectory.handover.HandoverSearch;
import nl.doorstroom.trajectory.handover.HandoverSummary;
import nl.doorstroom.trajectory.handover.Handovers;
import nl.doorstroom.trajectory.handover.MunicipalityCodes;
import nl.doorstroom.trajectory.record.TrajectoryRecords;
import nl.doorstroom.trajectory.record.TrajectoryView;

/**
 * The municipality's inbox: everyone linked to it, paged on the server with search and filters, the handovers not
 * accepted yet marked new, who has each trajectory, and a button to take a new one on oneself (assigning a colleague
 * is on the acceptance form of the person page).
 */
@PageController
@PreAuthorize("hasRole('case-worker')")
@RequestMapping("/gemeenten/{municipalityCode}/overdrachten")
public class InboxPage {

    /**
     * One line of the inbox.
     *
     * @param status        {@code HANDOVER_PENDING}, {@code ACCEPTED} or {@code CLOSED}
     * @param caseWorker    name (or account id) of the assigned case worker; {@code null} while the handover is pending
     * @param submissionKey Idempotency-Key of the row's accept button
     * @param movedFrom     name of the municipality the person moved from; {@code null} when the person did not move
     */
    public record Row(HandoverSummary handover, String status, String caseWorker, int version, String submissionKey,
                      String movedFrom) {

        public boolean isNew() {
            return "HANDOVER_PENDING".equals(status);
        }
    }

    /** The session key of this list's search text. */
    private static final String LIST = "inbox";
    private static final List<String> FILTERS = List.of("status", "linkedFrom", "linkedTo", "nareiziger");
    private static final List<String> STATUSES = List.of("HANDOVER_PENDING", "ACCEPTED", "CLOSED");

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

    /** One page of the inbox: filters and page from the URL, the search text from the session. */
    @GetMapping
    public String inbox(@PathVariable @Pattern(regexp = MunicipalityCodes.PATTERN) String municipalityCode,
                        @RequestParam MultiValueMap<String, String> query, HttpServletRequest request, Model model) {
        municipalities.requireVisible(municipalityCode);
        return render(municipalityCode, ListRequest.of(LIST, FILTERS, query, request), model, null);
    }

    /** A search: the text stays in the session, the browser goes to the first page with the filters. */
    @PostMapping
    public String search(@PathVariable @Pattern(regexp = MunicipalityCodes.PATTERN) String municipalityCode,
                         @RequestParam MultiValueMap<String, String> sent, HttpServletRequest request) {
        municipalities.requireVisible(municipalityCode);
        return ListRequest.search(LIST, FILTERS, sent, request, path(municipalityCode));
    }

    /** Accepts the handover for oneself, from the inbox; back to the inbox, with a message when it did not work. */
    @PostMapping("/{personId}/acceptatie")
    public String accept(@PathVariable @Pattern(regexp = MunicipalityCodes.PATTERN) String municipalityCode,
                         @PathVariable UUID personId, @Valid @ModelAttribute("form") HandoverAcceptance form,
                         BindingResult result, HttpServletRequest request, Model model, RedirectAttributes redirect) {
        return PageForms.submit(result, model, () -> {
            acceptance.accept(municipalityCode, personId.toString(), PageForms.submissionKey(), form);
            redirect.addFlashAttribute("saved", "page.saved.acceptance");
            return "redirect:" + path(municipalityCode);
        }, () -> render(municipalityCode, ListRequest.of(LIST, FILTERS, new LinkedMultiValueMap<>(), request), model,
                PageProblems.of(result, messages)));
    }

    private String render(String municipalityCode, ListRequest list, Model model, String problem) {
        HandoverSearch search = new HandoverSearch(list.text(), list.date("linkedFrom").orElse(null),
                list.date("linkedTo").orElse(null), list.yesNo("nareiziger"), list.paging().page(),
                list.paging().pageSize());
        String wanted = STATUSES.stream().filter(status -> status.equals(list.filter("status"))).findFirst().orElse(null);
        ListPage<HandoverSummary> page = processingLog.recordResult(Handovers.WARM_HANDOVER, "handover.list-inbox",
                () -> wanted == null && !search.hasFilters()
                        ? handovers.page(municipalityCode, search.identitySearch(), list.paging())
                        // a status comes from the trajectory (no personal data)
                        : handovers.page(municipalityCode, search.filter().and(dossier -> wanted == null
                                || wanted.equals(TrajectoryView.statusOf(records.current(dossier.getPersonId())))),
                                search.identitySearch(), list.paging()),
                shown -> shown.rows().stream().map(HandoverSummary::personId).toList());
        ListPage<Row> rows = page.map(summary -> {
            // the summaries come from this municipality's inbox, so they are in scope already
            TrajectoryView trajectory = TrajectoryView.of(records.current(summary.personId()), municipalityCode);
            return new Row(summary, trajectory.status(),
                    trajectory.acceptance() == null ? null : trajectory.acceptance().caseWorkerName(),
                    trajectory.version(), UUID.randomUUID().toString(),
                    summary.movedFrom() == null ? null : municipalities.nameOf(summary.movedFrom()));
        });
        model.addAttribute("municipalityCode", municipalityCode);
        model.addAttribute("municipalityName", municipalities.nameOf(municipalityCode));
        model.addAttribute("handovers", rows.rows());
        model.addAttribute("pager", list.pager(rows, path(municipalityCode)));
        model.addAttribute("filters", list.filters());
        model.addAttribute("searchText", list.text());
        model.addAttribute("searching", list.isSearching());
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("problem", problem);
        return "handover/inbox";
    }

    private static String path(String municipalityCode) {
        return "/gemeenten/" + municipalityCode + "/overdrachten";
    }
}
