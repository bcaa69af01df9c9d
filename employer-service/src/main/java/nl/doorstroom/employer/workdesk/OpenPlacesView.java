package nl.doorstroom.employer.workdesk;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The open places of a labour-market region as its work desk sees them: numbers only.
 *
 * @param placements             open placements whose work is in the region
 * @param places                 the places they offer together
 * @param occupationGroups       per ISCO-08 major group, with its sub-major groups; groups without a placement left out
 * @param municipalities         per municipality of the region, by name; every one of them, also with none
 * @param openedFromOtherRegions open placements elsewhere that their employers opened to this region
 */
@Schema(name = "OpenPlaces", description = "Open places in a labour-market region, per occupation group and per "
        + "municipality of the place of work: the places of the open placements, whoever posted them")
public record OpenPlacesView(String regionCode, String regionName, int placements, int places,
                             List<MajorGroup> occupationGroups, List<MunicipalityPlaces> municipalities,
                             Tally openedFromOtherRegions) {

    /** Placements and the places they offer. */
    @Schema(name = "OpenPlacesTally")
    public record Tally(int placements, int places) {
    }

    /** An ISCO-08 major group (one digit) and its sub-major groups (two digits). */
    @Schema(name = "OpenPlacesMajorGroup")
    public record MajorGroup(String code, String name, int placements, int places, List<SubMajorGroup> subMajorGroups) {
    }

    /** An ISCO-08 sub-major group (two digits). */
    @Schema(name = "OpenPlacesSubMajorGroup")
    public record SubMajorGroup(String code, String name, int placements, int places) {
    }

    /** A municipality of the region, where the work is. */
    @Schema(name = "OpenPlacesMunicipality")
    public record MunicipalityPlaces(String municipalityCode, String municipalityName, int placements, int places) {
    }
}
