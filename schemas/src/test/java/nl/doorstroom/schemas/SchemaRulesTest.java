package nl.doorstroom.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.Test;

import nl.doorstroom.schemas.intake.IntakeRecordState;
import nl.doorstroom.schemas.platform.WriterState;
import nl.doorstroom.schemas.trajectory.HandoverDossier;
import nl.doorstroom.schemas.trajectory.TrajectoryRecordState;

/** House rules for contracts that the Avro compiler does not check. */
class SchemaRulesTest {

    private static final List<Schema> ALL_SCHEMAS = new ArrayList<>();

    static {
        Topics.ALL.forEach(t -> ALL_SCHEMAS.add(SpecificData.get().getSchema(t.valueType())));
        ALL_SCHEMAS.add(HandoverDossier.getClassSchema());
        ALL_SCHEMAS.add(IntakeRecordState.getClassSchema());
        ALL_SCHEMAS.add(TrajectoryRecordState.getClassSchema());
        ALL_SCHEMAS.add(WriterState.getClassSchema());
    }

    @Test
    void everyEnumHasADefaultSymbol() {
        for (Schema enumSchema : namedTypes(Schema.Type.ENUM)) {
            assertThat(enumSchema.getEnumDefault()).as("default symbol of %s", enumSchema.getFullName()).isNotNull();
        }
    }

    /**
     * Event topics carry one envelope per topic with a union of event types; compacted topics carry the latest state
     * per key (a profile, a data key) instead, which is not an event and has no CloudEvents type.
     */
    private static List<Topic<?, ?>> eventTopics() {
        return Topics.ALL.stream().filter(t -> !t.compacted()).toList();
    }

    @Test
    void eventTopicsAreEnvelopesAndStateTopicsAreNot() {
        for (Topic<?, ?> topic : Topics.ALL) {
            Schema value = SpecificData.get().getSchema(topic.valueType());
            assertThat(value.getField("payload") != null)
                    .as("%s: an event topic has an envelope with a payload union, a compacted topic holds state", topic.name())
                    .isEqualTo(!topic.compacted());
            assertThat(value.getProp(CloudEventTypes.SCHEMA_PROPERTY)).as("CloudEvents type of %s", value.getFullName()).isNull();
        }
    }

    @Test
    void everyEventTypeOnATopicNamesItsCloudEventType() {
        for (Topic<?, ?> topic : eventTopics()) {
            Schema envelope = SpecificData.get().getSchema(topic.valueType());
            Schema payload = envelope.getField("payload").schema();
            assertThat(payload.getType()).isEqualTo(Schema.Type.UNION);
            for (Schema eventType : payload.getTypes()) {
                assertThat(eventType.getProp(CloudEventTypes.SCHEMA_PROPERTY))
                        .as("CloudEvents type of %s", eventType.getFullName())
                        .matches(CloudEventTypes.PATTERN);
            }
        }
    }

    @Test
    void cloudEventTypesAreUnique() {
        Set<String> seen = new HashSet<>();
        for (Topic<?, ?> topic : eventTopics()) {
            for (Schema eventType : SpecificData.get().getSchema(topic.valueType()).getField("payload").schema().getTypes()) {
                assertThat(seen.add(eventType.getProp(CloudEventTypes.SCHEMA_PROPERTY))).isTrue();
            }
        }
    }

    private static List<Schema> namedTypes(Schema.Type type) {
        List<Schema> found = new ArrayList<>();
        Set<String> visited = new HashSet<>();
        ALL_SCHEMAS.forEach(s -> collect(s, type, found, visited));
        return found;
    }

    private static void collect(Schema schema, Schema.Type type, List<Schema> found, Set<String> visited) {
        switch (schema.getType()) {
            case RECORD -> {
                if (visited.add(schema.getFullName())) {
                    schema.getFields().forEach(f -> collect(f.schema(), type, found, visited));
                }
            }
            case ENUM -> {
                if (visited.add(schema.getFullName()) && type == Schema.Type.ENUM) {
                    found.add(schema);
                }
            }
            case UNION -> schema.getTypes().forEach(t -> collect(t, type, found, visited));
            case ARRAY -> collect(schema.getElementType(), type, found, visited);
            case MAP -> collect(schema.getValueType(), type, found, visited);
            default -> { }
        }
    }
}
