package nl.doorstroom.intake.pages;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import nl.doorstroom.intake.history.RecordHistory;
import nl.doorstroom.intake.registration.Registrations;
import nl.doorstroom.intake.search.PersonSearch;
import nl.doorstroom.intake.search.PersonSearches;
import nl.doorstroom.platform.pages.Option;
import nl.doorstroom.platform.pages.PageController;
import nl.doorstroom.platform.security.CurrentUser;

/** The people the user may see, with search and filters, and one person's page with the timeline of their record. */
@PageController
class PersonsPage {

    private static final int PAGE_SIZE = 100;

    private final PersonSearches searches;
    private final Registrations registrations;
    private final RecordHistory history;
    private final Choices choices;

    PersonsPage(PersonSearches searches, Registrations registrations, RecordHistory history, Choices choices) {
        this.searches = searches;
        this.registrations = registrations;
        this.history = history;
        this.choices = choices;
    }

    @GetMapping("/")
    String home() {
        return "redirect:/personen";
    }

    /** Filters only (no personal data, so they may be in the URL); a search by name or V-number is a POST. */
    @GetMapping("/personen")
    @PreAuthorize("hasAnyRole('azc-staff', 'coa-placement-officer')")
    String list(@Valid @ModelAttribute("form") PersonSearch form, BindingResult result, Model model, Locale locale,
                HttpServletResponse response) {
        return show(new PersonSearch(null, null, form.linked(), form.intakeComplete(), form.nareizigerExpected(), 1,
                PAGE_SIZE), result, model, locale, response);
    }

    @PostMapping("/personen")
    @PreAuthorize("hasAnyRole('azc-staff', 'coa-placement-officer')")
    String search(@Valid @ModelAttribute("form") PersonSearch form, BindingResult result, Model model, Locale locale,
                  HttpServletResponse response) {
        return show(new PersonSearch(form.text(), null, form.linked(), form.intakeComplete(), form.nareizigerExpected(),
                1, PAGE_SIZE), result, model, locale, response);
    }

    private String show(PersonSearch search, BindingResult result, Model model, Locale locale,
                          HttpServletResponse response) {
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        } else {
            model.addAttribute("result", searches.search(search));
        }
        model.addAttribute("location", CurrentUser.get().location());
        List<Option> yesNo = List.of(new Option("true", ""), new Option("false", ""));
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
        model.addAttribute("names", choices.names(locale));
        return "intake/person";
    }

    private List<Option> named(List<Option> options, String filter, Locale locale) {
        return options.stream().map(o -> new Option(o.value(),
                choices.message("page.filter." + filter + "." + o.value(), locale)))
                .toList();
    }
}
