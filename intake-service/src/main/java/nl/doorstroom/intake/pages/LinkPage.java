package nl.doorstroom.intake.pages;

import java.time.LocalDate;
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
import nl.doorstroom.intake.linking.MunicipalityLink;
import nl.doorstroom.intake.linking.MunicipalityLinks;
import nl.doorstroom.intake.registration.PersonView;
import nl.doorstroom.intake.registration.Registrations;
import nl.doorstroom.platform.reference.Municipalities;
import nl.doorstroom.platform.reference.Municipality;
import nl.doorstroom.platform.write.ChangeRefusedException;

/** The COA placement officer's link (koppeling) of a person to a municipality, or a re-link before the move. */
@Controller
class LinkPage {

    private final Registrations registrations;
    private final MunicipalityLinks links;
    private final Municipalities municipalities;
    private final FormBinding binding;
    private final FormPages pages;
    private final Choices choices;

    LinkPage(Registrations registrations, MunicipalityLinks links, Municipalities municipalities, FormBinding binding,
             FormPages pages, Choices choices) {
        this.registrations = registrations;
        this.links = links;
        this.municipalities = municipalities;
        this.binding = binding;
        this.pages = pages;
        this.choices = choices;
    }

    @GetMapping("/personen/{personId}/koppeling")
    @PreAuthorize("hasRole('coa-placement-officer')")
    String form(@PathVariable UUID personId, Model model, Locale locale) {
        PersonView person = registrations.read(personId.toString());
        MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        fields.add("version", String.valueOf(person.version()));
        if (person.municipalityLink() != null) {
            fields.add("permitDate", PageDates.SHOWN.format(person.municipalityLink().permitDate()));
        }
        fields.add("linkDate", PageDates.SHOWN.format(LocalDate.now()));
        return form(person, pages.newForm(fields), model, locale);
    }

    @PostMapping("/personen/{personId}/koppeling")
    @PreAuthorize("hasRole('coa-placement-officer')")
    String link(@PathVariable UUID personId, @RequestParam MultiValueMap<String, String> fields, Model model, Locale locale,
                HttpServletResponse response) {
        String id = personId.toString();
        PersonView person = registrations.read(id);
        MultiValueMap<String, String> submitted = new LinkedMultiValueMap<>(fields);
        String municipality = fields.getFirst("municipalityCode");
        if (municipality != null) {
            submitted.set("municipalityCode", codeOf(municipality.strip()));
        }
        FormBinding.Result<MunicipalityLink> bound = binding.bind(submitted, MunicipalityLink.class, l -> l, locale);
        if (bound.hasErrors()) {
            FormPages.invalid(response);
            return form(person, bound.form(), model, locale);
        }
        try {
            links.link(id, FormPages.submissionKey(fields), bound.value());
            return "redirect:/personen/" + id;
        } catch (ChangeRefusedException refusal) {
            pages.refused(refusal, bound.form(), model, response, locale);
            return form(person, bound.form(), model, locale);
        }
    }

    /**
     * What the picker sends is the code; someone who typed the name without choosing from the list means the
     * municipality of that name. Anything else goes to validation as typed, and is refused there.
     */
    private String codeOf(String typed) {
        if (municipalities.isKnown(typed)) {
            return typed;
        }
        return municipalities.all().stream().filter(m -> m.name().equalsIgnoreCase(typed)).map(Municipality::code)
                .findFirst().orElse(typed);
    }

    private String form(PersonView person, FormState form, Model model, Locale locale) {
        model.addAttribute("person", person);
        model.addAttribute("form", form);
        model.addAttribute("municipalities", choices.municipalities(locale));
        return "intake/link";
    }
}
