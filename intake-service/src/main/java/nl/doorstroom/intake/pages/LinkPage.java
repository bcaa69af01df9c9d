package nl.doorstroom.intake.pages;

import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import jakarta.validation.Valid;
import nl.doorstroom.intake.linking.MunicipalityLink;
import nl.doorstroom.intake.linking.MunicipalityLinks;
import nl.doorstroom.intake.registration.PersonView;
import nl.doorstroom.intake.registration.Registrations;
import nl.doorstroom.platform.pages.MunicipalityPicker;
import nl.doorstroom.platform.pages.PageController;
import nl.doorstroom.platform.pages.PageForms;
import nl.doorstroom.platform.reference.Municipalities;

/** The COA placement officer's link (koppeling) of a person to a municipality, or a re-link before the move. */
@PageController
class LinkPage {

    private final Registrations registrations;
    private final MunicipalityLinks links;
    private final Municipalities municipalities;
    private final Choices choices;

    LinkPage(Registrations registrations, MunicipalityLinks links, Municipalities municipalities, Choices choices) {
        this.registrations = registrations;
        this.links = links;
        this.municipalities = municipalities;
        this.choices = choices;
    }

    /** A municipality typed by name means its code; the form's only text is the municipality. */
    @InitBinder("form")
    void municipalityByName(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new MunicipalityPicker(municipalities));
    }

    @GetMapping("/personen/{personId}/koppeling")
    @PreAuthorize("hasRole('coa-placement-officer')")
    String form(@PathVariable UUID personId, Model model, Locale locale) {
        PersonView person = registrations.read(personId.toString());
        model.addAttribute("form", new MunicipalityLink(person.version(), null,
                person.municipalityLink() == null ? null : person.municipalityLink().permitDate(), LocalDate.now()));
        return form(person, model, locale);
    }

    @PostMapping("/personen/{personId}/koppeling")
    @PreAuthorize("hasRole('coa-placement-officer')")
    String link(@PathVariable UUID personId, @Valid @ModelAttribute("form") MunicipalityLink form,
            BindingResult result, Model model, Locale locale) {
        String id = personId.toString();
        PersonView person = registrations.read(id);
        return PageForms.submit(result, model, () -> {
            links.link(id, PageForms.submissionKey(), form);
            return "redirect:/personen/" + id;
        }, () -> form(person, model, locale));
    }

    private String form(PersonView person, Model model, Locale locale) {
        model.addAttribute("person", person);
        model.addAttribute("municipalities", choices.municipalities(locale));
        return "intake/link";
    }
}
