package nl.doorstroom.employer.placement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import nl.doorstroom.platform.write.FieldProblem;
import nl.doorstroom.schemas.employer.PlacementKind;
import nl.doorstroom.schemas.intake.CefrLevel;
import nl.doorstroom.schemas.intake.CefrSkill;
import nl.doorstroom.schemas.intake.IscedLevel;

class PlacementCsvTest {

    private static final String HEADER = "employerName;kind;title;iscoCode;hoursPerWeek;startDate;places;municipalityCode";
    private static final String ROW = "Bakkerij De Korenaar;WORK_EXPERIENCE_PLACE;Medewerker bakkerij;7512;24;2027-03-01;2;GM0344";

    private static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    /** Every file, and the problems reading it finds ("field code", in order); none means every row was read. */
    static Stream<Arguments> files() {
        return Stream.of(
                Arguments.of("the required columns, ;", lines(HEADER, ROW), List.of()),
                Arguments.of("the required columns, ,", lines(HEADER.replace(';', ','), ROW.replace(';', ',')), List.of()),
                Arguments.of("columns in any order and case, padded", lines(
                        " MunicipalityCode ;places;startDate;hoursPerWeek;ISCOCODE;title;kind;employerName",
                        "GM0344 ; 2;2027-03-01;24;7512;Medewerker bakkerij;work_experience_place;Bakkerij"), List.of()),
                Arguments.of("a byte-order mark and CRLF", "\uFEFF" + HEADER + "\r\n" + ROW + "\r\n", List.of()),
                Arguments.of("no line break after the last row", HEADER + "\n" + ROW, List.of()),
                Arguments.of("quoted cells hold ;, line breaks and doubled quotes", lines(HEADER + ";description",
                        ROW + ";\"Brood; banket\nen \"\"taart\"\"\""), List.of()),
                Arguments.of("an empty file", "", List.of("rows empty")),
                Arguments.of("only blank lines", "\n \n;;\n", List.of("rows empty")),
                Arguments.of("only a header", lines(HEADER), List.of("rows empty")),
                Arguments.of("an unknown column, by position", lines(HEADER + ";salaris", ROW + ";2000"),
                        List.of("header[9] unknownColumn")),
                Arguments.of("a column twice", lines(HEADER + ";title", ROW + ";Bakker"), List.of("header.title duplicateColumn")),
                Arguments.of("required columns missing", lines("employerName;kind;title;iscoCode;hoursPerWeek;places",
                        "Bakkerij;PAID_JOB;Bakker;7512;24;2"), List.of("header.startDate missingColumn",
                        "header.municipalityCode missingColumn")),
                Arguments.of("a row with a column too few and one too many", lines(HEADER, ROW, "Bakkerij;PAID_JOB", ROW + ";x"),
                        List.of("rows[3] columnCount", "rows[4] columnCount")),
                Arguments.of("a quote that is never closed", lines(HEADER, ROW, "\"Bakkerij;PAID_JOB", ROW),
                        List.of("rows[3] malformedRow")),
                Arguments.of("a quote inside a cell", lines(HEADER, ROW.replace("Medewerker", "Mede\"werker")),
                        List.of("rows[2] malformedRow")),
                Arguments.of("text after a closing quote", lines(HEADER, ROW.replace("Medewerker bakkerij", "\"Medewerker\" bakkerij")),
                        List.of("rows[2] malformedRow")),
                Arguments.of("rows counted as a spreadsheet counts them: blank rows too, a quoted line break not",
                        lines(HEADER, "", ROW.replace("Medewerker bakkerij", "\"Mede\nwerker\""), ";;;;;;;",
                                ROW.replace("24", "24 uur")),
                        List.of("rows[5].hoursPerWeek format")),
                Arguments.of("a date that does not exist", lines(HEADER, ROW.replace("2027-03-01", "31-02-2027")),
                        List.of("rows[2].startDate format")),
                Arguments.of("a date in no known form", lines(HEADER, ROW.replace("2027-03-01", "1 maart 2027")),
                        List.of("rows[2].startDate format")),
                Arguments.of("a number that is not whole", lines(HEADER, ROW.replace(";2;GM", ";1,5;GM")),
                        List.of("rows[2].places format")),
                Arguments.of("an unknown kind", lines(HEADER, ROW.replace("WORK_EXPERIENCE_PLACE", "BAAN")),
                        List.of("rows[2].kind format")),
                Arguments.of("UNKNOWN is no kind", lines(HEADER, ROW.replace("WORK_EXPERIENCE_PLACE", "UNKNOWN")),
                        List.of("rows[2].kind format")),
                Arguments.of("a CEFR level outside A1–C2", lines(HEADER + ";minimumListening;minimumWriting", ROW + ";D1;B1"),
                        List.of("rows[2].minimumListening format")),
                Arguments.of("an education level that is not ISCED", lines(HEADER + ";minimumEducation", ROW + ";MBO_4"),
                        List.of("rows[2].minimumEducation format")),
                Arguments.of("neither yes nor no", lines(HEADER + ";languageSupport", ROW + ";misschien"),
                        List.of("rows[2].languageSupport format")),
                Arguments.of("problems of several rows, in order", lines(HEADER, ROW.replace("2027-03-01", "morgen"), ROW,
                        ROW.replace(";24;", ";veel;")), List.of("rows[2].startDate format", "rows[4].hoursPerWeek format")),
                Arguments.of("1,000 rows", lines(HEADER) + lines(repeat(ROW, PlacementCsv.MAX_ROWS)), List.of()),
                Arguments.of("1,001 rows", lines(HEADER) + lines(repeat(ROW, PlacementCsv.MAX_ROWS + 1)), List.of("rows tooMany")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void readsAFileOrSaysWhatIsWrongWithIt(String what, String file, List<String> problems) {
        PlacementCsv.Read read = PlacementCsv.read(file.getBytes(StandardCharsets.UTF_8));

        List<String> found = new ArrayList<>(read.problems().stream().map(PlacementCsvTest::named).toList());
        read.rows().forEach(row -> row.problems().stream().map(PlacementCsvTest::named).forEach(found::add));
        assertThat(found).isEqualTo(problems);
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedAsAWhole() {
        byte[] latin1 = lines(HEADER, ROW.replace("Korenaar", "Korenaar café")).getBytes(StandardCharsets.ISO_8859_1);

        assertThat(PlacementCsv.read(latin1).problems()).extracting(PlacementCsvTest::named).containsExactly("body encoding");
    }

    @Test
    void everyColumnBecomesTheFieldOfTheSameNameOfTheJsonApi() {
        String file = lines(
                "employerName;kind;title;description;iscoCode;requiredSkills;preferredSkills;minimumEducation;"
                        + "minimumListening;minimumReading;minimumSpokenInteraction;minimumSpokenProduction;minimumWriting;"
                        + "languageSupport;hoursPerWeek;schedule;startDate;places;municipalityCode;neighbouringRegionCodes",
                "Bakkerij De Korenaar;LEARN_WORK_PLACE;Leerling-bakker;Brood bakken;7512;hygiënecode | deeg kneden |;"
                        + "werken in ploegen;isced_3;A2;;b1;;a1;Ja;24;ma-wo-vr 6-14 uur;1-3-2027;2;GM0344;AM14|AM12");

        PlacementCsv.Row row = PlacementCsv.read(file.getBytes(StandardCharsets.UTF_8)).rows().getFirst();

        assertThat(row.number()).isEqualTo(2);
        assertThat(row.problems()).isEmpty();
        assertThat(row.input()).isEqualTo(new PlacementInput(null, "Bakkerij De Korenaar", PlacementKind.LEARN_WORK_PLACE,
                "Leerling-bakker", "Brood bakken", "7512", List.of("hygiënecode", "deeg kneden"), List.of("werken in ploegen"),
                IscedLevel.ISCED_3, List.of(new PlacementInput.LanguageMinimum(CefrSkill.LISTENING, CefrLevel.A2),
                        new PlacementInput.LanguageMinimum(CefrSkill.SPOKEN_INTERACTION, CefrLevel.B1),
                        new PlacementInput.LanguageMinimum(CefrSkill.WRITING, CefrLevel.A1)),
                true, 24, "ma-wo-vr 6-14 uur", LocalDate.of(2027, 3, 1), 2, "GM0344", List.of("AM14", "AM12")));
        // the fields the validator and the rules name, as the cells of the file
        assertThat(row.field("startDate")).isEqualTo("rows[2].startDate");
        assertThat(row.field("requiredSkills[1].<list element>")).isEqualTo("rows[2].requiredSkills");
        assertThat(row.field("neighbouringRegionCodes[0]")).isEqualTo("rows[2].neighbouringRegionCodes");
        assertThat(row.field("minimumLanguageLevels[1].level")).isEqualTo("rows[2].minimumSpokenInteraction");
        assertThat(row.field("minimumLanguageLevels[2].skill")).isEqualTo("rows[2].minimumWriting");
    }

    @Test
    void anEmptyCellIsAFieldLeftOutAndARowOfEmptyCellsIsSkipped() {
        String file = lines(HEADER + ";description;requiredSkills;languageSupport;minimumReading", ";;;;;;;;;;;",
                ";;Bakker;;;;;;;;;");

        List<PlacementCsv.Row> rows = PlacementCsv.read(file.getBytes(StandardCharsets.UTF_8)).rows();

        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst().number()).isEqualTo(3);
        assertThat(rows.getFirst().problems()).isEmpty();
        assertThat(rows.getFirst().input()).isEqualTo(new PlacementInput(null, null, null, "Bakker", null, null, List.of(),
                List.of(), null, List.of(), null, null, null, null, null, null, List.of()));
    }

    @Test
    void theExampleInTheDocsIsReadWithoutAProblem() throws IOException {
        PlacementCsv.Read read = PlacementCsv.read(Files.readAllBytes(Path.of("../docs/placements-import-example.csv")));

        assertThat(read.problems()).isEmpty();
        assertThat(read.rows()).hasSize(4).allSatisfy(row -> assertThat(row.problems()).isEmpty());
    }

    private static String named(FieldProblem problem) {
        return problem.field() + " " + problem.code();
    }

    private static String[] repeat(String row, int times) {
        return Stream.generate(() -> row).limit(times).toArray(String[]::new);
    }
}
