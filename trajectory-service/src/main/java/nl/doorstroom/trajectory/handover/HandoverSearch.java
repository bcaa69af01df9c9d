package nl.doorstroom.trajectory.handover;

import java.time.LocalDate;
import java.util.function.Predicate;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import nl.doorstroom.platform.paging.Paging;
import nl.doorstroom.platform.privacy.IdentitySearch;
import nl.doorstroom.schemas.trajectory.HandoverDossier;

/**
 * A search in the municipality's inbox. A name or V-number is personal data, so the text travels in a POST body (the
 * pages keep it in the session), never in a URL; the filters alone can also be used with GET.
 *
 * @param text       part of a name, or a V-number or BSN in full; empty for everyone
 * @param linkedFrom only people whose link date (datum koppeling) is on or after this date
 * @param linkedTo   only people whose link date is on or before this date (before linkedFrom: nobody)
 * @param nareiziger only nareizigers ({@code true}) or only the others ({@code false})
 * @param page       the page, from 1; beyond the last page the answer is empty
 * @param pageSize   people per page, 1 to 100 (default 25)
 */
@Schema(name = "HandoverSearch", description = "A search in the handover inbox, with filters and paging")
public record HandoverSearch(
        @Size(max = 100) @Pattern(regexp = "[^\\p{Cntrl}<>]*") String text,
        LocalDate linkedFrom,
        LocalDate linkedTo,
        Boolean nareiziger,
        @Min(1) Integer page,
        @Min(1) @Max(Paging.MAX_PAGE_SIZE) Integer pageSize) {

    public IdentitySearch identitySearch() {
        return IdentitySearch.of(text);
    }

    public Paging paging() {
        return Paging.of(page, pageSize);
    }

    /** Whether any filter is set (the search text aside). */
    public boolean hasFilters() {
        return linkedFrom != null || linkedTo != null || nareiziger != null;
    }

    /** The filters that need nothing opened. */
    public Predicate<HandoverDossier> filter() {
        return dossier -> {
            LocalDate linkDate = dossier.getLink() == null ? null : dossier.getLink().getLinkDate();
            return (nareiziger == null || nareiziger == HandoverDossiers.isNareiziger(dossier))
                    && (linkedFrom == null || linkDate != null && !linkDate.isBefore(linkedFrom))
                    && (linkedTo == null || linkDate != null && !linkDate.isAfter(linkedTo));
        };
    }
}
