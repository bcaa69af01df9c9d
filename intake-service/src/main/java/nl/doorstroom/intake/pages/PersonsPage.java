package nl.doorstroom.intake.pages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.doorstroom.intake.history.RecordHistory;
import nl.doorstroom.intake.registration.Registrations;
import nl.doorstroom.intake.search.PersonSearch;
import nl.doorstroom.intake.search.PersonSearches;
import nl.doorstroom.platform.paging.ListPage;
import nl.doorstroom.platform.paging.Pager;
import nl.doorstroom.platform.paging.Paging;
import nl.doorstroom.platform.paging.SearchTexts;
import nl.doorstroom.platform.security.CurrentUser;

/**
 * The people the user may see, paged on the server with search and filters, and one person's page with the timeline of
 * their record.
 */
@Controller
class PersonsPage {

    /** The session key of this list's search text. */
    private static final String LIST = "persons";
    /** The filters; codes, dates and yes or no, so they may be in the URL. */
    private static final List<String> FILTERS = List.of("linked", "intakeComplete", "nareizigerExpected", "linkedFrom",
            "linkedTo");

    private final PersonSearches searches;
    private final Registrations registrations;
    private final RecordHistory history;
    private final FormBinding binding;
    private final FormPages pages;
    private final Choices choices;

    PersonsPage(PersonSearches searches, Registrations registrations, RecordHistory history, FormBinding binding,
                FormPages pages, Choices choices) {
        this.searches = searches;
        this.registrations = registrations;
        this.history = history;
        this.binding = binding;
        this.pages = pages;
        this.choices = choices;
    }

    @GetMapping("/")
    String home() {
        return "redirect:/personen";
    }

    /**
     * One page of the list: filters, page and page size come in the URL (no personal data); the search text is the one
     * posted earlier, held in the session.
     */
    @GetMapping("/personen")
    @PreAuthorize("hasAnyRole('azc-staff', 'coa-placement-officer')")
    String list(@RequestParam MultiValueMap<String, String> query, HttpServletRequest request, Model model, Locale locale,
                HttpServletResponse response) {
        MultiValueMap<String, String> search = filters(query);
        search.add("text", SearchTexts.recall(request, LIST));
        Paging paging = Paging.lenient(query.getFirst("page"), query.getFirst("pageSize"));
        return render(search, paging, model, locale, response);
    }

    /**
     * A search: the text is kept in the session and the browser is sent to the first page of the list with the
     * filters in the URL, so that page links, reloading and the back button never repeat the text anywhere.
     */
    @PostMapping("/personen")
    @PreAuthorize("hasAnyRole('azc-staff', 'coa-placement-officer')")
    String search(@RequestParam MultiValueMap<String, String> fields, HttpServletRequest request, Model model,
                  Locale locale, HttpServletResponse response) {
        if (fields.containsKey("clear")) {
            SearchTexts.remember(request, LIST, null);
            return "redirect:/personen";
        }
        MultiValueMap<String, String> search = filters(fields);
        search.add("text", fields.getFirst("text"));
        Paging paging = Paging.lenient("1", fields.getFirst("pageSize"));
        if (bind(search, paging, locale).hasErrors()) {
            return render(search, paging, model, locale, response);
        }
        SearchTexts.remember(request, LIST, fields.getFirst("text"));
        return "redirect:" + pager(null, search, paging).href(1);
    }

    private String render(MultiValueMap<String, String> search, Paging paging, Model model, Locale locale,
                          HttpServletResponse response) {
        FormBinding.Result<PersonSearch> bound = bind(search, paging, locale);
        model.addAttribute("form", bound.form());
        if (bound.hasErrors()) {
            FormPages.invalid(response);
        } else {
            PersonSearches.Result result = searches.search(bound.value());
            model.addAttribute("result", result);
            model.addAttribute("pager", pager(result, search, paging));
            model.addAttribute("searching", bound.value().text() != null && !bound.value().text().isBlank());
        }
        model.addAttribute("location", CurrentUser.get().location());
        List<Choices.Option> yesNo = List.of(new Choices.Option("true", ""), new Choices.Option("false", ""));
        model.addAttribute("linkedChoices", named(yesNo, "linked", locale));
        model.addAttribute("completeChoices", named(yesNo, "intake-complete", locale));
        model.addAttribute("nareizigerChoices", named(yesNo, "nareiziger-expected", locale));
        return "intake/persons";
    }

    private FormBinding.Result<PersonSearch> bind(MultiValueMap<String, String> search, Paging paging, Locale locale) {
        return binding.bind(search, PersonSearch.class, s -> s == null ? null : new PersonSearch(s.text(), null,
                s.linked(), s.intakeComplete(), s.nareizigerExpected(), s.linkedFrom(), s.linkedTo(), paging.page(),
                paging.pageSize()), locale);
    }

    /** The filters of a request, in the form's order; anything else it carries is no filter. */
    private static MultiValueMap<String, String> filters(MultiValueMap<String, String> sent) {
        MultiValueMap<String, String> filters = new LinkedMultiValueMap<>();
        FILTERS.forEach(filter -> {
            String value = sent.getFirst(filter);
            if (value != null && !value.isBlank()) {
                filters.add(filter, value.strip());
            }
        });
        return filters;
    }

    private static Pager pager(PersonSearches.Result result, MultiValueMap<String, String> search, Paging paging) {
        Map<String, String> filters = new LinkedHashMap<>();
        FILTERS.forEach(filter -> filters.put(filter, search.getFirst(filter)));
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
        model.addAttribute("names", pages.names(locale));
        return "intake/person";
    }

    private List<Choices.Option> named(List<Choices.Option> options, String filter, Locale locale) {
        return options.stream().map(o -> new Choices.Option(o.value(), choices.message("page.filter." + filter + "." + o.value(), locale)))
                .toList();
    }
}
