package nl.doorstroom.intake.pages;

import java.time.LocalDate;

import jakarta.validation.constraints.Size;
import nl.doorstroom.intake.search.PersonSearch;
import nl.doorstroom.intake.validation.PlainText;
import nl.doorstroom.platform.paging.Paging;

/**
 * The person list's form: the search text and the filters. The page and the page size are not part of it: they come
 * from the URL and are read leniently ({@link Paging#lenient}), so an edited URL still shows a list.
 *
 * @param text the search text as posted; on a GET the one held in the session takes its place
 */
record PersonListForm(
        @Size(max = 100) @PlainText String text,
        Boolean linked,
        Boolean intakeComplete,
        Boolean nareizigerExpected,
        LocalDate linkedFrom,
        LocalDate linkedTo) {

    PersonListForm withText(String text) {
        return new PersonListForm(text, linked, intakeComplete, nareizigerExpected, linkedFrom, linkedTo);
    }

    PersonSearch search(Paging paging) {
        return new PersonSearch(text, null, linked, intakeComplete, nareizigerExpected, linkedFrom, linkedTo,
                paging.page(), paging.pageSize());
    }
}
