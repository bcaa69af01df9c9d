package nl.doorstroom.intake.pages;

import java.time.LocalDate;
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
import nl.doorstroom.intake.consent.ConsentDecision;
import nl.doorstroom.intake.consent.Consents;
import nl.doorstroom.intake.registration.PersonView;
import nl.doorstroom.intake.registration.Registrations;
import nl.doorstroom.platform.write.ChangeRefusedException;

/** Step 4 of the intake: the person's consent per purpose, given or withdrawn; then the person page. */
@Controller
class ConsentPage {

    private final Registrations registrations;
    private final Consents consents;
    private final FormBinding binding;
    private final FormPages pages;
    private final Choices choices;

    ConsentPage(Registrations registrations, Consents consents, FormBinding binding, FormPages pages, Choices choices) {
        this.registrations = registrations;
        this.consents = consents;
        this.binding = binding;
        this.pages = pages;
        this.choices = choices;
    }

    @GetMapping("/personen/{personId}/toestemming")
    @PreAuthorize("hasRole('azc-staff')")
    String form(@PathVariable UUID personId, Model model, Locale locale) {
        PersonView person = registrations.read(personId.toString());
        ConsentDecision.Decision recorded = person.consents().stream().findFirst()
                .map(c -> ConsentDecision.Decision.valueOf(c.decision())).orElse(null);
        return form(person, pages.newForm(FormValues.of(new ConsentDecision(person.version(),
                ConsentDecision.Purpose.EMPLOYER_PROFILE_SHARING, recorded, LocalDate.now()))), model, locale);
    }

    @PostMapping("/personen/{personId}/toestemming")
    @PreAuthorize("hasRole('azc-staff')")
    String save(@PathVariable UUID personId, @RequestParam MultiValueMap<String, String> fields, Model model, Locale locale,
                HttpServletResponse response) {
        String id = personId.toString();
        PersonView person = registrations.read(id);
        FormBinding.Result<ConsentDecision> bound = binding.bind(fields, ConsentDecision.class, c -> c, locale);
        if (bound.hasErrors()) {
            FormPages.invalid(response);
            return form(person, bound.form(), model, locale);
        }
        try {
            consents.record(id, FormPages.submissionKey(fields), bound.value());
            return "redirect:/personen/" + id;
        } catch (ChangeRefusedException refusal) {
            pages.refused(refusal, bound.form(), model, response, locale);
            return form(person, bound.form(), model, locale);
        }
    }

    private String form(PersonView person, FormState form, Model model, Locale locale) {
        model.addAttribute("person", person);
        model.addAttribute("form", form);
        model.addAttribute("recordedConsent", person.consents().stream().findFirst().orElse(null));
        model.addAttribute("decisions", choices.of(ConsentDecision.Decision.class, "decision", locale));
        return "intake/consent";
    }
}
