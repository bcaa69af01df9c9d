package nl.doorstroom.intake.pages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.core.ResolvableType;
import org.springframework.core.convert.ConversionService;
import org.springframework.format.support.DefaultFormattingConversionService;
import org.springframework.format.support.FormattingConversionService;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.DataBinder;
import org.springframework.validation.FieldError;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;

/**
 * Turns the fields of a submitted form into one of the features' input records (constructor binding, the same records
 * the API takes) and validates it with their own Bean Validation constraints. A value that cannot even be converted
 * (a date that is no date) gets its own message, and the rest of the form is still validated, so every mistake shows
 * at once. Rows of a repeated group that were left empty are not part of the input.
 */
@Component
public final class FormBinding {

    private static final Pattern ROW = Pattern.compile("^(.+?)\\[(\\d+)](.*)$");

    private final Validator validator;
    private final MessageSource messages;
    private final ConversionService conversions;

    public FormBinding(Validator validator, MessageSource messages) {
        this.validator = validator;
        this.messages = messages;
        FormattingConversionService service = new DefaultFormattingConversionService();
        service.addFormatter(new PageDates());
        this.conversions = service;
    }

    /** The bound record, or {@code null} when the form has errors; and what the form shows again. */
    public record Result<T>(T value, FormState form) {

        public boolean hasErrors() {
            return form.hasErrors();
        }
    }

    /**
     * Binds and validates.
     *
     * @param fields   the submitted fields, in the order of the form
     * @param type     the input record
     * @param complete fills in what the form leaves out by design (an empty list for a group without rows)
     * @param locale   the language of the messages
     */
    public <T> Result<T> bind(MultiValueMap<String, String> fields, Class<T> type, UnaryOperator<T> complete, Locale locale) {
        FormState form = new FormState(withoutEmptyRows(fields));
        Map<String, Object> entered = new LinkedHashMap<>();
        form.values().forEach((name, values) -> {
            List<String> filled = values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
            if (!filled.isEmpty()) {
                entered.put(name, filled.size() == 1 ? filled.getFirst() : filled.toArray(String[]::new));
            }
        });
        DataBinder binder = construct(type, entered);
        if (binder.getBindingResult().hasErrors()) {
            for (FieldError error : binder.getBindingResult().getFieldErrors()) {
                reject(form, error.getField(), messages.getMessage(error, locale), locale);
                entered.keySet().removeIf(name -> name.equals(error.getField()) || name.startsWith(error.getField() + "["));
            }
            binder = construct(type, entered);
        }
        @SuppressWarnings("unchecked")
        T value = complete.apply((T) binder.getTarget());
        if (value != null) {
            for (ConstraintViolation<T> violation : validator.validate(value)) {
                reject(form, field(violation.getPropertyPath()), violation.getMessage(), locale);
            }
        }
        sortErrors(form);
        return new Result<>(form.hasErrors() ? null : value, form);
    }

    /** A message on one field, named in the error summary by the field's label. */
    public void reject(FormState form, String field, String message, Locale locale) {
        form.reject(field, label(field, locale), message);
    }

    /** The label of a field for the error summary: its message {@code field.<path without row numbers>}. */
    public String label(String field, Locale locale) {
        Matcher row = ROW.matcher(field);
        String key = "field." + field.replaceAll("\\[\\d+]", "");
        String label = messages.getMessage(key, null, field, locale);
        return row.matches() ? messages.getMessage("page.form.row", new Object[]{label, Integer.parseInt(row.group(2)) + 1}, locale)
                : label;
    }

    private DataBinder construct(Class<?> type, Map<String, Object> entered) {
        DataBinder binder = new DataBinder(null, "form");
        binder.setTargetType(ResolvableType.forClass(type));
        binder.setConversionService(conversions);
        binder.construct(new DataBinder.ValueResolver() {
            @Override
            public Object resolveValue(String name, Class<?> paramType) {
                return entered.get(name);
            }

            @Override
            public Set<String> getNames() {
                return entered.keySet();
            }
        });
        return binder;
    }

    /** {@code children[2].birthYear}; a container element adds only its index ({@code languagesSpoken[1]}). */
    static String field(Path path) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            if (node.isInIterable() && node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                field.append(field.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        return field.toString();
    }

    /**
     * Drops the rows of repeated groups in which nothing was entered (a form offers a few empty rows) and numbers the
     * remaining rows from 0 again, so that row numbers in messages are the rows the user filled in. A hidden id alone
     * ({@code memberId}) does not make a row filled in.
     */
    static Map<String, List<String>> withoutEmptyRows(MultiValueMap<String, String> fields) {
        Map<String, TreeMap<Integer, Boolean>> filledRows = new LinkedHashMap<>();
        fields.forEach((name, values) -> {
            Matcher row = ROW.matcher(name);
            if (row.matches()) {
                boolean filled = !name.endsWith(".memberId") && values.stream().anyMatch(v -> v != null && !v.isBlank());
                filledRows.computeIfAbsent(row.group(1), g -> new TreeMap<>())
                        .merge(Integer.parseInt(row.group(2)), filled, Boolean::logicalOr);
            }
        });
        Map<String, Map<Integer, Integer>> renumbered = new LinkedHashMap<>();
        filledRows.forEach((group, rows) -> {
            Map<Integer, Integer> numbers = new LinkedHashMap<>();
            rows.forEach((index, filled) -> {
                if (filled) {
                    numbers.put(index, numbers.size());
                }
            });
            renumbered.put(group, numbers);
        });
        Map<String, List<String>> kept = new LinkedHashMap<>();
        fields.forEach((name, values) -> {
            Matcher row = ROW.matcher(name);
            if (!row.matches()) {
                kept.put(name, values);
                return;
            }
            Integer number = renumbered.get(row.group(1)).get(Integer.parseInt(row.group(2)));
            if (number != null) {
                kept.put(row.group(1) + "[" + number + "]" + row.group(3), values);
            }
        });
        return kept;
    }

    /** The summary lists the mistakes in the order of the form's fields. */
    private static void sortErrors(FormState form) {
        List<String> order = new ArrayList<>(form.values().keySet());
        Map<String, String> sorted = form.errors().entrySet().stream()
                .sorted(Comparator.comparingInt(e -> {
                    int at = order.indexOf(e.getKey());
                    return at < 0 ? Integer.MAX_VALUE : at;
                }))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
        form.errors().clear();
        form.errors().putAll(sorted);
    }
}
