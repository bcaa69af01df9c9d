package nl.doorstroom.employer.introductions;

import java.util.List;

import nl.doorstroom.platform.readmodel.ReadModel;

/** The candidates introduced to a placement, and the candidates a municipality introduced (from the index). */
public final class IntroductionIndex {

    private final ReadModel<String> index;

    IntroductionIndex(ReadModel<String> index) {
        this.index = index;
    }

    List<String> candidatesOf(String placementId) {
        return index.prefixScan(IntroductionTopology.placementPrefix(placementId)).stream().map(e -> e.value).distinct().toList();
    }

    List<String> introducedBy(String municipalityCode) {
        return index.prefixScan(IntroductionTopology.municipalityPrefix(municipalityCode)).stream().map(e -> e.value)
                .distinct().toList();
    }
}
