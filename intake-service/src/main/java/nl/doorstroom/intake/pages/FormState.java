package nl.doorstroom.intake.pages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a form shows: the values as the user entered them (also the invalid ones, so nothing typed is lost) and a
 * message per field. Field names are the input records' property paths ({@code personalDetails.givenNames},
 * {@code children[2].birthYear}); element ids are the same with {@code .}, {@code [} and {@code ]} turned into
 * {@code -}.
 */
public final class FormState {

    private final Map<String, List<String>> values;
    private final Map<String, String> errors = new LinkedHashMap<>();
    private final Map<String, String> labels = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();

    FormState(Map<String, List<String>> values) {
        this.values = new LinkedHashMap<>(values);
    }

    static FormState empty() {
        return new FormState(Map.of());
    }

    /** The element id of a field: {@code children[2].birthYear} → {@code children-2-birthYear}. */
    public static String id(String field) {
        return field.replaceAll("[.\\[\\]]+", "-").replaceAll("-$", "");
    }

    /** The element id of a field, for templates. */
    public String fieldId(String field) {
        return id(field);
    }

    public String id(String field, String choice) {
        return id(field) + "-" + choice;
    }

    /** The value of a single field, empty when none was entered. */
    public String value(String field) {
        List<String> entered = values.get(field);
        return entered == null || entered.isEmpty() ? "" : entered.getFirst();
    }

    /** A list field shown as one text ({@code Techniek, Bouw}), whether it was entered as one or recorded as rows. */
    public String joined(String field) {
        if (values.containsKey(field)) {
            return value(field);
        }
        List<String> rows = new ArrayList<>();
        for (int i = 0; values.containsKey(field + "[" + i + "]"); i++) {
            rows.add(value(field + "[" + i + "]"));
        }
        return String.join(", ", rows);
    }

    /** Whether a radio button or checkbox with this value is chosen. */
    public boolean checked(String field, Object choice) {
        String value = String.valueOf(choice);
        return values.getOrDefault(field, List.of()).contains(value) || values.entrySet().stream()
                .anyMatch(e -> e.getKey().matches(java.util.regex.Pattern.quote(field) + "\\[\\d+]") && e.getValue().contains(value));
    }

    /** How many rows of a repeated group ({@code children}) have values. */
    public int rows(String group) {
        String prefix = group + "[";
        return values.keySet().stream().filter(name -> name.startsWith(prefix))
                .mapToInt(name -> Integer.parseInt(name.substring(prefix.length(), name.indexOf(']', prefix.length()))) + 1)
                .max().orElse(0);
    }

    public String error(String field) {
        return errors.get(field);
    }

    public boolean hasError(String field) {
        return errors.containsKey(field);
    }

    /** The field's label as the error summary names it ("Geboortejaar (rij 2)"). */
    public String label(String field) {
        return labels.getOrDefault(field, field);
    }

    /** The ids of the hint and the message that describe a field, for {@code aria-describedby}; null when none. */
    public String describedBy(String field, boolean hint) {
        String ids = (hint ? id(field) + "-hint " : "") + (hasError(field) ? id(field) + "-error" : "");
        return ids.isBlank() ? null : ids.strip();
    }

    /** Every field message, in the order of the form, for the error summary. */
    public Map<String, String> errors() {
        return errors;
    }

    /** Messages about the form as a whole, such as a change made by someone else in the meantime. */
    public List<String> problems() {
        return problems;
    }

    public boolean hasErrors() {
        return !errors.isEmpty() || !problems.isEmpty();
    }

    Map<String, List<String>> values() {
        return values;
    }

    /**
     * Moves what was entered and said about one field to another name (a record's field to the form's); several
     * fields may go to one form field, the first one's value is kept.
     */
    void rename(String from, String to) {
        List<String> entered = values.remove(from);
        if (entered != null) {
            values.putIfAbsent(to, entered);
        }
        String message = errors.remove(from);
        if (message != null) {
            errors.put(to, message);
            labels.put(to, labels.remove(from));
        }
    }

    void remove(String field) {
        values.remove(field);
    }

    void set(String field, String value) {
        values.put(field, List.of(value));
    }

    /** The first message for a field wins: the one closest to what the user typed. */
    void reject(String field, String label, String message) {
        errors.putIfAbsent(field, message);
        labels.putIfAbsent(field, label);
    }

    void problem(String message) {
        problems.add(message);
    }
}
