package nl.doorstroom.intake.pages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import nl.doorstroom.intake.earlyintake.EarlyIntake;
import nl.doorstroom.intake.earlyintake.EarlyIntakes;
import nl.doorstroom.intake.registration.PersonView;
import nl.doorstroom.intake.registration.Registrations;
import nl.doorstroom.platform.write.ChangeRefusedException;

/**
 * Step 3 of the intake: education, work experience, language levels, wishes and availability. Dutch and English
 * levels are a grid of one choice per skill ({@code cefr.nl.LISTENING}); levels of other languages recorded through
 * the API are kept as they are.
 */
@Controller
class EarlyIntakePage {

    static final List<String> GRID_LANGUAGES = List.of("nl", "en");
    private static final String LEVELS = "languageLevels";

    private final Registrations registrations;
    private final EarlyIntakes intakes;
    private final FormBinding binding;
    private final FormPages pages;
    private final Choices choices;

    EarlyIntakePage(Registrations registrations, EarlyIntakes intakes, FormBinding binding, FormPages pages, Choices choices) {
        this.registrations = registrations;
        this.intakes = intakes;
        this.binding = binding;
        this.pages = pages;
        this.choices = choices;
    }

    @GetMapping("/personen/{personId}/intake")
    @PreAuthorize("hasRole('azc-staff')")
    String form(@PathVariable UUID personId, Model model, Locale locale) {
        PersonView person = registrations.read(personId.toString());
        EarlyIntake intake = person.earlyIntake() != null ? person.earlyIntake()
                : new EarlyIntake(person.version(), null, List.of(), List.of(), null, null);
        List<EarlyIntake.LanguageLevel> others = new ArrayList<>();
        MultiValueMap<String, String> grid = new LinkedMultiValueMap<>();
        for (EarlyIntake.LanguageLevel level : intake.languageLevels()) {
            if (GRID_LANGUAGES.contains(level.language())) {
                grid.add(cell(level.language(), level.skill().name()), level.level().name());
            } else {
                others.add(level);
            }
        }
        MultiValueMap<String, String> fields = FormValues.of(new EarlyIntake(intake.version(), intake.education(),
                intake.workExperience(), others, intake.wishes(), intake.availability()));
        fields.addAll(grid);
        return form(person, pages.newForm(fields), model, locale);
    }

    @PostMapping("/personen/{personId}/intake")
    @PreAuthorize("hasRole('azc-staff')")
    String save(@PathVariable UUID personId, @RequestParam MultiValueMap<String, String> fields, Model model, Locale locale,
                HttpServletResponse response) {
        String id = personId.toString();
        PersonView person = registrations.read(id);
        MultiValueMap<String, String> submitted = new LinkedMultiValueMap<>();
        Map<String, String> cells = new LinkedHashMap<>();
        fields.forEach((name, values) -> {
            if (!name.startsWith("cefr.")) {
                submitted.put(name, values);
            }
        });
        int row = (int) submitted.keySet().stream().filter(name -> name.startsWith(LEVELS + "[") && name.endsWith("].language")).count();
        for (String language : GRID_LANGUAGES) {
            for (EarlyIntake.CefrSkill skill : EarlyIntake.CefrSkill.values()) {
                String level = fields.getFirst(cell(language, skill.name()));
                if (level != null && !level.isBlank()) {
                    String prefix = LEVELS + "[" + row++ + "]";
                    submitted.add(prefix + ".language", language);
                    submitted.add(prefix + ".skill", skill.name());
                    submitted.add(prefix + ".level", level);
                    cells.put(prefix, cell(language, skill.name()));
                }
            }
        }
        FormBinding.Result<EarlyIntake> bound = binding.bind(submitted, EarlyIntake.class, EarlyIntakePage::complete, locale);
        // the grid's rows go back into the grid, with their messages
        cells.forEach((prefix, cell) -> {
            bound.form().rename(prefix + ".level", cell);
            bound.form().rename(prefix + ".language", cell);
            bound.form().rename(prefix + ".skill", cell);
        });
        if (bound.hasErrors()) {
            FormPages.invalid(response);
            return form(person, bound.form(), model, locale);
        }
        try {
            intakes.record(id, FormPages.submissionKey(fields), bound.value());
            return "redirect:/personen/" + id + "/toestemming";
        } catch (ChangeRefusedException refusal) {
            pages.refused(refusal, bound.form(), model, response, locale);
            return form(person, bound.form(), model, locale);
        }
    }

    /** What the form may leave empty: sections without any answer are empty, not missing. */
    static EarlyIntake complete(EarlyIntake intake) {
        if (intake == null) {
            return null;
        }
        return new EarlyIntake(intake.version(),
                intake.education() != null ? intake.education() : new EarlyIntake.Education(null, null, null, null, null, null),
                intake.workExperience() != null ? intake.workExperience() : List.of(),
                intake.languageLevels() != null ? intake.languageLevels() : List.of(),
                intake.wishes() != null ? intake.wishes() : new EarlyIntake.Wishes(null, null, null),
                intake.availability() != null ? intake.availability() : new EarlyIntake.Availability(null, null, null));
    }

    private static String cell(String language, String skill) {
        return "cefr." + language + "." + skill;
    }

    private String form(PersonView person, FormState form, Model model, Locale locale) {
        model.addAttribute("person", person);
        model.addAttribute("form", form);
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
