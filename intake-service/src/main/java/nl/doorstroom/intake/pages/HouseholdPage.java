package nl.doorstroom.intake.pages;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.convert.ConversionService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.SmartValidator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import nl.doorstroom.intake.household.Household;
import nl.doorstroom.intake.household.Households;
import nl.doorstroom.intake.registration.PersonView;
import nl.doorstroom.intake.registration.Registrations;
import nl.doorstroom.platform.pages.Option;
import nl.doorstroom.platform.pages.PageController;
import nl.doorstroom.platform.pages.PageForms;

/** Step 2 of the intake: partner, children and the nareizigers the household expects. */
@PageController
class HouseholdPage {

    private final Registrations registrations;
    private final Households households;
    private final SmartValidator validator;
    private final Choices choices;
    private final ConversionService conversions;

    HouseholdPage(Registrations registrations, Households households, SmartValidator validator, Choices choices,
                  @Qualifier("mvcConversionService") ConversionService conversions) {
        this.conversions = conversions;
        this.registrations = registrations;
        this.households = households;
        this.validator = validator;
        this.choices = choices;
    }

    @GetMapping("/personen/{personId}/huishouden")
    @PreAuthorize("hasRole('azc-staff')")
    String form(@PathVariable UUID personId, Model model, Locale locale) {
        PersonView person = registrations.read(personId.toString());
        Household household = person.household() != null ? person.household()
                : new Household(person.version(), null, List.of(), List.of());
        model.addAttribute("form", shown(household));
        return form(person, model, locale);
    }

    /** A household without children or expected members has empty lists; a partner left unanswered is none. */
    @PostMapping("/personen/{personId}/huishouden")
    @PreAuthorize("hasRole('azc-staff')")
    String save(@PathVariable UUID personId, @ModelAttribute("form") Household sent, BindingResult result, Model model,
                Locale locale) {
        String id = personId.toString();
        PersonView person = registrations.read(id);
        Household form = sent != null ? sent : PageForms.readable(Household.class, result, conversions);
        Household household = new Household(form.version(),
                form.partner() == null || form.partner().inNetherlands() == null ? null : form.partner(),
                form.children() == null ? List.of() : form.children(),
                form.expectedFamilyMembers() == null ? List.of() : form.expectedFamilyMembers());
        validator.validate(household, result);
        return PageForms.submit(result, model, () -> {
            households.record(id, PageForms.submissionKey(), household);
            return "redirect:/personen/" + id + "/intake";
        }, () -> {
            PageForms.show(shown(household), result, model, conversions);
            return form(person, model, locale);
        });
    }

    /** Three empty rows for children and two for expected members to fill in. */
    private static Household shown(Household household) {
        return new Household(household.version(),
                household.partner() != null ? household.partner() : new Household.PartnerInput(null),
                Rows.withEmpty(household.children(), 3, new Household.ChildInput(null, null)),
                Rows.withEmpty(household.expectedFamilyMembers(), 2,
                        new Household.ExpectedMember(null, null, null, null, null)));
    }

    private String form(PersonView person, Model model, Locale locale) {
        model.addAttribute("person", person);
        model.addAttribute("relationships", choices.of(Household.Relationship.class, "relationship", locale));
        model.addAttribute("yesNo", List.of(new Option("true", choices.message("value.in-netherlands.true", locale)),
                new Option("false", choices.message("value.in-netherlands.false", locale))));
        model.addAttribute("partnerChoices", List.of(new Option("", choices.message("value.partner.none", locale)),
                new Option("true", choices.message("value.partner.true", locale)),
                new Option("false", choices.message("value.partner.false", locale))));
        return "intake/household";
    }
}
