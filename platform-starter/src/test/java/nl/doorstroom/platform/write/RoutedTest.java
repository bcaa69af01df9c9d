package nl.doorstroom.platform.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** A routed record goes to its own topic with its bytes as they are, and reads back as the same. */
class RoutedTest {

    @Test
    void writesItsBytesUnchangedToItsOwnTopic() {
        byte[] bytes = "serialised event".getBytes(StandardCharsets.UTF_8);
        Routed routed = new Routed("intake.person-events", bytes);
        assertThat(Routed.TOPIC.extract("p-1", routed, null)).isEqualTo("intake.person-events");
        byte[] written = Routed.serde().serializer().serialize("intake.person-events", routed);
        assertThat(written).isEqualTo(bytes);
        Routed read = Routed.serde().deserializer().deserialize("intake.person-events", written);
        assertThat(read.topic()).isEqualTo("intake.person-events");
        assertThat(read.bytes()).isEqualTo(bytes);
        assertThat(Routed.serde().serializer().serialize("any", null)).isNull();
    }
}
