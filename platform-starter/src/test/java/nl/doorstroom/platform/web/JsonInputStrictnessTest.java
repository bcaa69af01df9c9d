package nl.doorstroom.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

/** A JSON value is read only in its own type. */
class JsonInputStrictnessTest {

    record Input(Integer version, String name, Boolean ready, Double hours) {
    }

    private final JsonMapper json = strict();

    private static JsonMapper strict() {
        JsonMapper.Builder builder = JsonMapper.builder();
        new JsonInputStrictness().customize(builder);
        return builder.build();
    }

    @Test
    void valuesInTheirOwnTypeAreRead() {
        assertThat(json.readValue("""
                {"version":3,"name":"Amina","ready":true,"hours":12.5}""", Input.class))
                .isEqualTo(new Input(3, "Amina", true, 12.5));
        assertThat(json.readValue("""
                {"hours":12}""", Input.class).hours()).isEqualTo(12.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"version\":\"3\"}", "{\"version\":\"\"}", "{\"version\":true}", "{\"version\":1.9}",
            "{\"name\":12}", "{\"name\":1.5}", "{\"name\":false}",
            "{\"ready\":\"true\"}", "{\"ready\":1}",
            "{\"hours\":\"12\"}", "{\"hours\":true}"})
    void aScalarInAnotherTypeIsRefused(String body) {
        assertThatThrownBy(() -> json.readValue(body, Input.class)).isInstanceOf(MismatchedInputException.class);
    }
}
