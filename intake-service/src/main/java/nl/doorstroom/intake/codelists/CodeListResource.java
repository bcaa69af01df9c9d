package nl.doorstroom.intake.codelists;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.doorstroom.platform.reference.CodeList;
import nl.doorstroom.platform.reference.CodeListEntry;
import nl.doorstroom.platform.reference.EducationLevel;
import nl.doorstroom.platform.reference.IscoGroup;
import nl.doorstroom.platform.reference.NamedCode;
import nl.doorstroom.platform.reference.ProficiencyLevel;
import nl.doorstroom.platform.web.NotFoundException;

/**
 * The code lists the intake validates against, for pickers in forms: what a picker offers is exactly what the
 * intake accepts. Read-only reference data with no personal data, so any signed-in user may read it.
 */
@RestController
@RequestMapping(path = "/api/v1/code-lists", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Code lists", description = "Occupations (ISCO-08), education levels (ISCED 2011), language levels "
        + "(CEFR), countries (ISO 3166-1) and languages (ISO 639-1), named in Dutch or English")
class CodeListResource {

    private final Map<String, CodeList<?>> lists;

    CodeListResource(List<CodeList<?>> lists) {
        this.lists = lists.stream().collect(Collectors.toUnmodifiableMap(CodeList::id, Function.identity()));
    }

    /** One entry: the code and its name, plus what only some lists have (absent members are left out). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Entry(
            @Schema(description = "The code to submit, e.g. SY, nl, B1, 6 or 74", example = "SY") String code,
            @Schema(description = "The name in the response's Content-Language", example = "Syrië") String name,
            @Schema(description = "Occupations: the major group of a sub-major group") String parentCode,
            @Schema(description = "Education levels: the comparable Dutch level", example = "hbo/wo bachelor") String dutchComparableLevel,
            @Schema(description = "CEFR levels: what someone at this level can do") String description) {

        static Entry of(CodeListEntry entry, Locale locale) {
            return switch (entry) {
                case NamedCode code -> new Entry(code.code(), code.name(locale), null, null, null);
                case IscoGroup group -> new Entry(group.code(), group.name(locale), group.parentCode(), null, null);
                case EducationLevel level ->
                        new Entry(level.code(), level.name(locale), null, level.dutchComparable(locale), null);
                case ProficiencyLevel level ->
                        new Entry(level.code(), level.name(locale), null, null, level.description(locale));
            };
        }
    }

    @GetMapping("/{name}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Get a code list", description = "Every entry in the list's own order (ISCO-08 major groups "
            + "each followed by their sub-major groups). Names are Dutch unless Accept-Language asks for English; "
            + "Content-Language says which. ISCO-08 unit groups (4 digits) are not listed: the intake accepts one "
            + "whose first two digits are a listed sub-major group.")
    ResponseEntity<List<Entry>> get(
            @Parameter(description = "Which list", schema = @Schema(allowableValues = {"occupations", "education-levels",
                    "cefr-levels", "countries", "languages"}))
            @PathVariable String name,
            Locale locale) {
        CodeList<?> list = lists.get(name);
        if (list == null) {
            throw new NotFoundException("code list " + name);
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_LANGUAGE, locale.getLanguage())
                .body(list.all().stream().map(entry -> Entry.of(entry, locale)).toList());
    }
}
