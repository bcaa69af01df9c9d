package nl.doorstroom.analytics.municipality;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import nl.doorstroom.platform.reference.Municipalities;

/**
 * The areas indicators are reported for: today's municipalities with their labour-market region and province.
 * Read-only reference data, from the platform's municipality list.
 */
@RestController
@RequestMapping("/api/v1/municipalities")
@Tag(name = "Municipalities", description = "The areas indicators are reported for")
class MunicipalityResource {

    private final Municipalities municipalities;

    MunicipalityResource(Municipalities municipalities) {
        this.municipalities = municipalities;
    }

    @GetMapping
    @Operation(summary = "List the current municipalities",
            description = "Today's municipalities ordered by CBS code, optionally only those of one labour-market "
                    + "region. A well-formed region code that does not exist gives an empty list.")
    List<MunicipalityResponse> list(
            @Parameter(description = "Only municipalities in this labour-market region: AM followed by two digits",
                    example = "AM18")
            @RequestParam(required = false) @Pattern(regexp = "AM\\d{2}") String regionCode) {
        return municipalities.all().stream()
                .filter(m -> regionCode == null || m.regionCode().equals(regionCode))
                .map(MunicipalityResponse::of)
                .toList();
    }
}
