package nl.doorstroom.schemas;

import java.util.regex.Pattern;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.IndexedRecord;

/**
 * Each event type's CloudEvents {@code type} is part of its contract: the schema property {@value #SCHEMA_PROPERTY}
 * on the event's record, in the NL GOV profile's form (reverse DNS, no organisation name, one version suffix).
 */
public final class CloudEventTypes {

    public static final String SCHEMA_PROPERTY = "cloudEventType";

    public static final Pattern PATTERN = Pattern.compile("^[a-z0-9]+(\\.[a-z0-9-]+)+\\.v[0-9]+$");

    private CloudEventTypes() {
    }

    /**
     * The CloudEvents type of a topic envelope (taken from its payload) or of an event record itself;
     * {@code null} when the value is not an event (a state-store changelog record, for example).
     */
    public static String of(Object value) {
        if (!(value instanceof GenericContainer container)) {
            return null;
        }
        String own = container.getSchema().getProp(SCHEMA_PROPERTY);
        if (own != null) {
            return own;
        }
        Schema schema = container.getSchema();
        if (value instanceof IndexedRecord record && schema.getType() == Schema.Type.RECORD
                && schema.getField("payload") != null) {
            return of(record.get(schema.getField("payload").pos()));
        }
        return null;
    }
}
