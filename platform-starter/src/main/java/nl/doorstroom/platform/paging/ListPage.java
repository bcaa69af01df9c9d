package nl.doorstroom.platform.paging;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, with what a pager needs: the total number of rows and where this page is.
 *
 * @param rows     the rows of this page (empty beyond the end)
 * @param total    rows in the whole list
 * @param page     this page's number, from 1
 * @param pageSize rows per page
 */
public record ListPage<T>(List<T> rows, int total, int page, int pageSize) {

    /** Page numbers shown on each side of the current one; the first and last pages are always shown. */
    private static final int AROUND = 2;

    public ListPage {
        rows = List.copyOf(rows);
    }

    /** Pages in the whole list; at least 1, so an empty list still has its (empty) first page. */
    public int pageCount() {
        return Math.max(1, (int) Math.ceil((double) total / pageSize));
    }

    /** The page number is beyond the end of a non-empty list (an old link or an edited URL). */
    public boolean isBeyondEnd() {
        return rows.isEmpty() && total > 0;
    }

    /** Number (from 1) of the first row on this page, for "rows 26–50 of 632". */
    public int firstRow() {
        return rows.isEmpty() ? 0 : (page - 1) * pageSize + 1;
    }

    public int lastRow() {
        return rows.isEmpty() ? 0 : firstRow() + rows.size() - 1;
    }

    public <R> ListPage<R> map(Function<? super T, ? extends R> mapping) {
        return new ListPage<>(rows.stream().<R>map(mapping).toList(), total, page, pageSize);
    }

    /**
     * The page links of a pager: the first and last page, and the pages around the current one; {@code 0} stands for
     * a gap ("…") between them.
     */
    public List<Integer> links() {
        int last = pageCount();
        List<Integer> links = new ArrayList<>();
        for (int number = 1; number <= last; number++) {
            boolean shown = number == 1 || number == last || Math.abs(number - page) <= AROUND;
            if (shown) {
                links.add(number);
            } else if (links.getLast() != 0) {
                links.add(0);
            }
        }
        return links;
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pageCount();
    }
}
