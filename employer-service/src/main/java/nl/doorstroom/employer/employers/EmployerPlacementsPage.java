package nl.doorstroom.employer.employers;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import nl.doorstroom.employer.introductions.IntroductionRules;
import nl.doorstroom.employer.introductions.IntroductionView;
import nl.doorstroom.employer.introductions.Introductions;
import nl.doorstroom.employer.placement.PlacementView;
import nl.doorstroom.employer.placement.Placements;
import nl.doorstroom.platform.pages.PageController;
import nl.doorstroom.platform.paging.ListPage;
import nl.doorstroom.platform.paging.Pager;
import nl.doorstroom.platform.paging.Paging;

/**
 * The employer's own placements, open and closed, with how many places are taken; and one placement with the
 * candidates introduced to it, each under their pseudonym. Composes the placement and introduction features, so it
 * sits above both.
 */
@PageController
@PreAuthorize("hasRole('employer')")
@RequestMapping(EmployerPlacementsPage.PATH)
class EmployerPlacementsPage {

    static final String PATH = "/werkgever/plaatsingen";

    private final Placements placements;
    private final Introductions introductions;

    EmployerPlacementsPage(Placements placements, Introductions introductions) {
        this.placements = placements;
        this.introductions = introductions;
    }

    /**
     * One line of the list.
     *
     * @param filled places taken by candidates who accepted the offer or started
     */
    public record Row(PlacementView placement, int filled) {
    }

    /** The list, newest first; {@code status} {@code open} or {@code closed} shows only those. */
    @GetMapping
    String placements(@RequestParam(required = false) String status, @RequestParam(required = false) String page,
                      @RequestParam(required = false) String pageSize, Model model) {
        String shown = "open".equals(status) || "closed".equals(status) ? status : null;
        Boolean open = shown == null ? null : shown.equals("open");
        ListPage<PlacementView> found = placements.list(new Placements.PlacementFilter(null, null, open),
                Paging.lenient(page, pageSize));
        model.addAttribute("rows", found.rows().stream()
                .map(placement -> new Row(placement, introductions.filledPlaces(placement.id()))).toList());
        model.addAttribute("status", shown);
        model.addAttribute("pager", new Pager(found, PATH, shown == null ? Map.of() : Map.of("status", shown)));
        return "employers/placements";
    }

    @GetMapping("/{placementId}")
    String placement(@PathVariable UUID placementId, Model model) {
        String id = placementId.toString();
        PlacementView placement = placements.read(id);
        List<IntroductionView> introduced = introductions.ofPlacement(id);
        model.addAttribute("placement", placement);
        model.addAttribute("introductions", introduced);
        model.addAttribute("filled", introduced.stream().filter(i -> IntroductionRules.fillsAPlace(i.status())).count());
        return "employers/placement";
    }
}
