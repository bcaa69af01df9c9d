package nl.doorstroom.employer.workdesk;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * How many places are open in a labour-market region, per ISCO-08 occupation group (major and sub-major) and per
 * municipality of the place of work: the sum of the places of the open placements, whoever posted them. Pure: no
 * web, no Kafka; only codes and numbers, never anything about a person.
 */
final class OpenPlaceCounts {

    private OpenPlaceCounts() {
    }

    /** One open placement as counted: where the work is, its occupation and its places. */
    record Counted(String municipalityCode, String regionCode, String iscoCode, int places) {
    }

    /** Placements and the places they offer. */
    record Tally(int placements, int places) {

        static final Tally NONE = new Tally(0, 0);

        Tally plus(Counted placement) {
            return new Tally(placements + 1, places + placement.places());
        }
    }

    /**
     * The counts of a region.
     *
     * @param total                   the placements whose work is in the region
     * @param byMajorGroup            per ISCO major group (first digit), only groups with a placement, by code
     * @param bySubMajorGroup         per ISCO sub-major group (first two digits), only groups with a placement, by code
     * @param byMunicipality          per municipality code of the region, every one of them (none is a tally of 0)
     * @param openedFromOtherRegions  placements in other regions that their employers opened to this one
     */
    record Counts(Tally total, Map<String, Tally> byMajorGroup, Map<String, Tally> bySubMajorGroup,
                  Map<String, Tally> byMunicipality, Tally openedFromOtherRegions) {
    }

    /**
     * @param regionCode            the region counted
     * @param regionMunicipalities  the codes of its municipalities
     * @param open                  the open placements the region sees: its own and those opened to it
     */
    static Counts of(String regionCode, Set<String> regionMunicipalities, List<Counted> open) {
        Tally total = Tally.NONE;
        Tally opened = Tally.NONE;
        Map<String, Tally> major = new TreeMap<>();
        Map<String, Tally> subMajor = new TreeMap<>();
        Map<String, Tally> municipalities = new TreeMap<>();
        regionMunicipalities.forEach(code -> municipalities.put(code, Tally.NONE));
        for (Counted placement : open) {
            if (!regionCode.equals(placement.regionCode())) {
                opened = opened.plus(placement);
                continue;
            }
            total = total.plus(placement);
            major.merge(placement.iscoCode().substring(0, 1), Tally.NONE.plus(placement), OpenPlaceCounts::sum);
            subMajor.merge(placement.iscoCode().substring(0, 2), Tally.NONE.plus(placement), OpenPlaceCounts::sum);
            municipalities.merge(placement.municipalityCode(), Tally.NONE.plus(placement), OpenPlaceCounts::sum);
        }
        return new Counts(total, major, subMajor, municipalities, opened);
    }

    /** The sub-major groups of one major group, by code. */
    static List<String> subMajorGroupsOf(String majorGroup, Counts counts) {
        return counts.bySubMajorGroup().keySet().stream().filter(code -> code.startsWith(majorGroup)).toList();
    }

    private static Tally sum(Tally a, Tally b) {
        return new Tally(a.placements() + b.placements(), a.places() + b.places());
    }
}
