package nl.doorstroom.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

import nl.doorstroom.schemas.platform.DeadLetterReplay;

class IdentityCachedAvroDatumProviderTest {

    private final IdentityCachedAvroDatumProvider<Object> provider = new IdentityCachedAvroDatumProvider<>();

    IdentityCachedAvroDatumProviderTest() {
        provider.setUseSpecificAvroReader(true);
    }

    @Test
    void theSameSchemaInstanceGetsTheSameReaderAndItReadsTheSpecificRecord() throws IOException {
        Schema writer = new Schema.Parser().parse(DeadLetterReplay.getClassSchema().toString());
        DeadLetterReplay replay = new DeadLetterReplay("intake.person-events.dlt-0-42", "intake.person-events", 41L, 0, 977L,
                Instant.now().truncatedTo(ChronoUnit.MILLIS));

        DatumReader<Object> reader = provider.createDatumReader(writer);

        assertThat(provider.createDatumReader(writer)).isSameAs(reader);
        assertThat(reader.read(null, DecoderFactory.get().binaryDecoder(bytes(replay), null))).isEqualTo(replay);
    }

    private static byte[] bytes(DeadLetterReplay replay) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<>(DeadLetterReplay.class).write(replay, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
