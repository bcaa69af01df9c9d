package nl.doorstroom.intake.pages;

import java.util.ArrayList;
import java.util.List;

/** The rows a form shows of a repeated group: the rows entered, then empty ones to fill in. */
final class Rows {

    private Rows() {
    }

    /** At least {@code size} rows, the missing ones {@code empty}. */
    static <T> List<T> padded(List<T> rows, int size, T empty) {
        List<T> shown = new ArrayList<>(rows == null ? List.of() : rows);
        while (shown.size() < size) {
            shown.add(empty);
        }
        return shown;
    }

    /** The rows entered and {@code more} empty ones. */
    static <T> List<T> withEmpty(List<T> rows, int more, T empty) {
        return padded(rows, (rows == null ? 0 : rows.size()) + more, empty);
    }
}
