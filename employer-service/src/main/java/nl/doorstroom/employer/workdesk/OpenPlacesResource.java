package nl.doorstroom.employer.workdesk;

import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;

@RestController
@Tag(name = "Open places", description = "For the regional work desk (werkgeversservicepunt): the places open in its "
        + "labour-market region, per occupation group and per municipality; numbers only, no candidates")
class OpenPlacesResource {

    static final String REGION_CODE = "AM\\d{2}";

    private final OpenPlaces openPlaces;

    OpenPlacesResource(OpenPlaces openPlaces) {
        this.openPlaces = openPlaces;
    }

    @GetMapping(path = "/api/v1/labour-market-regions/{regionCode}/open-places", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Open places in my labour-market region",
            description = "The places of the open placements whose work is in the region, per ISCO-08 major and "
                    + "sub-major group and per municipality (every municipality of the region, also with none), and "
                    + "those of placements elsewhere opened to the region. Computed from the placements as they stand "
                    + "now. A work desk sees its own region only; another region is not found.")
    @PreAuthorize("hasRole('work-desk')")
    public OpenPlacesView openPlaces(
            @Parameter(description = "Labour-market region code, AM followed by two digits", example = "AM13")
            @PathVariable @Pattern(regexp = REGION_CODE) String regionCode) {
        return openPlaces.inRegion(regionCode);
    }
}
