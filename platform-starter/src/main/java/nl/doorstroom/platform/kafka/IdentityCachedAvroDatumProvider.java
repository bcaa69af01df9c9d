package nl.doorstroom.platform.kafka;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.io.DatumReader;

import io.apicurio.registry.serde.avro.DefaultAvroDatumProvider;

/**
 * Apicurio's datum provider with its readers found by the writer schema's identity. The default finds a cached reader
 * by the schema's parsing fingerprint, which it computes from the schema's whole canonical form for every record read:
 * under load that was about 40 % of intake-service's CPU (a JFR profile during the fault matrix). The registry client
 * caches one {@link Schema} instance per schema id, so the same instance comes back and identity finds its reader.
 */
public class IdentityCachedAvroDatumProvider<T> extends DefaultAvroDatumProvider<T> {

    /** Far more schemas than a service reads: reaching it means instances are not reused, and the map starts over. */
    private static final int MAX_READERS = 1000;

    private final Map<Schema, DatumReader<T>> readers = Collections.synchronizedMap(new IdentityHashMap<>());

    @Override
    public DatumReader<T> createDatumReader(Schema schema) {
        DatumReader<T> reader = readers.get(schema);
        if (reader == null) {
            reader = super.createDatumReader(schema);
            if (readers.size() >= MAX_READERS) {
                readers.clear();
            }
            readers.put(schema, reader);
        }
        return reader;
    }
}
