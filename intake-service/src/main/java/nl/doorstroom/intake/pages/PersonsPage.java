package nl.doorstroom.intake.pages;

import java.util.List;
import java.util.Locale;
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

import jakarta.servlet.http.HttpServletResponse;
import nl.doorstroom.intake.history.RecordHistory;
import nl.doorstroom.intake.registration.Registrations;
import nl.doorstroom.intake.search.PersonSearch;
import nl.doorstroom.intake.search.PersonSearches;
import nl.doorstroom.platform.security.CurrentUser;

/** The people the user may see, with search and filters, and one person's page with the timeline of their record. */
@Controller
class PersonsPage {

    private static final int PAGE_SIZE = 100;
    private static final List<String> FILTERS = List.of("linked", "intakeComplete", "nareizigerExpected");

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

    /** Filters only (no personal data, so they may be in the URL); a search by name or V-number is a POST. */
    @GetMapping("/personen")
    @PreAuthorize("hasAnyRole('azc-staff', 'coa-placement-officer')")
    String list(@RequestParam MultiValueMap<String, String> query, Model model, Locale locale, HttpServletResponse response) {
        MultiValueMap<String, String> filters = new LinkedMultiValueMap<>();
        FILTERS.forEach(filter -> {
            if (query.containsKey(filter)) {
                filters.put(filter, query.get(filter));
            }
        });
        return search(filters, model, locale, response);
    }

    @PostMapping("/personen")
    @PreAuthorize("hasAnyRole('azc-staff', 'coa-placement-officer')")
    String search(@RequestParam MultiValueMap<String, String> fields, Model model, Locale locale, HttpServletResponse response) {
        MultiValueMap<String, String> search = new LinkedMultiValueMap<>(fields);
        search.remove("page");
        search.remove("pageSize");
        search.remove("receptionLocation");
        FormBinding.Result<PersonSearch> bound = binding.bind(search, PersonSearch.class,
                s -> s == null ? null : new PersonSearch(s.text(), null, s.linked(), s.intakeComplete(), s.nareizigerExpected(), 1, PAGE_SIZE),
                locale);
        model.addAttribute("form", bound.form());
        if (bound.hasErrors()) {
            FormPages.invalid(response);
        } else {
            model.addAttribute("result", searches.search(bound.value()));
        }
        model.addAttribute("location", CurrentUser.get().location());
        List<Choices.Option> yesNo = List.of(new Choices.Option("true", ""), new Choices.Option("false", ""));
        model.addAttribute("linkedChoices", named(yesNo, "linked", locale));
        model.addAttribute("completeChoices", named(yesNo, "intake-complete", locale));
        model.addAttribute("nareizigerChoices", named(yesNo, "nareiziger-expected", locale));
        return "intake/persons";
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
