package nl.doorstroom.employer.matching;

import java.util.Objects;

import nl.doorstroom.platform.reference.Municipality;

/**
 * Where a candidate lives or a placement is, on the three divisions nearness uses. A COROP area is not nested in a
 * labour-market region: Amersfoort (GM0307) is in COROP area CR17 "Utrecht" but in region AM14 "Amersfoort".
 *
 * @param municipalityCode       CBS code, {@code GMxxxx}
 * @param coropCode              CBS COROP area, {@code CRxx}
 * @param labourMarketRegionCode arbeidsmarktregio, {@code AMxx}
 */
public record Location(String municipalityCode, String coropCode, String labourMarketRegionCode) {

    public Location {
        Objects.requireNonNull(municipalityCode, "municipalityCode");
        Objects.requireNonNull(coropCode, "coropCode");
        Objects.requireNonNull(labourMarketRegionCode, "labourMarketRegionCode");
    }

    public static Location of(Municipality municipality) {
        return new Location(municipality.code(), municipality.coropCode(), municipality.regionCode());
    }
}
