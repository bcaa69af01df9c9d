package nl.doorstroom.platform.reference;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.core.io.ClassPathResource;

/**
 * A code list loaded from a reference file, in the file's order. Immutable, so the static instances in
 * {@link CodeLists} are shared by validators, pages and the API.
 *
 * @param <T> the kind of entry
 */
public class CodeList<T extends CodeListEntry> {

    private final String id;
    private final Map<String, T> byCode;
    private final List<T> entries;

    CodeList(String id, List<T> entries) {
        Map<String, T> codes = new LinkedHashMap<>();
        for (T entry : entries) {
            if (isBlank(entry.code()) || isBlank(entry.nameNl()) || isBlank(entry.nameEn())) {
                throw new IllegalStateException("code list " + id + " has an entry without code or name: " + entry);
            }
            if (codes.putIfAbsent(entry.code(), entry) != null) {
                throw new IllegalStateException("code list " + id + " has code " + entry.code() + " twice");
            }
        }
        this.id = id;
        this.byCode = codes;
        this.entries = List.copyOf(codes.values());
    }

    /** The entries of {@code reference/<file>} on the classpath; no application context needed, so validators can use it too. */
    static <T extends CodeListEntry> List<T> read(String file, Function<Map<String, String>, T> fromRow) {
        return ReferenceCsv.rows(new ClassPathResource("reference/" + file, CodeList.class.getClassLoader()), "code list")
                .stream().map(fromRow).toList();
    }

    /** The list's name in the API, kebab-case: {@code countries}, {@code education-levels}. */
    public String id() {
        return id;
    }

    public Optional<T> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code));
    }

    /** Whether the code is on the list exactly as written (codes are case-sensitive: {@code SY}, {@code nl}). */
    public boolean isKnown(String code) {
        return code != null && byCode.containsKey(code);
    }

    /** The code's name in the user's language (Dutch unless English); empty for an unknown code. */
    public Optional<String> name(String code, Locale locale) {
        return find(code).map(entry -> entry.name(locale));
    }

    /** Every entry, in the order of the reference file. */
    public List<T> all() {
        return entries;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
