package nl.doorstroom.platform.cloudevents;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Headers;

import nl.doorstroom.schemas.CloudEventTypes;

/**
 * Puts the CloudEvents attributes on every event record a service produces, whether from a template or from Kafka
 * Streams, so no producer can forget them. The type comes from the event's schema, the id and time from the envelope
 * ({@code eventId}, {@code occurredAt}) so a retried send keeps its identity. Records that are not events (state
 * store changelogs) and records that already carry the headers (dead letters, replays) are left as they are.
 */
public class CloudEventsProducerInterceptor implements ProducerInterceptor<Object, Object> {

    public static final String SOURCE_CONFIG = "doorstroom.cloud-events.source";

    private String source;

    @Override
    public void configure(Map<String, ?> configs) {
        Object configured = configs.get(SOURCE_CONFIG);
        if (configured == null || configured.toString().isBlank()) {
            throw new IllegalStateException(SOURCE_CONFIG + " must name this system as a urn:nld: URN");
        }
        source = configured.toString();
    }

    @Override
    public ProducerRecord<Object, Object> onSend(ProducerRecord<Object, Object> record) {
        Headers headers = record.headers();
        if (headers.lastHeader(CloudEventHeaders.ID) != null) {
            return record;
        }
        attributes(source, record.value()).forEach((name, value) -> put(headers, name, value));
        return record;
    }

    /**
     * The CloudEvents headers of an event envelope, in the order they are written; empty when the value is not an
     * event. Also used where an event is serialised before it is sent (the write path's proposals).
     */
    public static Map<String, String> attributes(String source, Object value) {
        String type = CloudEventTypes.of(value);
        if (type == null) {
            return Map.of();
        }
        IndexedRecord envelope = (IndexedRecord) value;
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        attributes.put(CloudEventHeaders.ID, field(envelope, "eventId", UUID.randomUUID().toString()));
        attributes.put(CloudEventHeaders.SOURCE, source);
        attributes.put(CloudEventHeaders.TYPE, type);
        attributes.put(CloudEventHeaders.TIME, time(envelope));
        attributes.put(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.AVRO_CONTENT_TYPE);
        String subject = field(envelope, "personId", null);
        if (subject != null) {
            // a random person id, never a BSN or V-number: intermediaries may log headers
            attributes.put(CloudEventHeaders.SUBJECT, subject);
        }
        return attributes;
    }

    private static String time(IndexedRecord envelope) {
        Schema.Field field = envelope.getSchema().getField("occurredAt");
        Object value = field == null ? null : envelope.get(field.pos());
        Instant time = value instanceof Instant instant ? instant : Instant.now();
        return DateTimeFormatter.ISO_INSTANT.format(time);
    }

    private static String field(IndexedRecord record, String name, String fallback) {
        Schema.Field field = record.getSchema().getField(name);
        Object value = field == null ? null : record.get(field.pos());
        return value == null ? fallback : value.toString();
    }

    private static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
    }

    @Override
    public void close() {
    }
}
