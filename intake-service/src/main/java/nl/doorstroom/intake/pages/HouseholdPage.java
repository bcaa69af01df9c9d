package nl.doorstroom.intake.pages;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;
import nl.doorstroom.intake.household.Household;
import nl.doorstroom.intake.household.Households;
import nl.doorstroom.intake.registration.PersonView;
import nl.doorstroom.intake.registration.Registrations;
import nl.doorstroom.platform.write.ChangeRefusedException;

/** Step 2 of the intake: partner, children and the nareizigers the household expects. */
@Controller
class HouseholdPage {

    private final Registrations registrations;
    private final Households households;
    private final FormBinding binding;
    private final FormPages pages;
    private final Choices choices;

    HouseholdPage(Registrations registrations, Households households, FormBinding binding, FormPages pages, Choices choices) {
        this.registrations = registrations;
        this.households = households;
        this.binding = binding;
        this.pages = pages;
        this.choices = choices;
    }

    @GetMapping("/personen/{personId}/huishouden")
    @PreAuthorize("hasRole('azc-staff')")
    String form(@PathVariable UUID personId, Model model, Locale locale) {
        PersonView person = registrations.read(personId.toString());
        Household household = person.household() != null ? person.household()
                : new Household(person.version(), null, List.of(), List.of());
        return form(person, pages.newForm(FormValues.of(household)), model, locale);
    }

    @PostMapping("/personen/{personId}/huishouden")
    @PreAuthorize("hasRole('azc-staff')")
    String save(@PathVariable UUID personId, @RequestParam MultiValueMap<String, String> fields, Model model, Locale locale,
                HttpServletResponse response) {
        String id = personId.toString();
        PersonView person = registrations.read(id);
        FormBinding.Result<Household> bound = binding.bind(fields, Household.class, h -> h == null ? null
                : new Household(h.version(), h.partner(), h.children() == null ? List.of() : h.children(),
                h.expectedFamilyMembers() == null ? List.of() : h.expectedFamilyMembers()), locale);
        if (bound.hasErrors()) {
            FormPages.invalid(response);
            return form(person, bound.form(), model, locale);
        }
        try {
            households.record(id, FormPages.submissionKey(fields), bound.value());
            return "redirect:/personen/" + id + "/intake";
        } catch (ChangeRefusedException refusal) {
            pages.refused(refusal, bound.form(), model, response, locale);
            return form(person, bound.form(), model, locale);
        }
    }

    private String form(PersonView person, FormState form, Model model, Locale locale) {
        model.addAttribute("person", person);
        model.addAttribute("form", form);
        model.addAttribute("relationships", choices.of(Household.Relationship.class, "relationship", locale));
        model.addAttribute("yesNo", List.of(new Choices.Option("true", choices.message("value.in-netherlands.true", locale)),
                new Choices.Option("false", choices.message("value.in-netherlands.false", locale))));
        model.addAttribute("partnerChoices", List.of(new Choices.Option("", choices.message("value.partner.none", locale)),
                new Choices.Option("true", choices.message("value.partner.true", locale)),
                new Choices.Option("false", choices.message("value.partner.false", locale))));
        return "intake/household";
    }
}
