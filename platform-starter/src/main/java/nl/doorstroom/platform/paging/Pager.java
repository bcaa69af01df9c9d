package nl.doorstroom.platform.paging;

import java.util.List;
import java.util.Map;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * A list page's pager: the page, and links to other pages of the same list. The links carry the filters and the page
 * size (codes, dates, yes or no: no personal data); a search text never goes into a link (see {@link SearchTexts}).
 *
 * @param page    the page shown
 * @param path    the list's path
 * @param filters the filters in use, by query parameter name; blank values are left out
 */
public record Pager(ListPage<?> page, String path, Map<String, String> filters) {

    public String href(int number) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath(path);
        filters.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                link.queryParam(name, value);
            }
        });
        return link.queryParam("page", number).queryParam("pageSize", page.pageSize()).encode().build().toUriString();
    }

    public List<Integer> pageSizes() {
        return Paging.PAGE_SIZES;
    }
}
