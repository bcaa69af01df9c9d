package nl.doorstroom.trajectory.signals;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import nl.doorstroom.platform.paging.Paging;
import nl.doorstroom.platform.privacy.IdentitySearch;

/**
 * A search in the signal list; the pages send the text from the session, never from a URL.
 *
 * @param text         part of a name, or a V-number or BSN in full; empty for everyone
 * @param signal       only people with this signal
 * @param arrivedFrom  only people linked or moved to the municipality on or after this date (Dutch time)
 * @param arrivedTo    only people who arrived on or before this date
 * @param nareiziger   only nareizigers ({@code true}) or only the others ({@code false})
 * @param page         the page, from 1; beyond the last page the answer is empty
 * @param pageSize     people per page, 1 to 100 (default 25)
 */
@Schema(name = "SignalSearch", description = "A search in the signal list, with filters and paging")
public record SignalSearch(
        @Size(max = 100) @Pattern(regexp = "[^\\p{Cntrl}<>]*") String text,
        Signal signal,
        LocalDate arrivedFrom,
        LocalDate arrivedTo,
        Boolean nareiziger,
        @Min(1) Integer page,
        @Min(1) @Max(Paging.MAX_PAGE_SIZE) Integer pageSize) {

    IdentitySearch identitySearch() {
        return IdentitySearch.of(text);
    }

    Paging paging() {
        return Paging.of(page, pageSize);
    }

    boolean test(SignalList.PersonSignals person, LocalDate arrivedOn) {
        return (signal == null || person.signals().contains(signal))
                && (nareiziger == null || nareiziger == person.nareiziger())
                && (arrivedFrom == null || !arrivedOn.isBefore(arrivedFrom))
                && (arrivedTo == null || !arrivedOn.isAfter(arrivedTo));
    }
}
