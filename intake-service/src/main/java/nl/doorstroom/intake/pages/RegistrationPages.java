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

import jakarta.validation.Valid;
import nl.doorstroom.intake.registration.PersonRegistration;
import nl.doorstroom.intake.registration.PersonView;
import nl.doorstroom.intake.registration.PersonalDetailsInput;
import nl.doorstroom.intake.registration.Registrations;
import nl.doorstroom.intake.registration.Registrations.PersonalDetailsCorrection;
import nl.doorstroom.platform.pages.Option;
import nl.doorstroom.platform.pages.PageController;
import nl.doorstroom.platform.pages.PageForms;
import nl.doorstroom.platform.security.CurrentUser;

/** Step 1 of the intake: registering a person, and later correcting their personal details. */
@PageController
class RegistrationPages {

    /** The form offers this many languages spoken. */
    private static final int LANGUAGES = 3;

    private final Registrations registrations;
    private final SmartValidator validator;
    private final Choices choices;
    private final ConversionService conversions;

    RegistrationPages(Registrations registrations, SmartValidator validator, Choices choices,
                      @Qualifier("mvcConversionService") ConversionService conversions) {
        this.conversions = conversions;
        this.registrations = registrations;
        this.validator = validator;
        this.choices = choices;
    }

    @GetMapping("/personen/nieuw")
    @PreAuthorize("hasRole('azc-staff')")
    String newPerson(Model model, Locale locale) {
        model.addAttribute("form", shown(new PersonRegistration(null, null, null)));
        return registrationForm(model, locale);
    }

    /**
     * Registers at the user's own reception location, whatever the form says; then on to the household. The
     * nareiziger's section counts only when something was entered in it.
     */
    @PostMapping("/personen/nieuw")
    @PreAuthorize("hasRole('azc-staff')")
    String register(@ModelAttribute("form") PersonRegistration sent, BindingResult result, Model model, Locale locale) {
        PersonRegistration form = sent != null ? sent : PageForms.readable(PersonRegistration.class, result, conversions);
        PersonRegistration registration = new PersonRegistration(form.personalDetails(), CurrentUser.get().location(),
                entered(form.familyReunification()));
        validator.validate(registration, result);
        return PageForms.submit(result, model, () -> {
            PersonView person = registrations.register(PageForms.submissionKey(), registration);
            return "redirect:/personen/" + person.id() + "/huishouden";
        }, () -> {
            PageForms.show(shown(form), result, model, conversions);
            return registrationForm(model, locale);
        });
    }

    @GetMapping("/personen/{personId}/persoonsgegevens")
    @PreAuthorize("hasRole('azc-staff')")
    String personalDetails(@PathVariable UUID personId, Model model, Locale locale) {
        PersonView person = registrations.read(personId.toString());
        model.addAttribute("form", new PersonalDetailsCorrection(person.version(), shown(person.personalDetails())));
        return correctionForm(person, model, locale);
    }

    /** Each correction is a new version, based on the version the form was filled from. */
    @PostMapping("/personen/{personId}/persoonsgegevens")
    @PreAuthorize("hasRole('azc-staff')")
    String correct(@PathVariable UUID personId, @Valid @ModelAttribute("form") PersonalDetailsCorrection sent,
                   BindingResult result, Model model, Locale locale) {
        String id = personId.toString();
        PersonView person = registrations.read(id);
        PersonalDetailsCorrection form = sent != null ? sent
                : PageForms.readable(PersonalDetailsCorrection.class, result, conversions);
        return PageForms.submit(result, model, () -> {
            registrations.correct(id, PageForms.submissionKey(), form);
            return "redirect:/personen/" + id;
        }, () -> {
            PageForms.show(new PersonalDetailsCorrection(form.version(), shown(form.personalDetails())), result, model,
                    conversions);
            return correctionForm(person, model, locale);
        });
    }

    /** A nareiziger's section left empty is no family reunification. */
    private static PersonRegistration.FamilyReunificationInput entered(PersonRegistration.FamilyReunificationInput input) {
        return input == null || input.anchorVNumber() == null && input.relationship() == null && input.permitDate() == null
                ? null : input;
    }

    private static PersonRegistration shown(PersonRegistration registration) {
        return new PersonRegistration(shown(registration.personalDetails()), registration.receptionLocation(),
                registration.familyReunification() != null ? registration.familyReunification()
                        : new PersonRegistration.FamilyReunificationInput(null, null, null));
    }

    /** The details with a field for each language the form offers. */
    private static PersonalDetailsInput shown(PersonalDetailsInput details) {
        PersonalDetailsInput d = details != null ? details
                : new PersonalDetailsInput(null, null, null, null, null, null, null, null, null);
        return new PersonalDetailsInput(d.givenNames(), d.familyName(), d.dateOfBirth(), d.sex(), d.vNumber(), d.bsn(),
                d.countryOfOrigin(), Rows.padded(d.languagesSpoken(), LANGUAGES, null), d.literateInLatinScript());
    }

    private String registrationForm(Model model, Locale locale) {
        personalDetailsChoices(model, locale);
        model.addAttribute("relationships", choices.of(PersonRegistration.Relationship.class, "relationship", locale));
        return "intake/registration";
    }

    private String correctionForm(PersonView person, Model model, Locale locale) {
        personalDetailsChoices(model, locale);
        model.addAttribute("person", person);
        return "intake/personal-details";
    }

    private void personalDetailsChoices(Model model, Locale locale) {
        model.addAttribute("sexes", choices.of(PersonalDetailsInput.Sex.class, "sex", locale));
        model.addAttribute("countries", choices.countries(locale));
        model.addAttribute("languages", choices.languages(locale));
        model.addAttribute("yesNoUnknown", List.of(new Option("true", choices.message("value.yes", locale)),
                new Option("false", choices.message("value.no", locale)),
                new Option("", choices.message("page.unknown", locale))));
    }
}
