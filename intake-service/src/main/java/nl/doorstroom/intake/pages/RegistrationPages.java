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
import nl.doorstroom.intake.registration.PersonRegistration;
import nl.doorstroom.intake.registration.PersonView;
import nl.doorstroom.intake.registration.PersonalDetailsInput;
import nl.doorstroom.intake.registration.Registrations;
import nl.doorstroom.intake.registration.Registrations.PersonalDetailsCorrection;
import nl.doorstroom.platform.security.CurrentUser;
import nl.doorstroom.platform.write.ChangeRefusedException;

/** Step 1 of the intake: registering a person, and later correcting their personal details. */
@Controller
class RegistrationPages {

    private final Registrations registrations;
    private final FormBinding binding;
    private final FormPages pages;
    private final Choices choices;

    RegistrationPages(Registrations registrations, FormBinding binding, FormPages pages, Choices choices) {
        this.registrations = registrations;
        this.binding = binding;
        this.pages = pages;
        this.choices = choices;
    }

    @GetMapping("/personen/nieuw")
    @PreAuthorize("hasRole('azc-staff')")
    String newPerson(Model model, Locale locale) {
        return registrationForm(pages.newForm(new LinkedMultiValueMap<>()), model, locale);
    }

    /** Registers at the user's own reception location, whatever the form says; then on to the household. */
    @PostMapping("/personen/nieuw")
    @PreAuthorize("hasRole('azc-staff')")
    String register(@RequestParam MultiValueMap<String, String> fields, Model model, Locale locale, HttpServletResponse response) {
        MultiValueMap<String, String> submitted = new LinkedMultiValueMap<>(fields);
        submitted.remove("receptionLocation");
        FormBinding.Result<PersonRegistration> bound = binding.bind(submitted, PersonRegistration.class,
                r -> r == null ? null : new PersonRegistration(orEmpty(r.personalDetails()), CurrentUser.get().location(),
                        r.familyReunification()),
                locale);
        if (bound.hasErrors()) {
            FormPages.invalid(response);
            return registrationForm(bound.form(), model, locale);
        }
        try {
            PersonView person = registrations.register(FormPages.submissionKey(fields), bound.value());
            return "redirect:/personen/" + person.id() + "/huishouden";
        } catch (ChangeRefusedException refusal) {
            pages.refused(refusal, bound.form(), model, response, locale);
            return registrationForm(bound.form(), model, locale);
        }
    }

    @GetMapping("/personen/{personId}/persoonsgegevens")
    @PreAuthorize("hasRole('azc-staff')")
    String personalDetails(@PathVariable UUID personId, Model model, Locale locale) {
        PersonView person = registrations.read(personId.toString());
        FormState form = pages.newForm(FormValues.of(new PersonalDetailsCorrection(person.version(), person.personalDetails())));
        return correctionForm(person, form, model, locale);
    }

    /** Each correction is a new version, based on the version the form was filled from. */
    @PostMapping("/personen/{personId}/persoonsgegevens")
    @PreAuthorize("hasRole('azc-staff')")
    String correct(@PathVariable UUID personId, @RequestParam MultiValueMap<String, String> fields, Model model, Locale locale,
                   HttpServletResponse response) {
        String id = personId.toString();
        PersonView person = registrations.read(id);
        FormBinding.Result<PersonalDetailsCorrection> bound = binding.bind(fields, PersonalDetailsCorrection.class,
                c -> c == null ? null : new PersonalDetailsCorrection(c.version(), orEmpty(c.personalDetails())), locale);
        if (bound.hasErrors()) {
            FormPages.invalid(response);
            return correctionForm(person, bound.form(), model, locale);
        }
        try {
            registrations.correct(id, FormPages.submissionKey(fields), bound.value());
            return "redirect:/personen/" + id;
        } catch (ChangeRefusedException refusal) {
            pages.refused(refusal, bound.form(), model, response, locale);
            return correctionForm(person, bound.form(), model, locale);
        }
    }

    /** A form left entirely empty has personal details too: each of its required fields gets its own message. */
    private static PersonalDetailsInput orEmpty(PersonalDetailsInput details) {
        return details != null ? details : new PersonalDetailsInput(null, null, null, null, null, null, null, null, null);
    }

    private String registrationForm(FormState form, Model model, Locale locale) {
        personalDetailsChoices(model, locale);
        model.addAttribute("form", form);
        model.addAttribute("relationships", choices.of(PersonRegistration.Relationship.class, "relationship", locale));
        return "intake/registration";
    }

    private String correctionForm(PersonView person, FormState form, Model model, Locale locale) {
        personalDetailsChoices(model, locale);
        model.addAttribute("form", form);
        model.addAttribute("person", person);
        return "intake/personal-details";
    }

    private void personalDetailsChoices(Model model, Locale locale) {
        model.addAttribute("sexes", choices.of(PersonalDetailsInput.Sex.class, "sex", locale));
        model.addAttribute("countries", choices.countries(locale));
        model.addAttribute("languages", choices.languages(locale));
        model.addAttribute("yesNoUnknown", List.of(new Choices.Option("true", choices.message("value.yes", locale)),
                new Choices.Option("false", choices.message("value.no", locale)),
                new Choices.Option("", choices.message("page.unknown", locale))));
    }
}
