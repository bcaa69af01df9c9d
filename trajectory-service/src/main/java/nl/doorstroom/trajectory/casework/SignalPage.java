package nl.doorstroom.trajectory.casework;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Pattern;
import nl.doorstroom.platform.pages.PageController;
import nl.doorstroom.platform.paging.ListPage;
import nl.doorstroom.trajectory.handover.MunicipalityCodes;
import nl.doorstroom.trajectory.signals.Signal;
import nl.doorstroom.trajectory.signals.SignalList;
import nl.doorstroom.trajectory.signals.SignalResource;
import nl.doorstroom.trajectory.signals.SignalSearch;

/**
 * Nobody unseen: the municipality's signal list as a page, the people linked (or moved) there for longer than the
 * configured weeks without a next step, paged on the server with search and filters; how many nareizigers are among
 * them is said at the top, with a filter to show just them. Read through the API's resource, which checks the
 * municipality and logs the processing of the rows shown.
 */
@PageController
@PreAuthorize("hasRole('case-worker')")
@RequestMapping("/gemeenten/{municipalityCode}/signalen")
public class SignalPage {

    /** A signalled person, with the Dutch date of the arrival at the municipality. */
    public record Row(SignalList.PersonSignals person, LocalDate arrivedOn) {
    }

    /** The session key of this list's search text. */
    private static final String LIST = "signals";
    private static final List<String> FILTERS = List.of("signal", "arrivedFrom", "arrivedTo", "nareiziger");

    private final SignalResource signals;
    private final MunicipalityCodes municipalities;

    SignalPage(SignalResource signals, MunicipalityCodes municipalities) {
        this.signals = signals;
        this.municipalities = municipalities;
    }

    @GetMapping
    public String signals(@PathVariable @Pattern(regexp = MunicipalityCodes.PATTERN) String municipalityCode,
                          @RequestParam MultiValueMap<String, String> query, HttpServletRequest request, Model model) {
        ListRequest list = ListRequest.of(LIST, FILTERS, query, request);
        Signal signal = Arrays.stream(Signal.values()).filter(s -> s.name().equals(list.filter("signal"))).findFirst()
                .orElse(null);
        SignalList.Signals found = signals.search(municipalityCode, new SignalSearch(list.text(), signal,
                list.date("arrivedFrom").orElse(null), list.date("arrivedTo").orElse(null), list.yesNo("nareiziger"),
                list.paging().page(), list.paging().pageSize()));
        ListPage<Row> rows = new ListPage<>(found.persons(), found.total(), found.page(), found.pageSize())
                .map(p -> new Row(p, p.arrivedAt().atZone(SignalList.AMSTERDAM).toLocalDate()));
        model.addAttribute("municipalityCode", municipalityCode);
        model.addAttribute("municipalityName", municipalities.nameOf(municipalityCode));
        model.addAttribute("signalAfterWeeks", found.signalAfterWeeks());
        model.addAttribute("persons", rows.rows());
        model.addAttribute("nareizigers", found.nareizigers());
        model.addAttribute("pager", list.pager(rows, path(municipalityCode)));
        model.addAttribute("filters", list.filters());
        model.addAttribute("searchText", list.text());
        model.addAttribute("searching", list.isSearching());
        model.addAttribute("signalKinds", Signal.values());
        return "casework/signals";
    }

    /** A search: the text stays in the session, the browser goes to the first page with the filters. */
    @PostMapping
    public String search(@PathVariable @Pattern(regexp = MunicipalityCodes.PATTERN) String municipalityCode,
                         @RequestParam MultiValueMap<String, String> sent, HttpServletRequest request) {
        municipalities.requireVisible(municipalityCode);
        return ListRequest.search(LIST, FILTERS, sent, request, path(municipalityCode));
    }

    private static String path(String municipalityCode) {
        return "/gemeenten/" + municipalityCode + "/signalen";
    }
}
