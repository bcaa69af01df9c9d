package nl.doorstroom.employer.region;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import nl.doorstroom.platform.reference.LabourMarketRegion;

@Schema(name = "LabourMarketRegion", description = "An arbeidsmarktregio with the municipalities that form it")
record LabourMarketRegionResponse(
        @Schema(description = "Region code", example = "AM18") String code,
        @Schema(description = "Region name", example = "Groot Amsterdam") String name,
        @Schema(description = "Today's municipalities in the region, by CBS code") List<MunicipalityResponse> municipalities) {

    static LabourMarketRegionResponse of(LabourMarketRegion region) {
        return new LabourMarketRegionResponse(region.code(), region.name(),
                region.municipalities().stream().map(m -> new MunicipalityResponse(m.code(), m.name())).toList());
    }

    @Schema(name = "RegionMunicipality", description = "A municipality in a labour-market region")
    record MunicipalityResponse(
            @Schema(description = "CBS municipality code", example = "GM0363") String code,
            @Schema(description = "CBS name", example = "Amsterdam") String name) {
    }
}
