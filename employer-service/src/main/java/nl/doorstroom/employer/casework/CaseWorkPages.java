package nl.doorstroom.employer.casework;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import nl.doorstroom.employer.introductions.IntroductionInput;
import nl.doorstroom.employer.introductions.IntroductionRules;
import nl.doorstroom.employer.introductions.IntroductionView;
import nl.doorstroom.employer.introductions.Introductions;
import nl.doorstroom.employer.matches.Matches;
import nl.doorstroom.employer.matches.MatchView;
import nl.doorstroom.employer.pages.Choices;
import nl.doorstroom.employer.placement.PlacementView;
import nl.doorstroom.employer.placement.Placements;
import nl.doorstroom.platform.pages.PageController;
import nl.doorstroom.platform.pages.PageForms;
import nl.doorstroom.platform.paging.ListPage;
import nl.doorstroom.platform.paging.Pager;
import nl.doorstroom.platform.paging.Paging;
import nl.doorstroom.platform.reference.Municipalities;
import nl.doorstroom.platform.reference.Municipality;
import nl.doorstroom.platform.security.CurrentUser;
import nl.doorstroom.platform.web.NotFoundException;
import nl.doorstroom.schemas.employer.IntroductionStatus;
import nl.doorstroom.schemas.employer.PlacementKind;

/**
 * The case worker's pages in employer-service, in the scope of their municipality: the placements their labour-market
 * region sees (its own and those opened to it), a placement with the ranked matches of their own candidates and why
 * each scored as it did, proposing a candidate, and their municipality's introductions. Composes placements, matches
 * and introductions, so it sits above them; another municipality's address is not found (404).
 */
@PageController
@PreAuthorize("hasRole('case-worker')")
@RequestMapping(CaseWorkPages.PATH)
class CaseWorkPages {

    static final String PATH = "/gemeenten/{municipalityCode}";
    private static final String MUNICIPALITY_CODE = "GM\\d{4}";

    private final Placements placements;
    private final Matches matches;
    private final Introductions introductions;
    private final Municipalities municipalities;
    private final Choices choices;
    private final MessageSource messages;

    CaseWorkPages(Placements placements, Matches matches, Introductions introductions, Municipalities municipalities,
                  Choices choices, MessageSource messages) {
        this.placements = placements;
        this.matches = matches;
        this.introductions = introductions;
        this.municipalities = municipalities;
        this.choices = choices;
        this.messages = messages;
    }

    /**
     * A candidate in the list of matches.
     *
     * @param introduction  the candidate's introduction to this placement, if any
     * @param mayPropose    whether the candidate may be proposed now (none yet, or the last one stopped)
     * @param submissionKey the Idempotency-Key of the row's proposal
     */
    public record MatchRow(MatchView.CandidateMatch match, IntroductionView introduction, boolean mayPropose,
                    String submissionKey) {
    }

    /**
     * One of the municipality's introductions.
     *
     * @param steps what the case worker may record now
     */
    public record IntroductionRow(IntroductionView introduction, List<IntroductionRules.Step> steps) {
    }

    @GetMapping("/plaatsingen")
    String placements(@PathVariable @Pattern(regexp = MUNICIPALITY_CODE) String municipalityCode,
                      @RequestParam(required = false) String kind, @RequestParam(required = false) String page,
                      @RequestParam(required = false) String pageSize, Model model) {
        String region = requireOwn(municipalityCode);
        PlacementKind shown = choices.options(PlacementKind.class).stream().filter(o -> o.value().equals(kind))
                .findFirst().map(o -> PlacementKind.valueOf(o.value())).orElse(null);
        ListPage<PlacementView> found = placements.list(new Placements.PlacementFilter(shown, null, null),
                Paging.lenient(page, pageSize));
        model.addAttribute("placements", found.rows());
        model.addAttribute("kind", shown);
        model.addAttribute("kinds", choices.options(PlacementKind.class));
        model.addAttribute("regionCode", region);
        model.addAttribute("pager", new Pager(found, "/gemeenten/" + municipalityCode + "/plaatsingen",
                shown == null ? Map.of() : Map.of("kind", shown.name())));
        return header(municipalityCode, model, "casework/placements");
    }

    @GetMapping("/plaatsingen/{placementId}")
    String placement(@PathVariable @Pattern(regexp = MUNICIPALITY_CODE) String municipalityCode,
                     @PathVariable UUID placementId, @RequestParam(required = false) String page,
                     @RequestParam(required = false) String pageSize, Model model) {
        requireOwn(municipalityCode);
        return placement(municipalityCode, placementId.toString(), Paging.lenient(page, pageSize), null, model);
    }

    /** Proposes one of the municipality's candidates; on to the introduction, or back with why it was refused. */
    @PostMapping("/plaatsingen/{placementId}/kennismakingen")
    String propose(@PathVariable @Pattern(regexp = MUNICIPALITY_CODE) String municipalityCode,
                   @PathVariable UUID placementId, @Valid @ModelAttribute("form") IntroductionInput.Proposal form,
                   BindingResult result, Model model, RedirectAttributes redirect) {
        requireOwn(municipalityCode);
        String id = placementId.toString();
        return PageForms.submit(result, model, () -> {
            IntroductionView proposed = introductions.propose(id, PageForms.submissionKey(), form);
            redirect.addFlashAttribute("saved", "page.saved.proposed");
            return "redirect:/plaatsingen/" + id + "/kennismakingen/" + proposed.candidatePseudonym();
        }, () -> placement(municipalityCode, id, Paging.lenient(null, null), problem(result), model));
    }

    @GetMapping("/kennismakingen")
    String introductions(@PathVariable @Pattern(regexp = MUNICIPALITY_CODE) String municipalityCode, Model model) {
        requireOwn(municipalityCode);
        model.addAttribute("introductions", introductions.ofMunicipality(municipalityCode).stream()
                .map(i -> new IntroductionRow(i, IntroductionRules.stepsFor(i.status(), IntroductionRules.Party.CASE_WORKER)))
                .toList());
        return header(municipalityCode, model, "casework/introductions");
    }

    /** @param problem why a proposal was refused; {@code null} when none was sent */
    private String placement(String municipalityCode, String placementId, Paging paging, String problem, Model model) {
        PlacementView placement = placements.read(placementId);
        ListPage<MatchView.CandidateMatch> ranked = matches.forPlacement(placementId, paging);
        Map<String, IntroductionView> introduced = introductions.ofPlacement(placementId).stream()
                .collect(Collectors.toMap(IntroductionView::candidatePseudonym, Function.identity(), (a, b) -> a));
        model.addAttribute("placement", placement);
        model.addAttribute("matches", ranked.rows().stream().map(match -> {
            IntroductionView introduction = introduced.get(match.candidate().candidatePseudonym());
            IntroductionStatus status = introduction == null ? null : introduction.status();
            return new MatchRow(match, introduction, IntroductionRules.proposalConflict(status).isEmpty(),
                    PageForms.newSubmissionKey());
        }).toList());
        model.addAttribute("pager", new Pager(ranked, "/gemeenten/" + municipalityCode + "/plaatsingen/" + placementId,
                Map.of()));
        model.addAttribute("problem", problem);
        return header(municipalityCode, model, "casework/placement");
    }

    /** The labour-market region of the user's own municipality; any other municipality is not found. */
    private String requireOwn(String municipalityCode) {
        if (!CurrentUser.get().worksFor(municipalityCode)) {
            throw new NotFoundException("municipality");
        }
        return municipalities.find(municipalityCode).map(Municipality::regionCode)
                .orElseThrow(() -> new NotFoundException("municipality"));
    }

    private String header(String municipalityCode, Model model, String view) {
        model.addAttribute("municipalityCode", municipalityCode);
        model.addAttribute("municipalityName", choices.municipality(municipalityCode));
        return view;
    }

    /** What the proposal was refused for, in the user's language: about the candidate, or about the whole of it. */
    private String problem(BindingResult result) {
        Locale locale = LocaleContextHolder.getLocale();
        return result.getAllErrors().stream().findFirst().map(error -> error instanceof FieldError
                ? messages.getMessage("page.field.candidate", null, locale) + ": " + messages.getMessage(error, locale)
                : messages.getMessage(error, locale)).orElse(null);
    }
}
