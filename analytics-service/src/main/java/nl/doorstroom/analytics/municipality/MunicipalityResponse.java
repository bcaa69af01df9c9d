package nl.doorstroom.analytics.municipality;

import io.swagger.v3.oas.annotations.media.Schema;
import nl.doorstroom.platform.reference.Municipality;

@Schema(name = "Municipality", description = "A current municipality with the areas indicators are reported for")
record MunicipalityResponse(
        @Schema(description = "CBS municipality code", example = "GM0363") String code,
        @Schema(description = "CBS name", example = "Amsterdam") String name,
        @Schema(description = "Labour-market region code", example = "AM18") String regionCode,
        @Schema(description = "Labour-market region name", example = "Groot Amsterdam") String regionName,
        @Schema(description = "Province name", example = "Noord-Holland") String province) {

    static MunicipalityResponse of(Municipality m) {
        return new MunicipalityResponse(m.code(), m.name(), m.regionCode(), m.regionName(), m.province());
    }
}
