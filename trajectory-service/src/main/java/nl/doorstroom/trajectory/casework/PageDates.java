package nl.doorstroom.trajectory.casework;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Optional;

/** Dates as people type them on a Dutch page (dd-mm-jjjj) or as the API writes them (jjjj-mm-dd). */
final class PageDates {

    static final DateTimeFormatter DUTCH = DateTimeFormatter.ofPattern("dd-MM-uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final List<DateTimeFormatter> ACCEPTED = List.of(DUTCH,
            DateTimeFormatter.ofPattern("d-M-uuuu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ISO_LOCAL_DATE);

    private PageDates() {
    }

    /** The date, or empty when the text is no real date in either form (31-02-2026 is none). */
    static Optional<LocalDate> parse(String text) {
        for (DateTimeFormatter format : ACCEPTED) {
            try {
                return Optional.of(LocalDate.parse(text.trim(), format));
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return Optional.empty();
    }

    static String format(LocalDate date) {
        return date == null ? "" : DUTCH.format(date);
    }
}
