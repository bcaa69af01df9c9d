package nl.doorstroom.platform.cloudevents;

/**
 * Kafka header names of the CloudEvents Kafka protocol binding, binary content mode. What goes in them follows the
 * NL GOV profile for CloudEvents: a {@code urn:nld:} source, a versioned reverse-DNS type, and never a BSN, V-number
 * or name (intermediaries may log headers).
 */
public final class CloudEventHeaders {

    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String CONTENT_TYPE = "content-type";

    public static final String SPEC_VERSION_1_0 = "1.0";
    /** Avro binary in the Confluent wire format; the schema is found in the registry by the id in the payload. */
    public static final String AVRO_CONTENT_TYPE = "application/avro";

    private CloudEventHeaders() {
    }
}
