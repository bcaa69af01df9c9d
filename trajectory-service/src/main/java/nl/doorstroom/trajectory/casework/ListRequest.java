package nl.doorstroom.trajectory.casework;

import java.text.ParseException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.util.MultiValueMap;

import jakarta.servlet.http.HttpServletRequest;
import nl.doorstroom.platform.pages.PageDateFormatter;
import nl.doorstroom.platform.paging.ListPage;
import nl.doorstroom.platform.paging.Pager;
import nl.doorstroom.platform.paging.Paging;
import nl.doorstroom.platform.paging.SearchTexts;

/**
 * What a case worker's list page is asked for: the filters and the page from the URL (codes, dates, yes or no), and
 * the search text posted earlier, from the session. Filter values that make no sense are ignored, so an edited URL
 * still shows a list.
 *
 * @param list    the list's name, which keeps its search text apart from the other lists'
 * @param filters the filter values as sent, by name, in the form's order
 * @param text    the search text, or {@code null}
 */
record ListRequest(String list, Map<String, String> filters, String text, Paging paging) {

    /** The longest search text that is used; a name or V-number is far shorter. */
    private static final int MAX_TEXT = 100;
    private static final PageDateFormatter DATES = new PageDateFormatter();

    static ListRequest of(String list, List<String> filterNames, MultiValueMap<String, String> query,
                          HttpServletRequest request) {
        return new ListRequest(list, filters(filterNames, query), SearchTexts.recall(request, list),
                Paging.lenient(query.getFirst("page"), query.getFirst("pageSize")));
    }

    /**
     * A posted search: keeps the text in the session and answers the redirect to the list's first page with the
     * filters, so that the text never appears in a URL.
     */
    static String search(String list, List<String> filterNames, MultiValueMap<String, String> sent,
                         HttpServletRequest request, String path) {
        if (sent.containsKey("clear")) {
            SearchTexts.remember(request, list, null);
            return "redirect:" + path;
        }
        String text = sent.getFirst("text");
        SearchTexts.remember(request, list, text == null ? null : text.substring(0, Math.min(text.length(), MAX_TEXT)));
        Paging paging = Paging.lenient("1", sent.getFirst("pageSize"));
        ListPage<?> first = new ListPage<>(List.of(), 0, 1, paging.pageSize());
        return "redirect:" + new Pager(first, path, filters(filterNames, sent)).href(1);
    }

    /** A search text or a filter is in use, so an empty list means nothing matched. */
    boolean isSearching() {
        return text != null || filters.values().stream().anyMatch(value -> value != null);
    }

    String filter(String name) {
        return filters.get(name);
    }

    /** A date as the pages take it ({@link PageDateFormatter}); one that is no date is no filter. */
    Optional<LocalDate> date(String name) {
        String value = filter(name);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(DATES.parse(value, Locale.ROOT));
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    /** {@code true} or {@code false}; {@code null} for no filter. */
    Boolean yesNo(String name) {
        return "true".equals(filter(name)) ? Boolean.TRUE : "false".equals(filter(name)) ? Boolean.FALSE : null;
    }

    Pager pager(ListPage<?> page, String path) {
        return new Pager(page, path, filters);
    }

    private static Map<String, String> filters(List<String> names, MultiValueMap<String, String> sent) {
        Map<String, String> filters = new LinkedHashMap<>();
        names.forEach(name -> {
            String value = sent.getFirst(name);
            filters.put(name, value == null || value.isBlank() ? null : value.strip());
        });
        return filters;
    }
}
