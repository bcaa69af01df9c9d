package nl.doorstroom.platform.pages;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.thymeleaf.spring6.util.DetailedError;

/**
 * What the form fragments ({@code templates/pages/form.html}) ask about a field,
         as the model attribute {@code pageFields}: its
 * element id, its label in the error summary and the ids that describe it. Field names are the bound objects' property
 * paths ({@code personalDetails.givenNames}, {@code children[2].birthYear}); element ids are the same with {@code .},
 * {@code [} and {@code ]} turned into {@code -} ({@code children-2-birthYear}).
 */
public class PageFields {

    private static final Pattern ROW = Pattern.compile("\\[(\\d+)]");

    private final MessageSource messages;

    public PageFields(MessageSource messages) {
        this.messages = messages;
    }

    public String id(String field) {
        return field.replaceAll("[.\\[\\]]+", "-").replaceAll("-$", "");
    }

    /** The element id of one choice of a radio group or checkbox list. */
    public String id(String field, Object choice) {
        String value = choice == null ? "" : choice.toString();
        return id(field) + "-" + (value.isEmpty() ? "UNKNOWN" : value);
    }

    /** {@code aria-describedby}: the hint and the message that describe a field; null when none. */
    public String describedBy(String field, boolean hint, boolean error) {
        String ids = ((hint ? id(field) + "-hint " : "") + (error ? id(field) + "-error" : "")).strip();
        return ids.isEmpty() ? null : ids;
    }

    /**
     * The field's name in the error summary: the message {@code <labels><path without row numbers>}, with the row
     * of a repeated group ("Geboortejaar (regel 2)").
     */
    public String label(String labels, String field) {
        Locale locale = LocaleContextHolder.getLocale();
        String label = messages.getMessage(labels + ROW.matcher(field).replaceAll(""), null, field, locale);
        Matcher row = ROW.matcher(field);
        return row.find() ? messages.getMessage("page.form.row", new Object[]{label,
                Integer.parseInt(row.group(1)) + 1}, locale)
                : label;
    }

    /** The field errors in the order of the form's fields as they were sent, so the summary reads like the form. */
    public List<DetailedError> inFormOrder(List<DetailedError> errors) {
        List<String> sent = new ArrayList<>();
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
            sent.addAll(Collections.list(request.getRequest().getParameterNames()));
        }
        Set<String> named = new HashSet<>();
        // one message per field: the first, closest to what the user typed
        return errors.stream().filter(error -> !error.isGlobal() && named.add(error.getFieldName()))
                .sorted(Comparator.comparingInt(error -> {
                    int at = sent.indexOf(error.getFieldName());
                    return at < 0 ? Integer.MAX_VALUE : at;
                }))
                .toList();
    }
}
