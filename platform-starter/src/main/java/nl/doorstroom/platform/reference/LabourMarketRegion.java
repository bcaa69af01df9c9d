package nl.doorstroom.platform.reference;

import java.util.List;

/** An arbeidsmarktregio: the area in which employers and municipalities work together on placements. */
public record LabourMarketRegion(String code, String name, List<Municipality> municipalities) {
}
