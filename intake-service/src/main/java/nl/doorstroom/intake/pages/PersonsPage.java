package nl.doorstroom.intake.pages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.convert.ConversionService;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import nl.doorstroom.intake.history.RecordHistory;
import nl.doorstroom.intake.registration.Registrations;
import nl.doorstroom.intake.search.PersonSearches;
import nl.doorstroom.platform.pages.Option;
import nl.doorstroom.platform.pages.PageController;
import nl.doorstroom.platform.pages.PageForms;
import nl.doorstroom.platform.paging.ListPage;
import nl.doorstroom.platform.paging.Pager;
import nl.doorstroom.platform.paging.Paging;
import nl.doorstroom.platform.paging.SearchTexts;
import nl.doorstroom.platform.security.CurrentUser;

/**
 * The people the user may see, paged on the server with search and filters, and one person's page with the timeline of
 * their record.
 */
@PageController
class PersonsPage {

    /** The session key of this list's search text. */
    private static final String LIST = "persons";
    /** The filters; codes, dates and yes or no, so they may be in the URL. */
    private static final List<String> FILTERS = List.of("linked", "intakeComplete", "nareizigerExpected", "linkedFrom",
            "linkedTo");

    private final PersonSearches searches;
    private final Registrations registrations;
    private final RecordHistory history;
    private final Choices choices;
    private final ConversionService conversions;

    PersonsPage(PersonSearches searches, Registrations registrations, RecordHistory history, Choices choices,
                @Qualifier("mvcConversionService") ConversionService conversions) {
        this.searches = searches;
        this.registrations = registrations;
        this.history = history;
        this.choices = choices;
        this.conversions = conversions;
    }

    @GetMapping("/")
    String home() {
        return "redirect:/personen";
    }

    /**
     * One page of the list: filters, page and page size come in the URL (no personal data); the search text is the one
     * posted earlier, held in the session (a text in the URL is ignored).
     */
    @GetMapping("/personen")
    @PreAuthorize("hasAnyRole('azc-staff', 'coa-placement-officer')")
    String list(@Valid @ModelAttribute("form") PersonListForm sent, BindingResult result, HttpServletRequest request,
                Model model, Locale locale, HttpServletResponse response) {
        PersonListForm form = readable(sent, result).withText(SearchTexts.recall(request, LIST));
        Paging paging = Paging.lenient(request.getParameter("page"), request.getParameter("pageSize"));
        return render(form, result, paging, request, model, locale, response);
    }

    /**
     * A search: the text is kept in the session and the browser is sent to the first page of the list with the
     * filters in the URL, so that page links, reloading and the back button never repeat the text anywhere.
     */
    @PostMapping("/personen")
    @PreAuthorize("hasAnyRole('azc-staff', 'coa-placement-officer')")
    String search(@Valid @ModelAttribute("form") PersonListForm sent, BindingResult result, HttpServletRequest request,
                  Model model, Locale locale, HttpServletResponse response) {
        if (request.getParameter("clear") != null) {
            SearchTexts.remember(request, LIST, null);
            return "redirect:/personen";
        }
        Paging paging = Paging.lenient("1", request.getParameter("pageSize"));
        if (result.hasErrors()) {
            return render(readable(sent, result), result, paging, request, model, locale, response);
        }
        SearchTexts.remember(request, LIST, sent.text());
        return "redirect:" + pager(null, request, paging).href(1);
    }

    private String render(PersonListForm form, BindingResult result, Paging paging, HttpServletRequest request,
                          Model model, Locale locale, HttpServletResponse response) {
        PageForms.show(form, result, model, conversions);
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        } else {
            PersonSearches.Result found = searches.search(form.search(paging));
            model.addAttribute("result", found);
            model.addAttribute("pager", pager(found, request, paging));
            model.addAttribute("searching", form.text() != null && !form.text().isBlank());
        }
        model.addAttribute("location", CurrentUser.get().location());
        List<Option> yesNo = List.of(new Option("true", ""), new Option("false", ""));
        model.addAttribute("linkedChoices", named(yesNo, "linked", locale));
        model.addAttribute("completeChoices", named(yesNo, "intake-complete", locale));
        model.addAttribute("nareizigerChoices", named(yesNo, "nareiziger-expected", locale));
        return "intake/persons";
    }

    /** The form as sent; one with a value that could not be converted (a date that does not exist) as far as it can. */
    private PersonListForm readable(PersonListForm sent, BindingResult result) {
        return sent != null ? sent : PageForms.readable(PersonListForm.class, result, conversions);
    }

    /** Links to other pages keep the filters as they were sent, and never the search text. */
    private static Pager pager(PersonSearches.Result result, HttpServletRequest request, Paging paging) {
        Map<String, String> filters = new LinkedHashMap<>();
        FILTERS.forEach(filter -> {
            String value = request.getParameter(filter);
            filters.put(filter, value == null || value.isBlank() ? null : value.strip());
        });
        ListPage<?> page = result == null ? new ListPage<>(List.of(), 0, paging.page(), paging.pageSize())
                : new ListPage<>(result.persons(), result.total(), result.page(), result.pageSize());
        return new Pager(page, "/personen", filters);
    }

    @GetMapping("/personen/{personId}")
    @PreAuthorize("hasAnyRole('azc-staff', 'coa-placement-officer')")
    String person(@PathVariable UUID personId, Model model, Locale locale) {
        String id = personId.toString();
        model.addAttribute("person", registrations.read(id));
        model.addAttribute("versions", history.ofVisible(id));
        model.addAttribute("names", choices.names(locale));
        return "intake/person";
    }

    private List<Option> named(List<Option> options, String filter, Locale locale) {
        return options.stream().map(o -> new Option(o.value(),
                choices.message("page.filter." + filter + "." + o.value(), locale)))
                .toList();
    }
}
