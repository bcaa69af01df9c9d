package nl.doorstroom.employer.workdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import nl.doorstroom.employer.workdesk.OpenPlaceCounts.Counted;
import nl.doorstroom.employer.workdesk.OpenPlaceCounts.Tally;

class OpenPlaceCountsTest {

    private static final Set<String> MIDDEN_UTRECHT = Set.of("GM0344", "GM0356", "GM0321");

    @Test
    void placesAreCountedPerOccupationGroupAndPerMunicipalityOfTheWork() {
        var counts = OpenPlaceCounts.of("AM13", MIDDEN_UTRECHT, List.of(
                new Counted("GM0344", "AM13", "7411", 2),
                new Counted("GM0344", "AM13", "7412", 1),
                new Counted("GM0356", "AM13", "7522", 3),
                new Counted("GM0344", "AM13", "5120", 4),
                new Counted("GM0307", "AM14", "7411", 5)));

        assertThat(counts.total()).isEqualTo(new Tally(4, 10));
        assertThat(counts.byMajorGroup()).containsExactly(Map.entry("5", new Tally(1, 4)), Map.entry("7", new Tally(3, 6)));
        assertThat(counts.bySubMajorGroup()).containsExactly(Map.entry("51", new Tally(1, 4)),
                Map.entry("74", new Tally(2, 3)), Map.entry("75", new Tally(1, 3)));
        assertThat(OpenPlaceCounts.subMajorGroupsOf("7", counts)).containsExactly("74", "75");
        assertThat(counts.byMunicipality()).as("every municipality of the region, also one without placements")
                .containsExactly(Map.entry("GM0321", Tally.NONE), Map.entry("GM0344", new Tally(3, 7)),
                        Map.entry("GM0356", new Tally(1, 3)));
        assertThat(counts.openedFromOtherRegions()).as("work elsewhere, opened to the region").isEqualTo(new Tally(1, 5));
    }

    @Test
    void aRegionWithoutOpenPlacementsHasOnlyItsMunicipalities() {
        var counts = OpenPlaceCounts.of("AM13", MIDDEN_UTRECHT, List.of());

        assertThat(counts.total()).isEqualTo(Tally.NONE);
        assertThat(counts.byMajorGroup()).isEmpty();
        assertThat(counts.byMunicipality()).hasSize(3).allSatisfy((code, tally) -> assertThat(tally).isEqualTo(Tally.NONE));
        assertThat(counts.openedFromOtherRegions()).isEqualTo(Tally.NONE);
    }
}
