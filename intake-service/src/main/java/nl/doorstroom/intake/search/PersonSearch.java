package nl.doorstroom.intake.search;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import nl.doorstroom.intake.validation.PlainText;
import nl.doorstroom.platform.paging.Paging;

/**
 * A search among the people the user may see. Name and V-number are personal data, so they travel in a POST body,
 * never in a URL (NL API Design Rules); the filters alone can also be used with GET.
 *
 * @param text               part of a name, or a V-number or BSN in full; empty for everyone
 * @param receptionLocation  only this location (COA placement officers see every location)
 * @param linked             only people linked ({@code true}) or not yet linked ({@code false})
 * @param intakeComplete     only people whose intake is complete or incomplete
 * @param nareizigerExpected only households that still expect a family member
 * @param linkedFrom         only people whose link date (datum koppeling) is on or after this date
 * @param linkedTo           only people whose link date is on or before this date (before linkedFrom: nobody)
 * @param page               the page, from 1; beyond the last page the answer is empty
 * @param pageSize           people per page, 1 to 100 (default 25)
 */
public record PersonSearch(
        @Size(max = 100) @PlainText String text,
        @Size(max = 40) @Pattern(regexp = "[A-Z0-9][A-Z0-9-]*") String receptionLocation,
        Boolean linked,
        Boolean intakeComplete,
        Boolean nareizigerExpected,
        LocalDate linkedFrom,
        LocalDate linkedTo,
        @Min(1) Integer page,
        @Min(1) @Max(Paging.MAX_PAGE_SIZE) Integer pageSize) {

    public PersonSearch {
        page = page == null ? 1 : page;
        pageSize = pageSize == null ? Paging.DEFAULT_PAGE_SIZE : pageSize;
    }

    Paging paging() {
        return new Paging(page, pageSize);
    }
}
