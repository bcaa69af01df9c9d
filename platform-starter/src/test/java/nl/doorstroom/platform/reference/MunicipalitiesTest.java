package nl.doorstroom.platform.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;

class MunicipalitiesTest {

    private static final Municipalities SHIPPED = Municipalities.load(new ClassPathResource("reference/municipalities.csv"));

    @Test
    void shippedFileHoldsTodaysMunicipalitiesAndRegions() {
        assertThat(SHIPPED.year()).isEqualTo(2026);
        assertThat(SHIPPED.all()).hasSize(342);
        assertThat(SHIPPED.regions()).hasSize(35);
        assertThat(SHIPPED.regions()).allSatisfy(region -> {
            assertThat(region.code()).matches("AM\\d{2}");
            assertThat(region.municipalities()).isNotEmpty()
                    .allSatisfy(m -> assertThat(m.regionCode()).isEqualTo(region.code()));
        });
        assertThat(SHIPPED.regions().stream().mapToInt(r -> r.municipalities().size()).sum()).isEqualTo(342);
    }

    @Test
    void municipalityCarriesRegionAndProvince() {
        assertThat(SHIPPED.find("GM0363")).hasValue(
                new Municipality("GM0363", "Amsterdam", "AM18", "Groot Amsterdam", "Noord-Holland", "CR23", "Groot-Amsterdam"));
        assertThat(SHIPPED.region("AM18")).hasValueSatisfying(region -> {
            assertThat(region.name()).isEqualTo("Groot Amsterdam");
            assertThat(region.municipalities()).extracting(Municipality::code).contains("GM0363", "GM0362");
        });
    }

    @Test
    void quotedNameWithCommaParses() {
        assertThat(SHIPPED.find("GM0820")).hasValueSatisfying(m -> {
            assertThat(m.name()).isEqualTo("Nuenen, Gerwen en Nederwetten");
            assertThat(m.regionCode()).isEqualTo("AM28");
            assertThat(m.province()).isEqualTo("Noord-Brabant");
        });
    }

    @Test
    void mergedMunicipalityIsNotCurrent() {
        // Weesp (GM0457) merged into Amsterdam in 2022; the file keeps the old row for mapping only
        assertThat(SHIPPED.isKnown("GM0457")).isFalse();
        assertThat(SHIPPED.find("GM0457")).isEmpty();
        assertThat(SHIPPED.all()).extracting(Municipality::name).doesNotContain("Weesp");
    }

    @Test
    void unknownOrMissingCodesAreNotKnown() {
        assertThat(SHIPPED.isKnown(null)).isFalse();
        assertThat(SHIPPED.find(null)).isEmpty();
        assertThat(SHIPPED.isKnown("GM9999")).isFalse();
        assertThat(SHIPPED.region("AM99")).isEmpty();
    }

    @Test
    void replacementFileWithNewerYearTakesOver(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("municipalities.csv");
        Files.writeString(csv, """
                name,code,year,corop_code,corop,region_code,region,province_code,province
                Amsterdam,GM0363,2026,CR23,Groot-Amsterdam,AM18,Groot Amsterdam,PV27,Noord-Holland
                Weesp,GM0457,2022,CR24,Het Gooi en Vechtstreek,AM18,Groot Amsterdam,PV27,Noord-Holland
                Amsterdam,GM0363,2027,CR23,Groot-Amsterdam,AM18,Groot Amsterdam,PV27,Noord-Holland
                "Nieuwe Gemeente, Oost",GM9001,2027,CR23,Groot-Amsterdam,AM18,Groot Amsterdam,PV27,Noord-Holland
                Utrecht,GM0344,2027,CR17,Utrecht,AM21,Midden-Utrecht,PV26,Utrecht
                """, StandardCharsets.UTF_8);

        Municipalities replaced = Municipalities.load(new FileSystemResource(csv));

        assertThat(replaced.year()).isEqualTo(2027);
        assertThat(replaced.all()).extracting(Municipality::code).containsExactly("GM0344", "GM0363", "GM9001");
        assertThat(replaced.find("GM9001")).map(Municipality::name).hasValue("Nieuwe Gemeente, Oost");
        assertThat(replaced.isKnown("GM0457")).isFalse();
        assertThat(replaced.regions()).extracting(LabourMarketRegion::code).containsExactly("AM18", "AM21");
        assertThat(replaced.region("AM18")).hasValueSatisfying(region ->
                assertThat(region.municipalities()).extracting(Municipality::code).containsExactly("GM0363", "GM9001"));
    }

    @Test
    void missingFileFailsClearly(@TempDir Path dir) {
        assertThatThrownBy(() -> Municipalities.load(new FileSystemResource(dir.resolve("absent.csv"))))
                .hasMessageContaining("municipality reference list");
    }
}
