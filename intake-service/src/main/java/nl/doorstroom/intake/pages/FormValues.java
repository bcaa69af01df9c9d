package nl.doorstroom.intake.pages;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The fields of a form filled from what is recorded: an input record (as the API answers it) flattened into the
 * same field names the form submits, so that an edit form shows the current values and binding them again gives the
 * same record.
 */
final class FormValues {

    private FormValues() {
    }

    static MultiValueMap<String, String> of(Object record) {
        MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        add(fields, "", record);
        return fields;
    }

    static MultiValueMap<String, String> of(String prefix, Object record) {
        MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        add(fields, prefix, record);
        return fields;
    }

    private static void add(MultiValueMap<String, String> fields, String name, Object value) {
        switch (value) {
            case null -> { }
            case Record record -> {
                for (RecordComponent component : record.getClass().getRecordComponents()) {
                    add(fields, name.isEmpty() ? component.getName() : name + "." + component.getName(), read(component, record));
                }
            }
            case List<?> list -> {
                for (int i = 0; i < list.size(); i++) {
                    add(fields, name + "[" + i + "]", list.get(i));
                }
            }
            case Map<?, ?> ignored -> throw new IllegalArgumentException("forms have no map fields: " + name);
            case LocalDate date -> fields.add(name, PageDates.SHOWN.format(date));
            case Enum<?> constant -> fields.add(name, constant.name());
            default -> fields.add(name, String.valueOf(value));
        }
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component.getName(), e);
        }
    }
}
