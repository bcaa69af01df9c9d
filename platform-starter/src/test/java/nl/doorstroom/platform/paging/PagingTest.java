package nl.doorstroom.platform.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PagingTest {

    private static final List<Integer> ROWS = IntStream.rangeClosed(1, 632).boxed().toList();

    @Test
    void aPageIsItsSliceOfTheOrderedListWithTheTotal() {
        ListPage<Integer> page = new Paging(2, 25).slice(ROWS);
        assertThat(page.rows()).containsExactlyElementsOf(ROWS.subList(25, 50));
        assertThat(page.total()).isEqualTo(632);
        assertThat(page.pageCount()).isEqualTo(26);
        assertThat(page.firstRow()).isEqualTo(26);
        assertThat(page.lastRow()).isEqualTo(50);
        assertThat(page.hasPrevious()).isTrue();
        assertThat(page.hasNext()).isTrue();
        assertThat(new Paging(26, 25).slice(ROWS).rows()).containsExactlyElementsOf(ROWS.subList(625, 632));
    }

    @Test
    void aPageBeyondTheEndIsEmptyEvenForTheLargestPageNumber() {
        ListPage<Integer> beyond = new Paging(Integer.MAX_VALUE, Paging.MAX_PAGE_SIZE).slice(ROWS);
        assertThat(beyond.rows()).isEmpty();
        assertThat(beyond.isBeyondEnd()).isTrue();
        assertThat(beyond.firstRow()).isZero();
        assertThat(new Paging(1, 25).slice(List.of()).isBeyondEnd()).as("an empty list is no wrong page").isFalse();
    }

    @Test
    void onlyTheRowsOfThePageAreOpenedAndAnUnreadableOneDropsOut() {
        List<Integer> opened = new java.util.ArrayList<>();
        ListPage<String> page = new Paging(3, 10).sliceOpened(ROWS, row -> {
            opened.add(row);
            return row == 25 ? Optional.empty() : Optional.of("row " + row);
        });
        assertThat(opened).containsExactlyElementsOf(ROWS.subList(20, 30));
        assertThat(page.rows()).hasSize(9).doesNotContain("row 25");
        assertThat(page.total()).isEqualTo(632);
    }

    @Test
    void thePageSizeIsBounded() {
        assertThatThrownBy(() -> new Paging(1, Paging.MAX_PAGE_SIZE + 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Paging(0, 25)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Paging.of(null, null)).isEqualTo(new Paging(1, Paging.DEFAULT_PAGE_SIZE));
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "3, 50, 3, 50",
            "null, null, 1, 25",
            "0, 25, 1, 25",
            "-2, 25, 1, 25",
            "x, 7, 1, 25",
            "9999999999, 1000, 1, 25",
            "999999999, 100, 999999999, 100"})
    void aPageTakesWhatTheBrowserSentLeniently(String page, String pageSize, int expectedPage, int expectedSize) {
        assertThat(Paging.lenient(page, pageSize)).isEqualTo(new Paging(expectedPage, expectedSize));
    }

    @Test
    void pageLinksShowTheEndsAndTheNeighboursWithGaps() {
        assertThat(new Paging(1, 25).slice(ROWS).links()).containsExactly(1, 2, 3, 0, 26);
        assertThat(new Paging(10, 25).slice(ROWS).links()).containsExactly(1, 0, 8, 9, 10, 11, 12, 0, 26);
        assertThat(new Paging(25, 25).slice(ROWS).links()).containsExactly(1, 0, 23, 24, 25, 26);
        assertThat(new Paging(1, 25).slice(List.of()).links()).containsExactly(1);
    }

    @Test
    void linksKeepTheFiltersAndThePageSizeButNoBlankOnes() {
        Map<String, String> filters = new java.util.LinkedHashMap<>();
        filters.put("status", "ACCEPTED");
        filters.put("linkedFrom", null);
        filters.put("nareiziger", "");
        Pager pager = new Pager(new Paging(1, 50).slice(ROWS), "/gemeenten/GM0344/overdrachten", filters);
        assertThat(pager.href(4)).isEqualTo("/gemeenten/GM0344/overdrachten?status=ACCEPTED&page=4&pageSize=50");
    }
}
