package nl.doorstroom.trajectory.moves;

import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import nl.doorstroom.platform.pages.Option;
import nl.doorstroom.platform.pages.MunicipalityPicker;
import nl.doorstroom.platform.pages.PageController;
import nl.doorstroom.platform.pages.PageForms;
import nl.doorstroom.platform.reference.Municipalities;
import nl.doorstroom.platform.reference.Municipality;
import nl.doorstroom.trajectory.handover.MunicipalityCodes;
import nl.doorstroom.trajectory.record.CaseWorkPages;

/**
 * The move form (verhuizing). The case worker no longer sees the person afterwards, so the inbox follows, saying where
 * the person went; a refusal comes back on the form.
 */
@PageController
@PreAuthorize("hasRole('case-worker')")
@RequestMapping(CaseWorkPages.PATH + "/verhuizing")
class MovePage {

    private final Moves moves;
    private final CaseWorkPages pages;
    private final Municipalities today;
    private final MunicipalityCodes municipalities;
    private final MessageSource messages;

    MovePage(Moves moves, CaseWorkPages pages, Municipalities today, MunicipalityCodes municipalities,
             MessageSource messages) {
        this.moves = moves;
        this.pages = pages;
        this.today = today;
        this.municipalities = municipalities;
        this.messages = messages;
    }

    /** A municipality typed by name means its code; the form's only text is the municipality. */
    @InitBinder("form")
    void municipalityByName(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new MunicipalityPicker(today));
    }

    @GetMapping
    String form(@PathVariable @Pattern(regexp = MunicipalityCodes.PATTERN) String municipalityCode,
                @PathVariable UUID personId, Model model) {
        int version = pages.current(municipalityCode, personId.toString()).version();
        model.addAttribute("form", new Move(version, null, null));
        return show(municipalityCode, personId.toString(), model);
    }

    @PostMapping
    String move(@PathVariable @Pattern(regexp = MunicipalityCodes.PATTERN) String municipalityCode,
                @PathVariable UUID personId, @Valid @ModelAttribute("form") Move form, BindingResult result,
                        Model model, RedirectAttributes redirect) {
        String id = personId.toString();
        return PageForms.submit(result, model, () -> {
            String name = CaseWorkPages.personName(pages.dossier(municipalityCode, id));
            Moves.RecordedMove moved = moves.move(municipalityCode, id, PageForms.submissionKey(), form);
            redirect.addFlashAttribute("movedPerson", name);
            redirect.addFlashAttribute("movedTo", municipalities.nameOf(moved.toMunicipalityCode()));
            return "redirect:/gemeenten/" + municipalityCode + "/overdrachten";
        }, () -> show(municipalityCode, id, model));
    }

    private String show(String municipalityCode, String personId, Model model) {
        model.addAttribute("municipalities", municipalityChoices());
        return pages.form("moves/form", municipalityCode, personId, model);
    }

    /** Every municipality of today's set by name, with its labour-market region; the code is what is sent. */
    private List<Option> municipalityChoices() {
        var locale = LocaleContextHolder.getLocale();
        return today.all().stream().sorted(Comparator.comparing(Municipality::name, Collator.getInstance(locale)))
                .map(m -> new Option(m.code(), messages.getMessage("page.form.move.municipality-option",
                        new Object[]{m.name(), m.regionName()}, locale)))
                .toList();
    }
}
