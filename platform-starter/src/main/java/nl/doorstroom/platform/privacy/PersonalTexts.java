package nl.doorstroom.platform.privacy;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BinaryOperator;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Free text that describes a person (findings, notes, job titles, wishes, diplomas, ...), sealed with the person's
 * own key wherever it travels or is stored, so erasing the key leaves none of it readable: on topics, in state
 * stores and their changelogs, in dead letters and backups.
 *
 * <p>A contract marks such a field with the schema property {@code "personalData": "free-text"} (a string, or an array
 * of strings). The field keeps its type: a sealed value is the text {@value #PREFIX} followed by the Base64 of the
 * ciphertext ({@link PersonalDataCipher}: AES256-GCM with the person id as associated data), so the released schema
 * versions stay compatible and a value written before sealing (no prefix) is still read as it was, until the
 * migration seals it. The person is the record's top-level {@code personId}, unless the record names another field
 * in {@value #SUBJECT}.
 *
 * <p>The platform's write path seals every event it appends ({@link #sealAll}); the record stores open what they hand
 * out ({@link #openAll}). Code that builds events or views never sees a sealed value.
 */
public class PersonalTexts {

    /** The schema property that marks a field as personal data, and its value for free text. */
    public static final String PROPERTY = "personalData";
    public static final String FREE_TEXT = "free-text";
    /** The record property naming the top-level field whose value is the subject, when that is not {@code personId}. */
    public static final String SUBJECT = "personalDataSubject";
    static final String PREFIX = "sealed:v1:";

    private static final Map<Schema, Boolean> CARRIES = new ConcurrentHashMap<>();

    private final PersonalDataCipher cipher;

    public PersonalTexts(PersonalDataCipher cipher) {
        this.cipher = Objects.requireNonNull(cipher, "cipher");
    }

    /** The text sealed with the person's key (created if the person has none); null stays null, sealed stays as is. */
    public String seal(String personId, String text) {
        if (text == null || isSealed(text)) {
            return text;
        }
        return PREFIX + Base64.getEncoder().encodeToString(cipher.encryptText(personId, text));
    }

    /**
     * The text of a sealed value; a value written before sealing as it is; {@code null} for {@code null} and once the
     * person has been erased (their records are dropped then, so nobody asks).
     *
     * @throws PersonalDataUnreadableException the value is sealed for another person or altered
     */
    public String open(String personId, String value) {
        if (value == null || !isSealed(value)) {
            return value;
        }
        try {
            return cipher.decryptText(personId, Base64.getDecoder().decode(value.substring(PREFIX.length())));
        } catch (SubjectErasedException e) {
            return null;
        }
    }

    /** A copy of the record with every personal text sealed; the record itself when its schema has none. */
    public <T extends IndexedRecord> T sealAll(T record) {
        return transform(record, this::seal);
    }

    /**
     * A copy of the record with every personal text opened; the record itself when its schema has none. Once the
     * person is erased a text is gone: {@code null}, or empty where the contract requires a text.
     */
    public <T extends IndexedRecord> T openAll(T record) {
        return transform(record, this::open);
    }

    /**
     * A copy of the record without its personal texts ({@code null}, or empty where the contract requires a text): for
     * text of an erased person found in plain, which no key can seal any more.
     */
    public static <T extends IndexedRecord> T dropAll(T record) {
        return transform(record, (personId, text) -> null);
    }

    /** Whether a value is sealed (as opposed to plain text written before sealing). */
    public static boolean isSealed(CharSequence value) {
        return value != null && value.toString().startsWith(PREFIX);
    }

    /** Whether records of this schema (or anything nested in them) have a field marked as personal free text. */
    public static boolean carriesPersonalText(Schema schema) {
        return CARRIES.computeIfAbsent(schema, s -> carries(s, new HashSet<>()));
    }

    /**
     * The personal texts of a record that are not sealed, as {@code field.field[index]} paths: empty for a record that
     * keeps its promise. An empty text holds nothing to seal.
     */
    public static List<String> unsealed(IndexedRecord record) {
        List<String> found = new ArrayList<>();
        if (record != null && carriesPersonalText(record.getSchema())) {
            visit(record, "", (path, text) -> {
                if (!text.isEmpty() && !isSealed(text)) {
                    found.add(path);
                }
                return text;
            });
        }
        return found;
    }

    @SuppressWarnings("unchecked")
    private static <T extends IndexedRecord> T transform(T record, BinaryOperator<String> operation) {
        if (record == null || !carriesPersonalText(record.getSchema())) {
            return record;
        }
        String personId = personIdOf(record);
        GenericData data = record instanceof SpecificRecord ? SpecificData.getForClass(record.getClass()) : GenericData.get();
        T copy = (T) data.deepCopy(record.getSchema(), record);
        visit(copy, "", (path, text) -> operation.apply(personId, text));
        return copy;
    }

    /**
     * The subject a record with personal text is about, whose key seals it: its top-level {@code personId}, or the
     * field its schema names in {@value #SUBJECT} (a candidate pseudonym: a key of its own, forgotten apart from the
     * person's).
     */
    public static String personIdOf(IndexedRecord record) {
        String subject = record.getSchema().getProp(SUBJECT);
        String fieldName = subject == null ? "personId" : subject;
        Schema.Field field = record.getSchema().getField(fieldName);
        Object personId = field == null ? null : record.get(field.pos());
        if (personId == null) {
            throw new IllegalArgumentException(record.getSchema().getFullName()
                    + " has personal free text, so it must name its subject in " + fieldName);
        }
        return personId.toString();
    }

    /** Replaces every personal text in place by what {@code text} makes of it (path, value). */
    private static void visit(IndexedRecord record, String path, BinaryOperator<String> text) {
        for (Schema.Field field : record.getSchema().getFields()) {
            Object value = record.get(field.pos());
            String at = path.isEmpty() ? field.name() : path + "." + field.name();
            if (value == null) {
                continue;
            }
            if (FREE_TEXT.equals(field.getProp(PROPERTY))) {
                Object replaced = texts(value, at, text);
                record.put(field.pos(), replaced == null && !field.schema().isNullable() ? "" : replaced);
            } else {
                visitValue(value, at, text);
            }
        }
    }

    private static Object texts(Object value, String path, BinaryOperator<String> text) {
        if (value instanceof Collection<?> values) {
            List<String> changed = new ArrayList<>(values.size());
            int index = 0;
            for (Object each : values) {
                String replaced = each == null ? null : text.apply(path + "[" + index++ + "]", each.toString());
                if (replaced != null) {
                    changed.add(replaced);
                }
            }
            return changed;
        }
        return text.apply(path, value.toString());
    }

    private static void visitValue(Object value, String path, BinaryOperator<String> text) {
        switch (value) {
            case IndexedRecord nested -> visit(nested, path, text);
            case Collection<?> values -> {
                int index = 0;
                for (Object each : values) {
                    visitValue(each, path + "[" + index++ + "]", text);
                }
            }
            case Map<?, ?> map -> map.forEach((key, each) -> visitValue(each, path + "[" + key + "]", text));
            default -> {
            }
        }
    }

    private static boolean carries(Schema schema, Set<String> seen) {
        return switch (schema.getType()) {
            case RECORD -> seen.add(schema.getFullName()) && schema.getFields().stream().anyMatch(field ->
                    FREE_TEXT.equals(field.getProp(PROPERTY)) || carries(field.schema(), seen));
            case UNION -> schema.getTypes().stream().anyMatch(branch -> carries(branch, seen));
            case ARRAY -> carries(schema.getElementType(), seen);
            case MAP -> carries(schema.getValueType(), seen);
            default -> false;
        };
    }
}
