package nl.doorstroom.intake.search;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import nl.doorstroom.intake.record.IntakeRecord;
import nl.doorstroom.intake.record.PersonRecords;
import nl.doorstroom.intake.registration.PersonView;
import nl.doorstroom.intake.registration.PersonViews;
import nl.doorstroom.platform.audit.ProcessingActivity;
import nl.doorstroom.platform.audit.ProcessingLog;
import nl.doorstroom.platform.paging.ListPage;
import nl.doorstroom.platform.privacy.IdentitySearch;
import nl.doorstroom.schemas.intake.PersonIdentity;

/**
 * Finds people among those the user may see, one page at a time. Names are sealed per person, so everything that can
 * be decided in clear comes first (location, link, link date, intake, nareiziger) and so does the order (the most
 * recently registered first); identities are opened only to match a search text against the people left, and
 * otherwise only for the rows of the page. The processing log gets one entry per person shown.
 */
@Component
public class PersonSearches {

    static final ProcessingActivity SEARCH = ProcessingActivity.of("intake-registratie");

    /** The most recently registered first; the person id keeps the order stable between pages. */
    static final Comparator<IntakeRecord> ORDER = Comparator.comparing(PersonSearches::registeredAt).reversed()
            .thenComparing(IntakeRecord::personId);

    private final PersonRecords records;
    private final PersonViews views;
    private final ProcessingLog processingLog;

    PersonSearches(PersonRecords records, PersonViews views, ProcessingLog processingLog) {
        this.records = records;
        this.views = views;
        this.processingLog = processingLog;
    }

    /** One page of results, with the total number of matches. */
    public record Result(List<PersonView> persons, int total, int page, int pageSize) {

        static Result of(ListPage<PersonView> page) {
            return new Result(page.rows(), page.total(), page.page(), page.pageSize());
        }
    }

    /** A match: the record, and its identity when the search text had to open it. */
    private record Match(IntakeRecord record, PersonIdentity identity) {
    }

    public Result search(PersonSearch search) {
        Map<String, Map<String, String>> arrivals = records.allArrivals();
        List<IntakeRecord> candidates = records.visible(record -> matchesFilters(search, record, arrivals)).stream()
                .sorted(ORDER).toList();
        IdentitySearch text = IdentitySearch.of(search.text());
        List<Match> matches = text.isEmpty() ? candidates.stream().map(record -> new Match(record, null)).toList()
                : candidates.stream().flatMap(record -> views.identityOf(record).stream()
                        .filter(text::matches).map(identity -> new Match(record, identity))).toList();
        ListPage<PersonView> page = search.paging().sliceOpened(matches, match -> view(match, arrivals));
        if (!page.rows().isEmpty()) {
            processingLog.record(SEARCH, "intake.search-persons", page.rows().stream().map(PersonView::id).toList(),
                    () -> page);
        }
        return Result.of(page);
    }

    private Optional<PersonView> view(Match match, Map<String, Map<String, String>> arrivals) {
        Map<String, String> arrived = arrivals.getOrDefault(match.record().personId(), Map.of());
        return match.identity() != null ? Optional.of(views.of(match.record(), match.identity(), arrived))
                : views.of(match.record(), arrived);
    }

    /** The filters that need nothing opened. */
    static boolean matchesFilters(PersonSearch search, IntakeRecord record, Map<String, Map<String, String>> arrivals) {
        LocalDate linkDate = record.link().map(link -> link.getLinkDate()).orElse(null);
        return (search.receptionLocation() == null || search.receptionLocation().equals(record.receptionLocation()))
                && (search.linked() == null || search.linked() == record.link().isPresent())
                && (search.intakeComplete() == null || search.intakeComplete() == record.isIntakeComplete())
                && (search.nareizigerExpected() == null || search.nareizigerExpected()
                        == PersonViews.nareizigerExpected(record, arrivals.getOrDefault(record.personId(), Map.of())))
                && (search.linkedFrom() == null || linkDate != null && !linkDate.isBefore(search.linkedFrom()))
                && (search.linkedTo() == null || linkDate != null && !linkDate.isAfter(search.linkedTo()));
    }

    private static Instant registeredAt(IntakeRecord record) {
        return record.registeredAt().orElse(Instant.EPOCH);
    }
}
