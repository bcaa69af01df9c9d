package nl.doorstroom.platform.paging;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which page of a list to show: the same rules for every list page and JSON list endpoint. Pages count from 1; the
 * page size is bounded, so no request makes a service open or log a whole list.
 *
 * @param page     the page number, from 1
 * @param pageSize rows per page, 1 to {@link #MAX_PAGE_SIZE}
 */
public record Paging(int page, int pageSize) {

    public static final int DEFAULT_PAGE_SIZE = 25;
    public static final int MAX_PAGE_SIZE = 100;
    /** The page sizes a page offers. */
    public static final List<Integer> PAGE_SIZES = List.of(10, 25, 50, 100);

    public Paging {
        if (page < 1) {
            throw new IllegalArgumentException("pages count from 1");
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("a page holds 1 to " + MAX_PAGE_SIZE + " rows");
        }
    }

    /** The API's paging: absent values take the defaults (bounds are checked by the endpoint's validation). */
    public static Paging of(Integer page, Integer pageSize) {
        return new Paging(page == null ? 1 : page, pageSize == null ? DEFAULT_PAGE_SIZE : pageSize);
    }

    /**
     * A page's paging from what the browser sent: anything that is not a number, out of range or not one of the
     * offered sizes falls back to the first page and the default size, so an edited URL still shows a list.
     */
    public static Paging lenient(String page, String pageSize) {
        int number = parse(page).filter(n -> n >= 1).orElse(1);
        int size = parse(pageSize).filter(PAGE_SIZES::contains).orElse(DEFAULT_PAGE_SIZE);
        return new Paging(number, size);
    }

    /** Index of the first row of this page; a long, since a huge page number times the size overflows an int. */
    public long offset() {
        return (long) (page - 1) * pageSize;
    }

    /**
     * This page of a list in its final order; beyond the end it is empty. {@code open} turns only the rows shown
     * into what is displayed (opening sealed names, say), so a long list costs no more than one page.
     */
    public <T, R> ListPage<R> slice(List<T> ordered, Function<? super T, ? extends R> open) {
        List<R> rows = ordered.stream().skip(Math.min(offset(), ordered.size())).limit(pageSize)
                .<R>map(open).toList();
        return new ListPage<>(rows, ordered.size(), page, pageSize);
    }

    /**
     * As {@link #slice(List, Function)}, for rows that may turn out unreadable when opened (a person erased a moment
     * ago): they drop out of the page rather than failing it.
     */
    public <T, R> ListPage<R> sliceOpened(List<T> ordered, Function<? super T, Optional<R>> open) {
        ListPage<Optional<R>> opened = slice(ordered, open);
        return new ListPage<>(opened.rows().stream().flatMap(Optional::stream).toList(), opened.total(), page, pageSize);
    }

    /** {@link #slice(List, Function)} of rows already in their final shape. */
    public <T> ListPage<T> slice(List<T> ordered) {
        return slice(ordered, Function.identity());
    }

    private static Optional<Integer> parse(String number) {
        if (number == null || !number.matches("\\d{1,9}")) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(number));
    }
}
