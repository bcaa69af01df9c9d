package nl.doorstroom.trajectory.casework;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.util.MultiValueMap;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.constraints.NotNull;

/**
 * One form of a case worker's page: its fields, the values as the user typed them (kept when the form comes back with
 * errors), one message per invalid field and a message for the form as a whole (a stale version, a step the
 * trajectory does not allow). Every form carries the record version it was based on and a submission key that is sent
 * as the Idempotency-Key, so a form sent twice is applied once.
 */
public final class PageForm {

    static final String VERSION = "version";
    static final String SUBMISSION_KEY = "submissionKey";

    /** {@code PICKER} is a text field with suggestions to choose from ({@code <input list>} and a {@code <datalist>}). */
    public enum Type { TEXT, TEXTAREA, DATE, NUMBER, SELECT, PICKER }

    /** A choice of a select field, with its label in the user's language. */
    public record Option(String value, String label) {
    }

    /**
     * A field of the form; its id is its name with {@code .} and {@code []} replaced by {@code -}.
     *
     * @param hint whether the field has a hint text ({@code page.form.<form>.<field>.hint})
     */
    public record Field(String name, Type type, boolean required, boolean hint, List<Option> options) {

        public String id() {
            return name.replaceAll("[.\\[\\]]+", "-").replaceAll("-$", "");
        }

        public String hintId() {
            return id() + "-hint";
        }

        public String errorId() {
            return id() + "-error";
        }
    }

    /** An invalid field as the error summary lists it. */
    public record FieldError(String id, String label, String message) {
    }

    private final String name;
    private final List<Field> fields;
    private final Map<String, String> values = new HashMap<>();
    private final Map<String, String> errors = new LinkedHashMap<>();
    private final MessageSource messages;
    private String message;

    private PageForm(String name, List<Field> fields, MessageSource messages) {
        this.name = name;
        this.fields = List.copyOf(fields);
        this.messages = messages;
    }

    /** An empty form for the record at {@code version}, with a fresh submission key. */
    static PageForm blank(String name, List<Field> fields, MessageSource messages, int version) {
        PageForm form = new PageForm(name, fields, messages);
        form.values.put(VERSION, String.valueOf(version));
        form.values.put(SUBMISSION_KEY, UUID.randomUUID().toString());
        return form;
    }

    /** The form as it was sent. */
    static PageForm submitted(String name, List<Field> fields, MessageSource messages, MultiValueMap<String, String> sent) {
        PageForm form = new PageForm(name, fields, messages);
        sent.forEach((field, values) -> {
            if (!values.isEmpty() && values.getFirst() != null) {
                form.values.put(field, values.getFirst());
            }
        });
        return form;
    }

    PageForm with(String field, String value) {
        if (value != null) {
            values.put(field, value);
        }
        return this;
    }

    PageForm with(String field, LocalDate date) {
        return with(field, date == null ? null : PageDates.format(date));
    }

    PageForm with(String field, Object value) {
        return with(field, value == null ? null : value.toString());
    }

    public String getName() {
        return name;
    }

    public List<Field> getFields() {
        return fields;
    }

    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    public String error(String field) {
        return errors.get(field);
    }

    public String getMessage() {
        return message;
    }

    public boolean hasErrors() {
        return !errors.isEmpty() || message != null;
    }

    /** The invalid fields in the order of the form, for the error summary. */
    public List<FieldError> getFieldErrors() {
        List<FieldError> list = new ArrayList<>();
        for (Field field : fields) {
            if (errors.containsKey(field.name())) {
                list.add(new FieldError(field.id(), text("page.form." + name + "." + field.name()), errors.get(field.name())));
            }
        }
        return list;
    }

    int version() {
        return integer(VERSION);
    }

    /** The submission key, or {@code null} when the form did not carry one (then it is not made idempotent). */
    String submissionKey() {
        String key = values.get(SUBMISSION_KEY);
        return key == null || key.isBlank() ? null : key;
    }

    String text(String field, boolean blankIsNull) {
        String value = values.get(field);
        return blankIsNull && (value == null || value.isBlank()) ? null : value;
    }

    Integer integer(String field) {
        String value = text(field, true);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            rejectKey(field, "page.form.invalid-number");
            return null;
        }
    }

    LocalDate date(String field) {
        String value = text(field, true);
        if (value == null) {
            return null;
        }
        Optional<LocalDate> date = PageDates.parse(value);
        if (date.isEmpty()) {
            rejectKey(field, "page.form.invalid-date");
        }
        return date.orElse(null);
    }

    <E extends Enum<E>> E choice(String field, Class<E> type) {
        String value = text(field, true);
        if (value == null) {
            return null;
        }
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(value) && !e.name().equals("UNKNOWN"))
                .findFirst().orElseGet(() -> {
                    rejectKey(field, "page.form.invalid-choice");
                    return null;
                });
    }

    /** The violations of the input record, on the fields that did not already fail to be read. */
    void reject(Iterable<? extends ConstraintViolation<?>> violations) {
        for (ConstraintViolation<?> violation : violations) {
            String field = fieldOf(violation.getPropertyPath());
            if (!errors.containsKey(field)) {
                // "must not be null" is the API's wording; on a page the field was simply left empty
                boolean missing = violation.getConstraintDescriptor().getAnnotation() instanceof NotNull;
                reject(field, missing ? text("page.form.missing") : violation.getMessage());
            }
        }
    }

    /** A field refused with a message key; a field the user cannot see makes it a message for the whole form. */
    void rejectKey(String field, String messageKey) {
        reject(field, text(messageKey));
    }

    private void reject(String field, String text) {
        if (fields.stream().anyMatch(f -> f.name().equals(field))) {
            errors.putIfAbsent(field, text);
        } else {
            message = text("page.form.invalid-form");
        }
    }

    /** A message for the whole form. */
    void fail(String messageKey, Object... arguments) {
        message = messages.getMessage(messageKey, arguments, messageKey, LocaleContextHolder.getLocale());
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }

    private static String fieldOf(Path path) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getName() == null) {
                continue;
            }
            if (!field.isEmpty()) {
                field.append('.');
            }
            field.append(node.getName());
        }
        return field.toString();
    }

    /** Builds the fields of a form, labels of choices resolved in the user's language. */
    static final class Fields {

        private final MessageSource messages;
        private final List<Field> list = new ArrayList<>();

        Fields(MessageSource messages) {
            this.messages = messages;
        }

        Fields add(String name, Type type, boolean required) {
            list.add(new Field(name, type, required, type == Type.DATE, List.of()));
            return this;
        }

        Fields hinted(String name, Type type, boolean required) {
            list.add(new Field(name, type, required, true, List.of()));
            return this;
        }

        /** A text field that suggests these choices while typing; what is typed is sent as it is. */
        Fields picker(String name, boolean required, List<Option> suggestions) {
            list.add(new Field(name, Type.PICKER, required, true, List.copyOf(suggestions)));
            return this;
        }

        <E extends Enum<E>> Fields choice(String name, Class<E> type, boolean required) {
            List<Option> options = Arrays.stream(type.getEnumConstants()).map(Enum::name)
                    .filter(value -> !value.equals("UNKNOWN"))
                    .map(value -> new Option(value, messages.getMessage("page.option." + type.getSimpleName() + "." + value,
                            null, value, LocaleContextHolder.getLocale())))
                    .toList();
            list.add(new Field(name, Type.SELECT, required, false, options));
            return this;
        }

        List<Field> build() {
            return List.copyOf(list);
        }
    }
}
