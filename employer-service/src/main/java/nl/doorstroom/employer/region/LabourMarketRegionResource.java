package nl.doorstroom.employer.region;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import nl.doorstroom.platform.reference.Municipalities;
import nl.doorstroom.platform.web.NotFoundException;

/**
 * The labour-market regions (arbeidsmarktregio's) employers work in: placements are visible across a whole region.
 * Read-only reference data, from the platform's municipality list.
 */
@RestController
@RequestMapping("/api/v1/labour-market-regions")
@Tag(name = "Labour-market regions", description = "The regions in which placements are shared")
class LabourMarketRegionResource {

    static final String REGION_CODE = "AM\\d{2}";

    private final Municipalities municipalities;

    LabourMarketRegionResource(Municipalities municipalities) {
        this.municipalities = municipalities;
    }

    @GetMapping
    @Operation(summary = "List the labour-market regions",
            description = "All current labour-market regions, ordered by code, each with its municipalities.")
    List<LabourMarketRegionResponse> list() {
        return municipalities.regions().stream().map(LabourMarketRegionResponse::of).toList();
    }

    @GetMapping("/{regionCode}")
    @Operation(summary = "Get one labour-market region", description = "A region with its current municipalities.")
    LabourMarketRegionResponse get(
            @Parameter(description = "Region code, AM followed by two digits", example = "AM18")
            @PathVariable @Pattern(regexp = REGION_CODE) String regionCode) {
        return municipalities.region(regionCode).map(LabourMarketRegionResponse::of)
                .orElseThrow(() -> new NotFoundException("labour-market region " + regionCode));
    }
}
