package nl.doorstroom.platform.write;

import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

import nl.doorstroom.schemas.platform.RequestDigests;

/**
 * What the write path reads from any service's event envelope, by field name: every envelope carries the record
 * version after the event and the digests of the request that caused it.
 */
final class Envelopes {

    private Envelopes() {
    }

    /** The record version the event names; 0 for an event written before envelopes carried one. */
    static int recordVersion(IndexedRecord event) {
        Schema.Field field = event.getSchema().getField("recordVersion");
        return field != null && event.get(field.pos()) instanceof Integer version ? version : 0;
    }

    /** The digests of the request that caused the event; {@code null} for a request without Idempotency-Key. */
    static RequestDigests digests(IndexedRecord event) {
        Schema.Field field = event.getSchema().getField("idempotency");
        if (field == null || !(event.get(field.pos()) instanceof IndexedRecord idempotency)) {
            return null;
        }
        Schema schema = idempotency.getSchema();
        return new RequestDigests(idempotency.get(schema.getField("keyDigest").pos()).toString(),
                idempotency.get(schema.getField("requestDigest").pos()).toString());
    }
}
