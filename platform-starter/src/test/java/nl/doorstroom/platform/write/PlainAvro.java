package nl.doorstroom.platform.write;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** Plain Avro binary serdes: the write path's rules do not depend on the registry's wire format. */
final class PlainAvro {

    private PlainAvro() {
    }

    static <T extends SpecificRecord> Serde<T> serde(Class<T> type) {
        SpecificDatumWriter<T> writer = new SpecificDatumWriter<>(type);
        SpecificDatumReader<T> reader = new SpecificDatumReader<>(type);
        return Serdes.serdeFrom((topic, value) -> {
            if (value == null) {
                return null;
            }
            try {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                var encoder = EncoderFactory.get().binaryEncoder(out, null);
                writer.write(value, encoder);
                encoder.flush();
                return out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return reader.read(null, DecoderFactory.get().binaryDecoder(bytes, null));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
