package nl.doorstroom.platform.web;

import java.util.List;
import java.util.Map;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;

import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * A JSON value is read only in its own type: no {@code "12"} for a number, no {@code 1} for a text or a yes/no, no
 * {@code ""} for a number. Jackson would otherwise coerce such scalars silently, and a client would never learn that
 * it sends the wrong thing.
 */
class JsonInputStrictness implements JsonMapperBuilderCustomizer {

    /** For each kind of value, the other JSON shapes Jackson would coerce into it. */
    private static final Map<LogicalType, List<CoercionInputShape>> REFUSED = Map.of(
            LogicalType.Integer, List.of(CoercionInputShape.String, CoercionInputShape.EmptyString,
                    CoercionInputShape.Float, CoercionInputShape.Boolean),
            LogicalType.Float, List.of(CoercionInputShape.String, CoercionInputShape.EmptyString,
                    CoercionInputShape.Boolean),
            LogicalType.Boolean, List.of(CoercionInputShape.String, CoercionInputShape.EmptyString,
                    CoercionInputShape.Integer),
            LogicalType.Textual, List.of(CoercionInputShape.Integer, CoercionInputShape.Float,
                    CoercionInputShape.Boolean));

    @Override
    public void customize(JsonMapper.Builder builder) {
        REFUSED.forEach((type, shapes) -> builder.withCoercionConfig(type,
                config -> shapes.forEach(shape -> config.setCoercion(shape, CoercionAction.Fail))));
    }
}
