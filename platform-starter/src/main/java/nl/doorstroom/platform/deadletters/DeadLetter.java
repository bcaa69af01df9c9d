package nl.doorstroom.platform.deadletters;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.serializer.DeserializationException;

import com.fasterxml.jackson.annotation.JsonValue;

import io.swagger.v3.oas.annotations.media.Schema;
import nl.doorstroom.schemas.platform.DeadLetterReplay;

/**
 * One dead letter as an operator sees it: where the record was and why it failed, never what it held. The value
 * bytes and the exception's message and stack trace (Spring Kafka's {@code kafka_dlt-exception-message} and
 * {@code -stacktrace} headers) may quote personal data, so they are not read at all.
 *
 * @param id         {@code <dead-letter topic>-<partition>-<offset>}
 * @param topic      the source topic the record failed on
 * @param partition  the record's partition there (a replay goes back to it)
 * @param offset     the record's offset there
 * @param timestamp  the record's own timestamp
 * @param key        the record key as text (a random person id, or a digest); {@code null} if it is not plain text
 * @param reason     the simple name of the exception's class
 * @param category   what kind of failure that was
 * @param replayed   whether it was replayed
 * @param replayedAt when, if it was
 */
public record DeadLetter(
        @Schema(example = "intake.person-events.dlt-0-42") String id,
        @Schema(example = "intake.person-events") String topic,
        int partition,
        long offset,
        Instant timestamp,
        @Schema(example = "0f8fad5b-d9cb-469f-a165-70867728950e") String key,
        @Schema(example = "DeserializationException") String reason,
        Category category,
        boolean replayed,
        Instant replayedAt) {

    /** A fixed, data-free explanation of a failure. */
    public enum Category {
        /** The record could not be deserialised (not Avro, an unknown schema, a broken key). */
        UNREADABLE,
        /** The record was read, but processing it failed. */
        REJECTED;

        @JsonValue
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The dead letter at this record of a dead-letter topic, with its replay marker if it has one. */
    static DeadLetter of(ConsumerRecord<byte[], byte[]> record, DeadLetterReplay replay) {
        DeadLetterId id = new DeadLetterId(record.topic(), record.partition(), record.offset());
        Headers headers = record.headers();
        String exception = text(headers, KafkaHeaders.DLT_EXCEPTION_FQCN);
        String cause = text(headers, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN);
        String keyException = text(headers, KafkaHeaders.DLT_KEY_EXCEPTION_FQCN);
        // Spring Kafka's cause header names the exception inside a listener's ListenerExecutionFailedException (and
        // else the exception itself): that is the reason
        String failure = keyException != null ? keyException : cause != null ? cause : exception;
        boolean unreadable = keyException != null || isDeserialisation(exception);
        long originalTimestamp = number(headers, KafkaHeaders.DLT_ORIGINAL_TIMESTAMP, record.timestamp());
        return new DeadLetter(id.toString(), sourceTopic(headers, id),
                (int) number(headers, KafkaHeaders.DLT_ORIGINAL_PARTITION, record.partition()),
                originalOffset(headers),
                Instant.ofEpochMilli(originalTimestamp), keyText(record.key()), simpleName(failure),
                unreadable ? Category.UNREADABLE : Category.REJECTED,
                replay != null, replay == null ? null : replay.getReplayedAt());
    }

    /** The source topic: the one the headers name if it is this dead-letter topic's own, else the topic's name. */
    static String sourceTopic(Headers headers, DeadLetterId id) {
        String named = text(headers, KafkaHeaders.DLT_ORIGINAL_TOPIC);
        return id.sourceTopic().equals(named) ? named : id.sourceTopic();
    }

    /** The failed record's offset on its source topic, or -1 if the headers do not say. */
    static long originalOffset(Headers headers) {
        return number(headers, KafkaHeaders.DLT_ORIGINAL_OFFSET, -1);
    }

    /** The original partition (Spring Kafka writes it as a 4-byte int), or the dead letter's own. */
    static int sourcePartition(Headers headers, int deadLetterPartition) {
        return (int) number(headers, KafkaHeaders.DLT_ORIGINAL_PARTITION, deadLetterPartition);
    }

    private static boolean isDeserialisation(String className) {
        if (className == null) {
            return false;
        }
        try {
            Class<?> type = Class.forName(className, false, DeadLetter.class.getClassLoader());
            return SerializationException.class.isAssignableFrom(type)
                    || DeserializationException.class.isAssignableFrom(type);
        } catch (ClassNotFoundException | LinkageError e) {
            // a class this service does not have: the name still tells
            return className.contains("Serializ");
        }
    }

    private static String simpleName(String className) {
        if (className == null || className.isBlank()) {
            return null;
        }
        return className.substring(className.lastIndexOf('.') + 1).replace('$', '.');
    }

    /** A key is shown only as what it is in Doorstroom: short printable text. */
    private static String keyText(byte[] key) {
        if (key == null) {
            return null;
        }
        String text = new String(key, StandardCharsets.UTF_8);
        return text.matches("[\\x21-\\x7E]{1,200}") ? text : null;
    }

    private static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Spring Kafka writes partition, offset and timestamp as big-endian binary numbers (4 or 8 bytes). */
    private static long number(Headers headers, String name, long absent) {
        Header header = headers.lastHeader(name);
        if (header == null || header.value() == null) {
            return absent;
        }
        ByteBuffer value = ByteBuffer.wrap(header.value());
        return switch (header.value().length) {
            case Integer.BYTES -> value.getInt();
            case Long.BYTES -> value.getLong();
            default -> absent;
        };
    }
}
