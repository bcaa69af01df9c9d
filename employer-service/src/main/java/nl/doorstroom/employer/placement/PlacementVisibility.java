package nl.doorstroom.employer.placement;

import java.util.List;

import nl.doorstroom.platform.readmodel.ReadModel;

/** Which placements a labour-market region's case workers see, and which an employer owns (from the index). */
public final class PlacementVisibility {

    private final ReadModel<String> index;

    PlacementVisibility(ReadModel<String> index) {
        this.index = index;
    }

    /** Ids of the open placements the case workers of a labour-market region see. */
    public List<String> seenInRegion(String regionCode) {
        return index.prefixScan(PlacementTopology.regionPrefix(regionCode)).stream()
                .map(entry -> PlacementTopology.placementIdOf(entry.key)).toList();
    }

    /** Ids of every placement of an employer, open or closed. */
    public List<String> ownedBy(String kvk) {
        return index.prefixScan(PlacementTopology.employerPrefix(kvk)).stream()
                .map(entry -> PlacementTopology.placementIdOf(entry.key)).toList();
    }
}
