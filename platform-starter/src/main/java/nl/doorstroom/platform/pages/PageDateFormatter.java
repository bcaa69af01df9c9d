package nl.doorstroom.platform.pages;

import java.text.ParseException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.format.Formatter;

/**
 * Dates on the pages as people type them in the Netherlands: day, month and year with {@code -}, {@code /} or
 * {@code .} and one or two digits for day and month ({@code 12-3-1994}, {@code 12/03/1994}), or as a date field or a
 * copied ISO date sends them ({@code 1994-03-12}). Shown as {@code dd-mm-jjjj}. A date that does not exist
 * ({@code 31-02-2026}) is refused, never moved to another day; the binding then reports {@code typeMismatch}.
 */
public final class PageDateFormatter implements Formatter<LocalDate> {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd-MM-uuuu");
    private static final Pattern DAY_FIRST = Pattern.compile("(\\d{1,2})([-/.])(\\d{1,2})\\2(\\d{4})");
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

    @Override
    public LocalDate parse(String text, Locale locale) throws ParseException {
        String typed = text.strip();
        Matcher dayFirst = DAY_FIRST.matcher(typed);
        if (dayFirst.matches()) {
            return date(typed, dayFirst.group(4), dayFirst.group(3), dayFirst.group(1));
        }
        Matcher iso = ISO.matcher(typed);
        if (iso.matches()) {
            return date(typed, iso.group(1), iso.group(2), iso.group(3));
        }
        throw new ParseException(text, 0);
    }

    @Override
    public String print(LocalDate date, Locale locale) {
        return SHOWN.format(date);
    }

    private static LocalDate date(String typed, String year, String month, String day) throws ParseException {
        try {
            return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
        } catch (DateTimeException e) {
            throw new ParseException(typed, 0);
        }
    }
}
