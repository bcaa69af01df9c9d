package nl.doorstroom.intake.search;

import java.time.LocalDate;

import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.springdoc.core.annotations.ParameterObject;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import nl.doorstroom.platform.paging.PageParameters;

@RestController
@Tag(name = "Search", description = "The people at my location, with filters; search by name or V-number")
public class PersonSearchResource {

    private final PersonSearches searches;

    PersonSearchResource(PersonSearches searches) {
        this.searches = searches;
    }

    @GetMapping(path = "/api/v1/persons", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "List the people I may see, one page at a time",
            description = "AZC staff see their own location's people, COA placement officers everyone; the most recently "
                    + "registered first, with the total number of matches. Filters only: to search by name or V-number "
                    + "use POST /person-searches (no personal data in URLs). A page beyond the last one is empty.")
    @PreAuthorize("hasAnyRole('azc-staff', 'coa-placement-officer')")
    public PersonSearches.Result list(
            @RequestParam(required = false) @Size(max = 40) @Pattern(regexp = "[A-Z0-9][A-Z0-9-]*") String receptionLocation,
            @RequestParam(required = false) Boolean linked,
            @RequestParam(required = false) Boolean intakeComplete,
            @RequestParam(required = false) Boolean nareizigerExpected,
            @Parameter(description = "Only people linked on or after this date (YYYY-MM-DD)")
            @RequestParam(required = false) LocalDate linkedFrom,
            @Parameter(description = "Only people linked on or before this date (YYYY-MM-DD)")
            @RequestParam(required = false) LocalDate linkedTo,
            @ParameterObject @Valid PageParameters paging) {
        return searches.search(new PersonSearch(null, receptionLocation, linked, intakeComplete, nareizigerExpected,
                linkedFrom, linkedTo, paging.page(), paging.pageSize()));
    }

    @PostMapping(path = "/api/v1/person-searches", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Search the people I may see by name, V-number or BSN, with the same filters",
            description = "A search changes nothing; POST only keeps names and numbers out of URLs and logs (NL API "
                    + "Design Rules: no personal data in URIs). The answer is not cached.")
    @PreAuthorize("hasAnyRole('azc-staff', 'coa-placement-officer')")
    public PersonSearches.Result search(@Valid @RequestBody PersonSearch search) {
        return searches.search(search);
    }
}
