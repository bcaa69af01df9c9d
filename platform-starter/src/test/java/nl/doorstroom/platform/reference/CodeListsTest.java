package nl.doorstroom.platform.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import nl.doorstroom.platform.reference.IscoGroup.Level;

class CodeListsTest {

    private static final Locale DUTCH = Locale.forLanguageTag("nl");

    @Test
    void iscoHasTenMajorAndFortyThreeSubMajorGroupsEachUnderItsMajorGroup() {
        List<IscoGroup> groups = CodeLists.occupations().all();
        assertThat(groups).filteredOn(g -> g.level() == Level.MAJOR).extracting(IscoGroup::code)
                .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "0");
        assertThat(groups).filteredOn(g -> g.level() == Level.SUB_MAJOR).hasSize(43).allSatisfy(g -> {
            assertThat(g.code()).matches("\\d{2}");
            assertThat(g.parentCode()).isEqualTo(g.code().substring(0, 1));
        });
        assertThat(groups).filteredOn(g -> g.level() == Level.MAJOR).allSatisfy(g -> assertThat(g.parentCode()).isNull());
    }

    @Test
    void listsHaveTheirFullSize() {
        assertThat(CodeLists.educationLevels().all()).extracting(EducationLevel::code)
                .containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8");
        assertThat(CodeLists.cefrLevels().all()).extracting(ProficiencyLevel::code)
                .containsExactly("A1", "A2", "B1", "B2", "C1", "C2");
        assertThat(CodeLists.countries().all()).hasSizeGreaterThanOrEqualTo(249)
                .allSatisfy(c -> assertThat(c.code()).matches("[A-Z]{2}"));
        assertThat(CodeLists.languages().all()).hasSizeGreaterThanOrEqualTo(180)
                .allSatisfy(l -> assertThat(l.code()).matches("[a-z]{2}"));
    }

    static Stream<Arguments> namesInBothLanguages() {
        return Stream.of(
                Arguments.of(CodeLists.countries(), "SY", "Syrië", "Syria"),
                Arguments.of(CodeLists.countries(), "ER", "Eritrea", "Eritrea"),
                Arguments.of(CodeLists.countries(), "NL", "Nederland", "Netherlands"),
                Arguments.of(CodeLists.languages(), "ar", "Arabisch", "Arabic"),
                Arguments.of(CodeLists.languages(), "ti", "Tigrinya", "Tigrinya"),
                Arguments.of(CodeLists.languages(), "nl", "Nederlands", "Dutch"),
                Arguments.of(CodeLists.occupations(), "22", "Specialisten op het gebied van de gezondheidszorg", "Health professionals"),
                Arguments.of(CodeLists.occupations(), "7", "Ambachtslieden", "Craft and related trades workers"),
                Arguments.of(CodeLists.educationLevels(), "6", "Bachelor of gelijkwaardig niveau", "Bachelor's or equivalent level"),
                Arguments.of(CodeLists.cefrLevels(), "B1", "Gemiddeld", "Intermediate"));
    }

    @ParameterizedTest(name = "{1}: {2} / {3}")
    @MethodSource("namesInBothLanguages")
    void namesAreDutchByDefaultAndEnglishOnRequest(CodeList<?> list, String code, String dutch, String english) {
        assertThat(list.name(code, DUTCH)).hasValue(dutch);
        assertThat(list.name(code, Locale.ENGLISH)).hasValue(english);
        assertThat(list.name(code, Locale.UK)).as("any English").hasValue(english);
        assertThat(list.name(code, Locale.GERMAN)).as("other languages fall back to Dutch").hasValue(dutch);
        assertThat(list.name(code, null)).hasValue(dutch);
    }

    @Test
    void educationLevelsCarryTheComparableDutchLevelAndCefrLevelsADescription() {
        assertThat(CodeLists.educationLevels().find("3")).hasValueSatisfying(level -> {
            assertThat(level.dutchComparable(DUTCH)).isEqualTo("havo/vwo, mbo 2–4");
            assertThat(level.name(Locale.ENGLISH)).isEqualTo("Upper secondary education");
        });
        assertThat(CodeLists.educationLevels().find("6")).map(level -> level.dutchComparable(DUTCH)).hasValue("hbo/wo bachelor");
        assertThat(CodeLists.cefrLevels().find("B1")).hasValueSatisfying(level -> {
            assertThat(level.description(DUTCH)).startsWith("Begrijpt de hoofdpunten");
            assertThat(level.description(Locale.ENGLISH)).startsWith("Understands the main points");
        });
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "SY, true", "NL, true", "sy, false", "SYR, false", "XX, false", "'', false"})
    void countryCodesAreKnownOnlyAsAlpha2InCapitals(String code, boolean known) {
        assertThat(CodeLists.countries().isKnown(code)).isEqualTo(known);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "nl, true", "ti, true", "NL, false", "nld, false", "xx, false",
            // withdrawn ISO 639-1 codes the JDK still lists, replaced by he, id and yi
            "iw, false", "in, false", "ji, false", "he, true", "id, true", "yi, true"})
    void languageCodesAreKnownOnlyAsCurrentIso6391InLowerCase(String code, boolean known) {
        assertThat(CodeLists.languages().isKnown(code)).isEqualTo(known);
    }

    @Test
    void unknownOrMissingCodesHaveNoEntryAndNoName() {
        assertThat(CodeLists.countries().isKnown(null)).isFalse();
        assertThat(CodeLists.countries().find(null)).isEmpty();
        assertThat(CodeLists.countries().name("XX", DUTCH)).isEmpty();
        assertThat(CodeLists.cefrLevels().isKnown("A0")).as("A0 is informal, not CEFR").isFalse();
        assertThat(CodeLists.educationLevels().isKnown("9")).isFalse();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "7411, true", "2211, true", "0110, true", "9629, true",
            "1011, false", "0411, false", "741, false", "74111, false", "74A1, false", "'', false", "' 7411', false"})
    void aUnitGroupIsFourDigitsUnderAKnownSubMajorGroup(String code, boolean known) {
        assertThat(CodeLists.occupations().isKnownUnitGroup(code)).isEqualTo(known);
    }

    @Test
    void iscoCodesLeadToTheirMajorAndSubMajorGroup() {
        IscoCodeList isco = CodeLists.occupations();
        assertThat(isco.majorGroupOf("7411")).map(IscoGroup::code).hasValue("7");
        assertThat(isco.subMajorGroupOf("7411")).map(IscoGroup::nameEn).hasValue("Electrical and electronic trades workers");
        assertThat(isco.majorGroupOf("0310")).map(g -> g.name(Locale.ENGLISH)).hasValue("Armed forces occupations");
        assertThat(isco.majorGroupOf("22")).map(IscoGroup::code).hasValue("2");
        assertThat(isco.majorGroupOf("2")).map(IscoGroup::code).hasValue("2");
        assertThat(isco.subMajorGroupOf("2")).isEmpty();
        assertThat(isco.subMajorGroupOf("1011")).isEmpty();
        assertThat(isco.majorGroupOf("x")).isEmpty();
        assertThat(isco.majorGroupOf(null)).isEmpty();
        assertThat(isco.isKnownUnitGroup(null)).isFalse();
    }

    @Test
    void listsKeepTheFileOrderAndCannotBeChanged() {
        assertThat(CodeLists.occupations().all()).extracting(IscoGroup::code).startsWith("1", "11", "12", "13", "14", "2");
        assertThat(CodeLists.countries().all().getFirst().code()).isEqualTo("AD");
        assertThatThrownBy(() -> CodeLists.countries().all().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void listIdsAreTheApiNames() {
        assertThat(Stream.of(CodeLists.occupations(), CodeLists.educationLevels(), CodeLists.cefrLevels(),
                CodeLists.countries(), CodeLists.languages()).map(CodeList::id))
                .containsExactly("occupations", "education-levels", "cefr-levels", "countries", "languages");
    }

    @Test
    void aBrokenListFailsClearly() {
        assertThatThrownBy(() -> CodeList.read("absent.csv", NamedCode::fromRow))
                .hasMessageContaining("reference/absent.csv");
        assertThatThrownBy(() -> new CodeList<>("countries", List.of(
                new NamedCode("SY", "Syrië", "Syria"), new NamedCode("SY", "Syrië", "Syria"))))
                .hasMessageContaining("SY twice");
        assertThatThrownBy(() -> new CodeList<>("countries", List.of(new NamedCode("SY", "", "Syria"))))
                .hasMessageContaining("without code or name");
        assertThatThrownBy(() -> IscoGroup.fromRow(Map.of("code", "1", "level", "unit", "parent", "",
                "name_nl", "x", "name_en", "x"))).hasMessageContaining("unknown level unit");
    }
}
