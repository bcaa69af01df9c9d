package nl.doorstroom.employer.placement;

import java.util.ArrayList;
import java.util.List;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.validation.Valid;
import nl.doorstroom.employer.pages.Choices;
import nl.doorstroom.platform.pages.Option;
import nl.doorstroom.platform.pages.PageController;
import nl.doorstroom.platform.pages.PageForms;
import nl.doorstroom.platform.paging.Paging;
import nl.doorstroom.platform.reference.Municipalities;
import nl.doorstroom.platform.reference.Municipality;
import nl.doorstroom.schemas.employer.PlacementClosure;
import nl.doorstroom.schemas.employer.PlacementKind;
import nl.doorstroom.schemas.intake.CefrSkill;

/**
 * The employer's forms of a placement: posting one, changing it, closing it and opening it to other labour-market
 * regions. Each binds the same input as the API and goes through {@link Placements}, so the rules and their messages
 * are the API's; after a change the employer is back on the placement's page.
 */
@PageController
@PreAuthorize("hasRole('employer')")
@RequestMapping(PlacementPages.PATH)
class PlacementPages {

    /** The employer's placements; a placement's own page is {@code PATH/{placementId}}. */
    static final String PATH = "/werkgever/plaatsingen";
    /** Empty rows a form offers below the skills entered. */
    private static final int MORE_SKILLS = 2;
    /** A row for each language skill (listening, reading, spoken interaction, spoken production, writing). */
    private static final int LANGUAGE_ROWS = 5;

    private final Placements placements;
    private final Municipalities municipalities;
    private final Choices choices;
    private final SmartValidator validator;
    private final ConversionService conversions;

    PlacementPages(Placements placements, Municipalities municipalities, Choices choices, SmartValidator validator,
                   @Qualifier("mvcConversionService") ConversionService conversions) {
        this.placements = placements;
        this.municipalities = municipalities;
        this.choices = choices;
        this.validator = validator;
        this.conversions = conversions;
    }

    /** Which regions a placement is opened to, as the form sends them. */
    public record RegionOpening(Integer version, List<String> neighbouringRegionCodes) {
    }

    @GetMapping("/nieuw")
    String newPlacement(Model model) {
        model.addAttribute("form", shown(new PlacementInput(null, lastEmployerName(), null, null, null, null, null, null,
                null, null, false, null, null, null, null, null, null)));
        return form(null, model);
    }

    @PostMapping("/nieuw")
    String post(@ModelAttribute("form") PlacementInput sent, BindingResult result, Model model,
                RedirectAttributes redirect) {
        PlacementInput form = sent != null ? sent : PageForms.readable(PlacementInput.class, result, conversions);
        PlacementInput input = withMunicipalityCode(form);
        validator.validate(input, result);
        return PageForms.submit(result, model, () -> {
            PlacementView posted = placements.post(PageForms.submissionKey(), input);
            return saved(posted.id(), "posted", redirect);
        }, () -> {
            PageForms.show(shown(form), result, model, conversions);
            return form(null, model);
        });
    }

    @GetMapping("/{placementId}/wijzigen")
    String changeForm(@PathVariable UUID placementId, Model model) {
        PlacementView placement = placements.read(placementId.toString());
        model.addAttribute("form", shown(input(placement, placement.version(), placement.neighbouringRegionCodes())));
        return form(placement, model);
    }

    @PostMapping("/{placementId}/wijzigen")
    String change(@PathVariable UUID placementId, @ModelAttribute("form") PlacementInput sent, BindingResult result,
                  Model model, RedirectAttributes redirect) {
        String id = placementId.toString();
        PlacementView placement = placements.read(id);
        PlacementInput form = sent != null ? sent : PageForms.readable(PlacementInput.class, result, conversions);
        PlacementInput input = withMunicipalityCode(form);
        validator.validate(input, result);
        return PageForms.submit(result, model, () -> {
            placements.change(id, PageForms.submissionKey(), input);
            return saved(id, "changed", redirect);
        }, () -> {
            PageForms.show(shown(form), result, model, conversions);
            return form(placement, model);
        });
    }

    @GetMapping("/{placementId}/afsluiting")
    String closureForm(@PathVariable UUID placementId, Model model) {
        PlacementView placement = placements.read(placementId.toString());
        model.addAttribute("form", new Placements.PlacementClosing(placement.version(), null));
        return closure(placement, model);
    }

    @PostMapping("/{placementId}/afsluiting")
    String close(@PathVariable UUID placementId, @Valid @ModelAttribute("form") Placements.PlacementClosing sent,
                 BindingResult result, Model model, RedirectAttributes redirect) {
        String id = placementId.toString();
        PlacementView placement = placements.read(id);
        Placements.PlacementClosing form = sent != null ? sent
                : PageForms.readable(Placements.PlacementClosing.class, result, conversions);
        return PageForms.submit(result, model, () -> {
            placements.close(id, PageForms.submissionKey(), form);
            return saved(id, "closed", redirect);
        }, () -> {
            PageForms.show(form, result, model, conversions);
            return closure(placement, model);
        });
    }

    @GetMapping("/{placementId}/regios")
    String regionsForm(@PathVariable UUID placementId, Model model) {
        PlacementView placement = placements.read(placementId.toString());
        model.addAttribute("form", new RegionOpening(placement.version(), placement.neighbouringRegionCodes()));
        return regions(placement, model);
    }

    /** A change of the placement that keeps every term and names the regions anew. */
    @PostMapping("/{placementId}/regios")
    String open(@PathVariable UUID placementId, @ModelAttribute("form") RegionOpening sent, BindingResult result,
                Model model, RedirectAttributes redirect) {
        String id = placementId.toString();
        PlacementView placement = placements.read(id);
        RegionOpening form = sent != null ? sent : PageForms.readable(RegionOpening.class, result, conversions);
        PlacementInput input = input(placement, form.version(),
                form.neighbouringRegionCodes() == null ? List.of() : form.neighbouringRegionCodes());
        validator.validate(input, result);
        return PageForms.submit(result, model, () -> {
            placements.change(id, PageForms.submissionKey(), input);
            return saved(id, "opened", redirect);
        }, () -> {
            PageForms.show(form, result, model, conversions);
            return regions(placement, model);
        });
    }

    private String form(PlacementView placement, Model model) {
        model.addAttribute("placement", placement);
        model.addAttribute("kinds", choices.options(PlacementKind.class));
        model.addAttribute("occupationGroups", choices.occupationGroups());
        model.addAttribute("skills", choices.options(CefrSkill.class));
        model.addAttribute("cefrLevels", choices.cefrLevels());
        model.addAttribute("educationLevels", choices.iscedLevels());
        model.addAttribute("municipalities", choices.municipalities());
        model.addAttribute("yesNo", choices.yesNo());
        return "placement/form";
    }

    private String closure(PlacementView placement, Model model) {
        model.addAttribute("placement", placement);
        model.addAttribute("reasons", choices.options(PlacementClosure.class));
        return "placement/closure";
    }

    /** Every other region to choose from: those with a municipality in the province of the work first, as the nearest. */
    private String regions(PlacementView placement, Model model) {
        String province = municipalities.find(placement.municipalityCode()).map(Municipality::province).orElse(null);
        List<Option> near = new ArrayList<>();
        List<Option> further = new ArrayList<>();
        for (var region : municipalities.regions()) {
            if (region.code().equals(placement.regionCode())) {
                continue;
            }
            Option option = new Option(region.code(), choices.region(region.code()));
            boolean sameProvince = region.municipalities().stream().anyMatch(m -> m.province().equals(province));
            (sameProvince ? near : further).add(option);
        }
        model.addAttribute("placement", placement);
        model.addAttribute("province", province);
        model.addAttribute("nearRegions", near);
        model.addAttribute("furtherRegions", further);
        return "placement/regions";
    }

    private static String saved(String placementId, String what, RedirectAttributes redirect) {
        redirect.addFlashAttribute("saved", "page.saved.placement." + what);
        return "redirect:" + PATH + "/" + placementId;
    }

    /** The municipality as picked: its code, also when its name was typed without choosing from the list. */
    private PlacementInput withMunicipalityCode(PlacementInput form) {
        String typed = form.municipalityCode();
        return typed == null ? form : new PlacementInput(form.version(), form.employerName(), form.kind(), form.title(),
                form.description(), form.iscoCode(), form.requiredSkills(), form.preferredSkills(),
                form.minimumEducation(), form.minimumLanguageLevels(), form.languageSupport(), form.hoursPerWeek(),
                form.schedule(), form.startDate(), form.places(), municipalities.codeFor(typed),
                form.neighbouringRegionCodes());
    }

    /** The name the employer posted under last, so that a new posting need not ask it again. */
    private String lastEmployerName() {
        return placements.list(new Placements.PlacementFilter(null, null, null), new Paging(1, 1)).rows().stream()
                .map(PlacementView::employerName).findFirst().orElse(null);
    }

    /** The terms of a placement as a change of it would send them, based on {@code version}, opened to {@code regions}. */
    private static PlacementInput input(PlacementView placement, Integer version, List<String> regions) {
        return new PlacementInput(version, null, placement.kind(), placement.title(),
                placement.description(), placement.iscoCode(), placement.requiredSkills(), placement.preferredSkills(),
                placement.minimumEducation(), minimums(placement), placement.languageSupport(),
                placement.hoursPerWeek(), placement.schedule(), placement.startDate(), placement.places(),
                placement.municipalityCode(), regions);
    }

    private static List<PlacementInput.LanguageMinimum> minimums(PlacementView placement) {
        return placement.minimumLanguageLevels().stream()
                .map(m -> new PlacementInput.LanguageMinimum(m.skill(), m.level())).toList();
    }

    /** The form with empty rows to fill in: two more skills of each kind, and a row for every language skill. */
    private static PlacementInput shown(PlacementInput input) {
        return new PlacementInput(input.version(), input.employerName(), input.kind(), input.title(),
                input.description(), input.iscoCode(), withEmpty(input.requiredSkills(), MORE_SKILLS, null),
                withEmpty(input.preferredSkills(), MORE_SKILLS, null), input.minimumEducation(),
                padded(input.minimumLanguageLevels(), LANGUAGE_ROWS, new PlacementInput.LanguageMinimum(null, null)),
                input.languageSupport(), input.hoursPerWeek(), input.schedule(), input.startDate(), input.places(),
                input.municipalityCode(), input.neighbouringRegionCodes() == null ? List.of()
                        : input.neighbouringRegionCodes());
    }

    private static <T> List<T> withEmpty(List<T> rows, int more, T empty) {
        return padded(rows, (rows == null ? 0 : rows.size()) + more, empty);
    }

    private static <T> List<T> padded(List<T> rows, int size, T empty) {
        List<T> shown = new ArrayList<>(rows == null ? List.of() : rows);
        while (shown.size() < size) {
            shown.add(empty);
        }
        return shown;
    }
}
