package nl.doorstroom.employer.placement;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import nl.doorstroom.platform.pages.PageDateFormatter;
import nl.doorstroom.platform.write.FieldProblem;
import nl.doorstroom.schemas.employer.PlacementKind;
import nl.doorstroom.schemas.intake.CefrLevel;
import nl.doorstroom.schemas.intake.CefrSkill;
import nl.doorstroom.schemas.intake.IscedLevel;

/**
 * A CSV file of placements, read into the inputs a posting over the JSON API takes: one {@link PlacementInput} per
 * row, each then checked exactly as a posting is. The file is UTF-8 (a byte-order mark is allowed), its first row names
 * the columns (in any order, upper or lower case), and the header decides the separator: {@code ;} when it holds one
 * (what a Dutch spreadsheet writes), otherwise {@code ,}. Cells follow RFC 4180: a cell in double quotes may hold the
 * separator, line breaks and doubled quotes. A list inside one cell (skills, regions) is separated by {@code |}.
 * Rows are numbered as a spreadsheet shows them: the header is row 1, a blank row counts but is skipped.
 *
 * <p>A problem names the row and the column: {@code rows[3].startDate}, {@code rows[3]} for a row that cannot be read
 * at all, {@code header.kind} or {@code header[4]} (the fourth column) for the header. Pure: no web, no Kafka.
 */
public final class PlacementCsv {

    /** The most placements one file may hold; the messages {@code employer.import.problem.too-many-rows} say it too. */
    public static final int MAX_ROWS = 1000;
    /** Separates the entries of a list inside one cell. */
    public static final String LIST_SEPARATOR = "|";

    private static final Pattern WHOLE_NUMBER = Pattern.compile("[-+]?\\d{1,9}");
    private static final Pattern LINE_BREAK = Pattern.compile("\\r\\n|\\n|\\r");
    private static final PageDateFormatter DATES = new PageDateFormatter();

    private PlacementCsv() {
    }

    /** The columns, named as the JSON API names the fields; the Dutch term in the comment. */
    public enum Column {
        /** naam werkgever */
        EMPLOYER_NAME("employerName", true),
        /** soort plaatsing */
        KIND("kind", true),
        /** functietitel */
        TITLE("title", true),
        /** omschrijving */
        DESCRIPTION("description", false),
        /** beroep (ISCO-08) */
        ISCO_CODE("iscoCode", true),
        /** vereiste vaardigheden */
        REQUIRED_SKILLS("requiredSkills", false),
        /** gewenste vaardigheden */
        PREFERRED_SKILLS("preferredSkills", false),
        /** minimale opleiding */
        MINIMUM_EDUCATION("minimumEducation", false),
        /** minimumniveau Nederlands per vaardigheid (ERK): luisteren, lezen, gesprekken voeren, spreken, schrijven */
        MINIMUM_LISTENING("minimumListening", false),
        MINIMUM_READING("minimumReading", false),
        MINIMUM_SPOKEN_INTERACTION("minimumSpokenInteraction", false),
        MINIMUM_SPOKEN_PRODUCTION("minimumSpokenProduction", false),
        MINIMUM_WRITING("minimumWriting", false),
        /** taalondersteuning op de werkvloer */
        LANGUAGE_SUPPORT("languageSupport", false),
        /** uren per week */
        HOURS_PER_WEEK("hoursPerWeek", true),
        /** rooster */
        SCHEDULE("schedule", false),
        /** startdatum */
        START_DATE("startDate", true),
        /** aantal plaatsen */
        PLACES("places", true),
        /** gemeente van het werk */
        MUNICIPALITY_CODE("municipalityCode", true),
        /** opengesteld voor buurregio's */
        NEIGHBOURING_REGION_CODES("neighbouringRegionCodes", false);

        private final String header;
        private final boolean required;

        Column(String header, boolean required) {
            this.header = header;
            this.required = required;
        }

        /** The name in the header row, which is also the field's name in the JSON API and in problems. */
        public String header() {
            return header;
        }

        /** Whether the header must name it; a required field may still be left empty in a row, and is refused there. */
        public boolean required() {
            return required;
        }

        /** The CEFR skill whose minimum level this column holds, if it is one of those. */
        Optional<CefrSkill> skill() {
            return Optional.ofNullable(switch (this) {
                case MINIMUM_LISTENING -> CefrSkill.LISTENING;
                case MINIMUM_READING -> CefrSkill.READING;
                case MINIMUM_SPOKEN_INTERACTION -> CefrSkill.SPOKEN_INTERACTION;
                case MINIMUM_SPOKEN_PRODUCTION -> CefrSkill.SPOKEN_PRODUCTION;
                case MINIMUM_WRITING -> CefrSkill.WRITING;
                default -> null;
            });
        }
    }

    /**
     * A file as read.
     *
     * @param rows     every row that could be read, in the order of the file (empty when the file or its header is wrong)
     * @param problems what is wrong with the file, its header or a row as a whole; a row's cells have their own
     */
    public record Read(List<Row> rows, List<FieldProblem> problems) {
    }

    /**
     * One row: one placement.
     *
     * @param number       the row's number as a spreadsheet shows it (the header is row 1)
     * @param input        what the row says, as the JSON API would take it; a cell that could not be read is absent
     * @param problems     the cells that could not be read (a date that does not exist, a CEFR level outside A1–C2)
     * @param levelColumns the column of each entry of {@code input.minimumLanguageLevels()}, in the same order
     */
    public record Row(int number, PlacementInput input, List<FieldProblem> problems, List<Column> levelColumns) {

        /**
         * Where a field of the input came from in the file: {@code startDate} is {@code rows[3].startDate}, an entry
         * of a list in a cell ({@code requiredSkills[2]}) is that cell, and {@code minimumLanguageLevels[0].level} is
         * the column of that skill.
         */
        public String field(String inputField) {
            int end = indexOfAny(inputField, ".[");
            String top = end < 0 ? inputField : inputField.substring(0, end);
            if (top.equals("minimumLanguageLevels") && end >= 0 && inputField.charAt(end) == '[') {
                int index = Integer.parseInt(inputField.substring(end + 1, inputField.indexOf(']', end)));
                top = levelColumns.get(index).header();
            }
            return rowField(number) + "." + top;
        }
    }

    /** Reads a whole file; nothing in it is trusted. */
    public static Read read(byte[] file) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file)).toString();
        } catch (CharacterCodingException e) {
            return refused(new FieldProblem("body", "encoding", "employer.import.problem.encoding"));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Line> lines = lines(text, separatorOf(text)).stream().filter(line -> !line.isBlank()).toList();
        if (lines.size() < 2) {
            return refused(new FieldProblem("rows", "empty", "employer.import.problem.empty"));
        }
        Line header = lines.getFirst();
        List<FieldProblem> problems = new ArrayList<>();
        List<Column> columns = columns(header, problems);
        if (!problems.isEmpty()) {
            return new Read(List.of(), problems);
        }
        List<Line> body = lines.subList(1, lines.size());
        if (body.size() > MAX_ROWS) {
            return refused(new FieldProblem("rows", "tooMany", "employer.import.problem.too-many-rows"));
        }
        List<Row> rows = new ArrayList<>();
        for (Line line : body) {
            if (line.malformed()) {
                problems.add(new FieldProblem(rowField(line.number()), "malformedRow", "employer.import.problem.malformed-row"));
            } else if (line.cells().size() != columns.size()) {
                problems.add(new FieldProblem(rowField(line.number()), "columnCount", "employer.import.problem.column-count"));
            } else {
                Map<Column, String> cells = new EnumMap<>(Column.class);
                for (int i = 0; i < columns.size(); i++) {
                    cells.put(columns.get(i), line.cells().get(i).strip());
                }
                rows.add(row(line.number(), cells));
            }
        }
        return new Read(rows, problems);
    }

    /** The field of a row as a whole. */
    static String rowField(int number) {
        return "rows[" + number + "]";
    }

    private static Read refused(FieldProblem problem) {
        return new Read(List.of(), List.of(problem));
    }

    /** The header's columns, in order; unknown, repeated and missing columns go to {@code problems}. */
    private static List<Column> columns(Line header, List<FieldProblem> problems) {
        List<Column> columns = new ArrayList<>();
        Set<Column> seen = new HashSet<>();
        for (int i = 0; i < header.cells().size(); i++) {
            String name = header.cells().get(i).strip();
            Optional<Column> column = Arrays.stream(Column.values()).filter(c -> c.header().equalsIgnoreCase(name)).findFirst();
            if (column.isEmpty()) {
                // the position, never the name as sent: what a file says is not echoed
                problems.add(new FieldProblem("header[" + (i + 1) + "]", "unknownColumn", "employer.import.problem.unknown-column"));
            } else if (!seen.add(column.get())) {
                problems.add(new FieldProblem("header." + column.get().header(), "duplicateColumn",
                        "employer.import.problem.duplicate-column"));
            } else {
                columns.add(column.get());
            }
        }
        if (header.malformed()) {
            problems.add(new FieldProblem("header", "malformedRow", "employer.import.problem.malformed-row"));
        }
        for (Column column : Column.values()) {
            if (column.required() && !seen.contains(column)) {
                problems.add(new FieldProblem("header." + column.header(), "missingColumn", "employer.import.problem.missing-column"));
            }
        }
        return columns;
    }

    /** The input of one row, with a problem for every cell that does not say what its column needs. */
    private static Row row(int number, Map<Column, String> cells) {
        Cells row = new Cells(number, cells);
        List<PlacementInput.LanguageMinimum> levels = new ArrayList<>();
        List<Column> levelColumns = new ArrayList<>();
        for (Column column : Column.values()) {
            column.skill().ifPresent(skill -> row.cefrLevel(column).ifPresent(level -> {
                levels.add(new PlacementInput.LanguageMinimum(skill, level));
                levelColumns.add(column);
            }));
        }
        PlacementInput input = new PlacementInput(null,
                row.text(Column.EMPLOYER_NAME),
                row.symbol(Column.KIND, PlacementKind.class, "employer.problem.unknown-kind"),
                row.text(Column.TITLE),
                row.text(Column.DESCRIPTION),
                row.text(Column.ISCO_CODE),
                row.list(Column.REQUIRED_SKILLS),
                row.list(Column.PREFERRED_SKILLS),
                row.symbol(Column.MINIMUM_EDUCATION, IscedLevel.class, "employer.problem.unknown-education-level"),
                levels,
                row.yesOrNo(Column.LANGUAGE_SUPPORT),
                row.wholeNumber(Column.HOURS_PER_WEEK),
                row.text(Column.SCHEDULE),
                row.date(Column.START_DATE),
                row.wholeNumber(Column.PLACES),
                row.text(Column.MUNICIPALITY_CODE),
                row.list(Column.NEIGHBOURING_REGION_CODES));
        return new Row(number, input, List.copyOf(row.problems), List.copyOf(levelColumns));
    }

    /** The cells of one row, read column by column; an empty cell is absent, as a field left out of the JSON. */
    private static final class Cells {

        private final int number;
        private final Map<Column, String> cells;
        private final List<FieldProblem> problems = new ArrayList<>();

        Cells(int number, Map<Column, String> cells) {
            this.number = number;
            this.cells = cells;
        }

        String text(Column column) {
            String cell = cells.get(column);
            return cell == null || cell.isEmpty() ? null : cell;
        }

        List<String> list(Column column) {
            String cell = text(column);
            return cell == null ? List.of() : Arrays.stream(cell.split(Pattern.quote(LIST_SEPARATOR)))
                    .map(String::strip).filter(entry -> !entry.isEmpty()).toList();
        }

        /** One of the API's symbols, in any case; {@code UNKNOWN} is how a newer symbol reads, never an answer. */
        <E extends Enum<E>> E symbol(Column column, Class<E> type, String reasonKey) {
            return parsed(column, "format", reasonKey, cell -> Arrays.stream(type.getEnumConstants())
                    .filter(symbol -> !symbol.name().equals("UNKNOWN") && symbol.name().equalsIgnoreCase(cell))
                    .findFirst().orElse(null));
        }

        Optional<CefrLevel> cefrLevel(Column column) {
            return Optional.ofNullable(symbol(column, CefrLevel.class, "employer.problem.unknown-language-level"));
        }

        Integer wholeNumber(Column column) {
            return parsed(column, "format", "employer.import.problem.whole-number",
                    cell -> WHOLE_NUMBER.matcher(cell).matches() ? Integer.valueOf(cell) : null);
        }

        /** {@code 2026-03-12} as the API writes a date, or {@code 12-3-2026} as a Dutch spreadsheet saves one. */
        LocalDate date(Column column) {
            return parsed(column, "format", "employer.import.problem.date", cell -> {
                try {
                    return DATES.parse(cell, Locale.ROOT);
                } catch (ParseException e) {
                    return null;
                }
            });
        }

        /** Ja or nee (yes or no, true or false); empty is no, as in the API. */
        Boolean yesOrNo(Column column) {
            return parsed(column, "format", "employer.import.problem.yes-no", cell -> switch (cell.toLowerCase(Locale.ROOT)) {
                case "ja", "yes", "true" -> Boolean.TRUE;
                case "nee", "no", "false" -> Boolean.FALSE;
                default -> null;
            });
        }

        /** The cell read by {@code parse}, which answers {@code null} for a cell it cannot read: then a problem. */
        private <T> T parsed(Column column, String code, String reasonKey, Function<String, T> parse) {
            String cell = text(column);
            if (cell == null) {
                return null;
            }
            T value = parse.apply(cell);
            if (value == null) {
                problems.add(new FieldProblem(rowField(number) + "." + column.header(), code, reasonKey));
            }
            return value;
        }
    }

    /**
     * One record of the file.
     *
     * @param number    its row number (the first record is row 1)
     * @param cells     its cells, quotes removed
     * @param malformed whether it breaks the quoting rules (a quote inside an unquoted cell, text after a closing quote,
     *                  a quote that is never closed)
     */
    private record Line(int number, List<String> cells, boolean malformed) {

        boolean isBlank() {
            return !malformed && cells.stream().allMatch(String::isBlank);
        }
    }

    /** {@code ;} when the header (the first line that is not blank) holds one, else {@code ,}. */
    private static char separatorOf(String text) {
        return LINE_BREAK.splitAsStream(text).filter(line -> !line.isBlank()).findFirst()
                .filter(header -> header.indexOf(';') >= 0).map(header -> ';').orElse(',');
    }

    /** The records of the file, RFC 4180 with the given separator; CRLF, LF and CR each end a record. */
    private static List<Line> lines(String text, char separator) {
        List<Line> lines = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean inQuotes = false;
        boolean quoted = false;
        boolean malformed = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inQuotes) {
                if (c != '"') {
                    cell.append(c);
                } else if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else {
                    inQuotes = false;
                }
            } else if (c == separator || c == '\n' || c == '\r') {
                cells.add(cell.toString());
                cell.setLength(0);
                quoted = false;
                if (c != separator) {
                    lines.add(new Line(lines.size() + 1, List.copyOf(cells), malformed));
                    cells.clear();
                    malformed = false;
                    if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                }
            } else if (c == '"' && !quoted && cell.toString().isBlank()) {
                cell.setLength(0);
                inQuotes = true;
                quoted = true;
            } else if (quoted && !Character.isWhitespace(c) || c == '"') {
                malformed = true;
            } else if (!quoted) {
                cell.append(c);
            }
        }
        if (inQuotes || !cells.isEmpty() || !cell.isEmpty()) {
            cells.add(cell.toString());
            lines.add(new Line(lines.size() + 1, List.copyOf(cells), malformed || inQuotes));
        }
        return lines;
    }

    private static int indexOfAny(String text, String characters) {
        for (int i = 0; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
