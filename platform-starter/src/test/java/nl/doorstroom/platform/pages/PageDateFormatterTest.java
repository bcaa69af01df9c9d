package nl.doorstroom.platform.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.ParseException;
import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PageDateFormatterTest {

    private static final PageDateFormatter DATES = new PageDateFormatter();

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "12-3-1994, 1994-03-12",
            "12-03-1994, 1994-03-12",
            "12/03/1994, 1994-03-12",
            "12/3/1994, 1994-03-12",
            "2.3.1994, 1994-03-02",
            "1994-03-12, 1994-03-12",
            "29-02-2024, 2024-02-29",
            "' 01-12-2000 ', 2000-12-01"})
    void acceptsWhatPeopleType(String typed, LocalDate expected) throws ParseException {
        assertThat(DATES.parse(typed, Locale.ROOT)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"31-02-2026", "29-02-2023", "00-01-2026", "12-13-1994", "2026-13-01", "1994-3-12", "12-03-94",
            "12-03/1994", "1994/03/12", "gisteren", "''"})
    void refusesWhatIsNoDate(String typed) {
        assertThatThrownBy(() -> DATES.parse(typed, Locale.ROOT)).isInstanceOf(ParseException.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"1994-03-12, 12-03-1994", "2026-12-01, 01-12-2026"})
    void showsDayMonthYear(LocalDate date, String shown) {
        assertThat(DATES.print(date, Locale.ROOT)).isEqualTo(shown);
    }
}
