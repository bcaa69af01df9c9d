package nl.doorstroom.intake.pages;

import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import jakarta.validation.Valid;
import nl.doorstroom.intake.consent.ConsentDecision;
import nl.doorstroom.intake.consent.Consents;
import nl.doorstroom.intake.registration.PersonView;
import nl.doorstroom.intake.registration.Registrations;
import nl.doorstroom.platform.pages.PageController;
import nl.doorstroom.platform.pages.PageForms;

/** Step 4 of the intake: the person's consent per purpose, given or withdrawn; then the person page. */
@PageController
class ConsentPage {

    private final Registrations registrations;
    private final Consents consents;
    private final Choices choices;

    ConsentPage(Registrations registrations, Consents consents, Choices choices) {
        this.registrations = registrations;
        this.consents = consents;
        this.choices = choices;
    }

    @GetMapping("/personen/{personId}/toestemming")
    @PreAuthorize("hasRole('azc-staff')")
    String form(@PathVariable UUID personId, Model model, Locale locale) {
        PersonView person = registrations.read(personId.toString());
        ConsentDecision.Decision recorded = person.consents().stream().findFirst()
                .map(c -> ConsentDecision.Decision.valueOf(c.decision())).orElse(null);
        model.addAttribute("form", new ConsentDecision(person.version(),
                ConsentDecision.Purpose.EMPLOYER_PROFILE_SHARING,
                recorded, LocalDate.now()));
        return form(person, model, locale);
    }

    @PostMapping("/personen/{personId}/toestemming")
    @PreAuthorize("hasRole('azc-staff')")
    String save(@PathVariable UUID personId, @Valid @ModelAttribute("form") ConsentDecision form,
            BindingResult result, Model model, Locale locale) {
        String id = personId.toString();
        PersonView person = registrations.read(id);
        return PageForms.submit(result, model, () -> {
            consents.record(id, PageForms.submissionKey(), form);
            return "redirect:/personen/" + id;
        }, () -> form(person, model, locale));
    }

    private String form(PersonView person, Model model, Locale locale) {
        model.addAttribute("person", person);
        model.addAttribute("recordedConsent", person.consents().stream().findFirst().orElse(null));
        model.addAttribute("decisions", choices.of(ConsentDecision.Decision.class, "decision", locale));
        return "intake/consent";
    }
}
