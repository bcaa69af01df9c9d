package nl.doorstroom.intake.pages;

import java.text.ParseException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.format.Formatter;

/**
 * Dates as people type them in the Netherlands, {@code dd-mm-jjjj} (also with {@code /} or {@code .}, and one-digit
 * days and months), and as a date field or a copied ISO date sends them, {@code yyyy-mm-dd}. Shown as {@code dd-mm-jjjj}.
 * A date that does not exist (31-02-2026) is refused, not moved to another day.
 */
public final class PageDates implements Formatter<LocalDate> {

    static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd-MM-uuuu");
    private static final Pattern DUTCH = Pattern.compile("(\\d{1,2})[-/.](\\d{1,2})[-/.](\\d{4})");
    private static final Pattern ISO = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    @Override
    public LocalDate parse(String text, Locale locale) throws ParseException {
        String date = text.strip();
        try {
            Matcher dutch = DUTCH.matcher(date);
            if (dutch.matches()) {
                return LocalDate.parse("%s-%02d-%02d".formatted(dutch.group(3), Integer.parseInt(dutch.group(2)),
                        Integer.parseInt(dutch.group(1))), DateTimeFormatter.ISO_LOCAL_DATE.withResolverStyle(ResolverStyle.STRICT));
            }
            if (ISO.matcher(date).matches()) {
                return LocalDate.parse(date, DateTimeFormatter.ISO_LOCAL_DATE.withResolverStyle(ResolverStyle.STRICT));
            }
        } catch (DateTimeParseException e) {
            throw new ParseException(text, e.getErrorIndex());
        }
        throw new ParseException(text, 0);
    }

    @Override
    public String print(LocalDate date, Locale locale) {
        return SHOWN.format(date);
    }
}
