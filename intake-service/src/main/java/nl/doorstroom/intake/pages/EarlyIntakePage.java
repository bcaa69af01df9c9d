package nl.doorstroom.intake.pages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.MessageSource;
import org.springframework.core.convert.ConversionService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.SmartValidator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import jakarta.servlet.http.HttpServletRequest;
import nl.doorstroom.intake.earlyintake.EarlyIntake;
import nl.doorstroom.intake.earlyintake.EarlyIntakes;
import nl.doorstroom.intake.registration.PersonView;
import nl.doorstroom.intake.registration.Registrations;
import nl.doorstroom.platform.pages.PageController;
import nl.doorstroom.platform.pages.PageForms;

/**
 * Step 3 of the intake: education, work experience, language levels, wishes and availability. Dutch and English
 * levels are a grid of one choice per skill ({@code cefr.nl.LISTENING}); levels of other languages recorded through
 * the API are kept as they are, in hidden rows.
 */
@PageController
class EarlyIntakePage {

    static final List<String> GRID_LANGUAGES = List.of("nl", "en");

    private final Registrations registrations;
    private final EarlyIntakes intakes;
    private final SmartValidator validator;
    private final Choices choices;
    private final MessageSource messages;
    private final ConversionService conversions;

    EarlyIntakePage(Registrations registrations, EarlyIntakes intakes, SmartValidator validator, Choices choices,
                    MessageSource messages, @Qualifier("mvcConversionService") ConversionService conversions) {
        this.messages = messages;
        this.conversions = conversions;
        this.registrations = registrations;
        this.intakes = intakes;
        this.validator = validator;
        this.choices = choices;
    }

    @GetMapping("/personen/{personId}/intake")
    @PreAuthorize("hasRole('azc-staff')")
    String form(@PathVariable UUID personId, Model model, Locale locale) {
        PersonView person = registrations.read(personId.toString());
        EarlyIntake intake = complete(person.earlyIntake() != null ? person.earlyIntake()
                : new EarlyIntake(person.version(), null, null, null, null, null));
        Map<String, String> grid = new LinkedHashMap<>();
        intake.languageLevels().stream().filter(level -> GRID_LANGUAGES.contains(level.language()))
                .forEach(level -> grid.put(cell(level.language(), level.skill()), level.level().name()));
        model.addAttribute("form", shown(intake));
        model.addAttribute("grid", grid);
        model.addAttribute("gridErrors", Map.of());
        return form(person, model, locale);
    }

    @PostMapping("/personen/{personId}/intake")
    @PreAuthorize("hasRole('azc-staff')")
    String save(@PathVariable UUID personId, @ModelAttribute("form") EarlyIntake sent, BindingResult result,
                HttpServletRequest request, Model model, Locale locale) {
        String id = personId.toString();
        PersonView person = registrations.read(id);
        EarlyIntake form = sent != null ? sent : PageForms.readable(EarlyIntake.class, result, conversions);
        Map<String, String> grid = new LinkedHashMap<>();
        List<EarlyIntake.LanguageLevel> levels = new ArrayList<>(form.languageLevels() == null ? List.of() : form.languageLevels());
        for (String language : GRID_LANGUAGES) {
            for (EarlyIntake.CefrSkill skill : EarlyIntake.CefrSkill.values()) {
                String cell = cell(language, skill);
                String level = request.getParameter(cell);
                if (level != null && !level.isBlank()) {
                    grid.put(cell, level);
                    level(language, skill, level, cell, result).ifPresent(levels::add);
                }
            }
        }
        EarlyIntake intake = complete(new EarlyIntake(form.version(), withoutEmptyEvaluation(form.education()),
                form.workExperience(), levels, form.wishes(), form.availability()));
        validator.validate(intake, result);
        return PageForms.submit(result, model, () -> {
            intakes.record(id, PageForms.submissionKey(), intake);
            return "redirect:/personen/" + id + "/toestemming";
        }, () -> {
            PageForms.show(shown(complete(form)), result, model, conversions);
            model.addAttribute("grid", grid);
            // the grid's cells are no fields of the intake: their messages go to the cells by name
            model.addAttribute("gridErrors",
                    result.getFieldErrors().stream().filter(e -> e.getField().startsWith("cefr."))
                    .collect(Collectors.toMap(FieldError::getField, e -> messages.getMessage(e, locale), (a, b) -> a)));
            return form(person, model, locale);
        });
    }

    /** A grid cell's level; one that is no CEFR level is refused on the cell. */
    private static Optional<EarlyIntake.LanguageLevel> level(String language, EarlyIntake.CefrSkill skill,
                                                                        String level, String cell,
                                                                                BindingResult result) {
        try {
            return Optional.of(new EarlyIntake.LanguageLevel(language, skill, EarlyIntake.CefrLevel.valueOf(level)));
        } catch (IllegalArgumentException e) {
            result.addError(new FieldError(result.getObjectName(), cell, level, true, new String[]{"typeMismatch"},
                    null,
                    "typeMismatch"));
            return Optional.empty();
        }
    }

    /** A credential evaluation left empty is none. */
    private static EarlyIntake.Education withoutEmptyEvaluation(EarlyIntake.Education education) {
        if (education == null || education.credentialEvaluation() == null) {
            return education;
        }
        EarlyIntake.CredentialEvaluation evaluation = education.credentialEvaluation();
        boolean empty = evaluation.status() == null && evaluation.reference() == null && evaluation.outcome() == null;
        return empty ? new EarlyIntake.Education(education.iscedLevel(), education.dutchComparableLevel(),
                education.yearsOfSchooling(), education.countryOfEducation(), education.diplomas(), null) : education;
    }

    /** What the form may leave empty: sections without any answer are empty, not missing. */
    static EarlyIntake complete(EarlyIntake intake) {
        return new EarlyIntake(intake.version(),
                intake.education() != null ? intake.education() : new EarlyIntake.Education(null, null, null, null,
                        null, null),
                intake.workExperience() != null ? intake.workExperience() : List.of(),
                intake.languageLevels() != null ? intake.languageLevels() : List.of(),
                intake.wishes() != null ? intake.wishes() : new EarlyIntake.Wishes(null, null, null),
                intake.availability() != null ? intake.availability() : new EarlyIntake.Availability(null, null, null));
    }

    /** Empty rows to fill in: two more diplomas and jobs; the credential evaluation as a section of its own. */
    private static EarlyIntake shown(EarlyIntake intake) {
        EarlyIntake.Education education = intake.education();
        return new EarlyIntake(intake.version(),
                new EarlyIntake.Education(education.iscedLevel(), education.dutchComparableLevel(),
                        education.yearsOfSchooling(), education.countryOfEducation(),
                        Rows.withEmpty(education.diplomas(), 2, new EarlyIntake.Diploma(null, null, null, false)),
                        education.credentialEvaluation() != null ? education.credentialEvaluation()
                                : new EarlyIntake.CredentialEvaluation(null, null, null)),
                Rows.withEmpty(intake.workExperience(), 2, new EarlyIntake.WorkExperience(null, null, null, null)),
                intake.languageLevels().stream().filter(level -> !GRID_LANGUAGES.contains(level.language())).toList(),
                intake.wishes(), intake.availability());
    }

    private static String cell(String language, EarlyIntake.CefrSkill skill) {
        return "cefr." + language + "." + skill.name();
    }

    private String form(PersonView person, Model model, Locale locale) {
        model.addAttribute("person", person);
        model.addAttribute("iscedLevels", choices.iscedLevels(locale));
        model.addAttribute("dutchLevels", choices.of(EarlyIntake.DutchLevel.class, "dutch-level", locale));
        model.addAttribute("evaluationStatuses", choices.of(EarlyIntake.EvaluationStatus.class, "evaluation", locale));
        model.addAttribute("countries", choices.countries(locale));
        model.addAttribute("occupationGroups", choices.occupationGroups(locale));
        model.addAttribute("cefrLanguages", GRID_LANGUAGES);
        model.addAttribute("cefrSkills", choices.of(EarlyIntake.CefrSkill.class, "skill", locale));
        model.addAttribute("cefrLevels", choices.cefrLevels(locale));
        model.addAttribute("careDuties", choices.of(EarlyIntake.CareDuty.class, "care-duty", locale));
        return "intake/early-intake";
    }
}
