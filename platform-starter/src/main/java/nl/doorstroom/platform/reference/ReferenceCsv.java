package nl.doorstroom.platform.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.Resource;

import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/** The reference files' one format: UTF-8 CSV with a header row, read as one column-name-to-value map per row. */
final class ReferenceCsv {

    private static final CsvMapper CSV = new CsvMapper();

    private ReferenceCsv() {
    }

    /** The rows of the file; {@code what} names it in the error when it cannot be read. */
    static List<Map<String, String>> rows(Resource csv, String what) {
        try (InputStream in = csv.getInputStream();
             MappingIterator<Map<String, String>> it = CSV.readerForMapOf(String.class)
                     .with(CsvSchema.emptySchema().withHeader()).readValues(in)) {
            return it.readAll();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the " + what + " " + csv, e);
        }
    }
}
