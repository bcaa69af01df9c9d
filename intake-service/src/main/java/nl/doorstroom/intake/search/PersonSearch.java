package nl.doorstroom.intake.search;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import nl.doorstroom.intake.validation.PlainText;

/**
 * A search among the people the user may see. Name and V-number are personal data, so they travel in a POST body,
 * never in a URL (NL API Design Rules); the filters alone can also be used with GET.
 *
 * @param text               part of a name, or a V-number or BSN in full; empty for everyone
 * @param receptionLocation  only this location (COA placement officers see every location)
 * @param linked             only people linked ({@code true}) or not yet linked ({@code false})
 * @param intakeComplete     only people whose intake is complete or incomplete
 * @param nareizigerExpected only households that still expect a family member
 */
public record PersonSearch(
        @Size(max = 100) @PlainText String text,
        @Size(max = 40) @Pattern(regexp = "[A-Z0-9][A-Z0-9-]*") String receptionLocation,
        Boolean linked,
        Boolean intakeComplete,
        Boolean nareizigerExpected,
        @Min(1) Integer page,
        @Min(1) @Max(100) Integer pageSize) {

    public PersonSearch {
        page = page == null ? 1 : page;
        pageSize = pageSize == null ? 25 : pageSize;
    }
}
