package nl.doorstroom.intake.search;

import java.text.Normalizer;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import nl.doorstroom.intake.record.PersonRecords;
import nl.doorstroom.intake.registration.PersonView;
import nl.doorstroom.intake.registration.PersonViews;
import nl.doorstroom.platform.audit.ProcessingActivity;
import nl.doorstroom.platform.audit.ProcessingLog;

/**
 * Finds people among those the user may see. Names are sealed, so a search opens the identities of the people at the
 * user's locations while it runs (an AZC holds hundreds, not millions); the processing log gets one entry per person
 * in the answer.
 */
@Component
public class PersonSearches {

    static final ProcessingActivity SEARCH = ProcessingActivity.of("intake-registratie");

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
    }

    public Result search(PersonSearch search) {
        Map<String, Map<String, String>> arrivals = records.allArrivals();
        String text = normalise(search.text());
        List<PersonView> matches = records.visible(record -> search.receptionLocation() == null
                        || search.receptionLocation().equals(record.receptionLocation()))
                .stream()
                .map(record -> views.of(record, arrivals.getOrDefault(record.personId(), Map.of())))
                .flatMap(Optional::stream)
                .filter(view -> search.linked() == null || search.linked() == view.status().linked())
                .filter(view -> search.intakeComplete() == null || search.intakeComplete() == view.status().intakeComplete())
                .filter(view -> search.nareizigerExpected() == null || search.nareizigerExpected() == view.status().nareizigerExpected())
                .filter(view -> text.isEmpty() || matches(view, text))
                .sorted(Comparator.comparing((PersonView v) -> normalise(v.personalDetails().familyName()))
                        .thenComparing(v -> normalise(v.personalDetails().givenNames())).thenComparing(PersonView::id))
                .toList();
        int from = Math.min(matches.size(), (search.page() - 1) * search.pageSize());
        List<PersonView> page = matches.subList(from, Math.min(matches.size(), from + search.pageSize()));
        if (!page.isEmpty()) {
            processingLog.record(SEARCH, "intake.search-persons", page.stream().map(PersonView::id).toList(), () -> page);
        }
        return new Result(page, matches.size(), search.page(), search.pageSize());
    }

    private static boolean matches(PersonView view, String text) {
        var details = view.personalDetails();
        return text.equals(details.vNumber()) || text.equals(details.bsn())
                || normalise(details.givenNames() + " " + details.familyName()).contains(text);
    }

    /** Lower case without accents, so "Celik" finds "Çelik". */
    static String normalise(String text) {
        if (text == null) {
            return "";
        }
        return Normalizer.normalize(text.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
