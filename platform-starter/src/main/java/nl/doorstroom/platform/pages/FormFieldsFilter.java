package nl.doorstroom.platform.pages;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What a form page means by what it sends, before the fields are bound: a row of a repeated group
 * ({@code children[2].birthYear}) in which nothing was entered is not part of the input, and the rows that remain are
 * numbered from 0 again (a form offers a few empty rows; row numbers in messages are the rows filled in); an id carried
 * along in a hidden field ({@code ...Id}) does not make a row filled in. Only form posts to pages; the API is never
 * touched.
 */
public class FormFieldsFilter extends OncePerRequestFilter {

    private static final Pattern ROW = Pattern.compile("^(.+?)\\[(\\d+)](.*)$");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getRequestURI().startsWith("/api/")
                || request.getContentType() == null
                || !MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(MediaType.parseMediaType(request.getContentType()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Map<String, String[]> fields = withoutEmptyRows(request.getParameterMap());
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public String getParameter(String name) {
                String[] values = fields.get(name);
                return values == null || values.length == 0 ? null : values[0];
            }

            @Override
            public Map<String, String[]> getParameterMap() {
                return Collections.unmodifiableMap(fields);
            }

            @Override
            public Enumeration<String> getParameterNames() {
                return Collections.enumeration(fields.keySet());
            }

            @Override
            public String[] getParameterValues(String name) {
                return fields.get(name);
            }
        }, response);
    }

    static Map<String, String[]> withoutEmptyRows(Map<String, String[]> fields) {
        Map<String, TreeMap<Integer, Boolean>> filledRows = new LinkedHashMap<>();
        fields.forEach((name, values) -> {
            Matcher row = ROW.matcher(name);
            if (row.matches() && !name.startsWith("_")) {
                boolean filled = !name.endsWith("Id") && entered(values);
                filledRows.computeIfAbsent(row.group(1), group -> new TreeMap<>())
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
        Map<String, String[]> kept = new LinkedHashMap<>();
        fields.forEach((name, values) -> {
            Matcher row = ROW.matcher(name);
            if (row.matches() && name.startsWith("_")) {
                return; // a checkbox's marker in a row: rows are bound whole, an unchecked box is simply absent
            }
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

    private static boolean entered(String[] values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return true;
            }
        }
        return false;
    }
}
