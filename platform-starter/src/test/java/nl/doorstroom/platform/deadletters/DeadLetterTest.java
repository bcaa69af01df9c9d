package nl.doorstroom.platform.deadletters;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;

/** How a dead letter's record and headers are shown: where, when and why, never what. */
class DeadLetterTest {

    @Test
    void anIdNamesTheDeadLetterTopicPartitionAndOffset() {
        DeadLetterId id = DeadLetterId.parse("intake.person-events.write-proposals.dlt-2-15").orElseThrow();
        assertThat(id.deadLetterTopic()).isEqualTo("intake.person-events.write-proposals.dlt");
        assertThat(id.sourceTopic()).isEqualTo("intake.person-events.write-proposals");
        assertThat(id.partition()).isEqualTo(2);
        assertThat(id.offset()).isEqualTo(15);
        assertThat(id).hasToString("intake.person-events.write-proposals.dlt-2-15");
        assertThat(DeadLetterId.parse("intake.person-events-2-15")).isEqualTo(Optional.empty());
        assertThat(DeadLetterId.parse("not-an-id")).isEmpty();
        assertThat("intake.person-events.dlt-0-42").matches(DeadLetterId.PATTERN);
    }

    @Test
    void aRecordStreamsCouldNotReadIsUnreadable() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(KafkaHeaders.DLT_ORIGINAL_TOPIC, bytes("intake.person-events"));
        headers.add(KafkaHeaders.DLT_ORIGINAL_PARTITION, ByteBuffer.allocate(4).putInt(0).array());
        headers.add(KafkaHeaders.DLT_ORIGINAL_OFFSET, ByteBuffer.allocate(8).putLong(41).array());
        headers.add(KafkaHeaders.DLT_ORIGINAL_TIMESTAMP, ByteBuffer.allocate(8).putLong(1_000).array());
        headers.add(KafkaHeaders.DLT_EXCEPTION_FQCN, bytes("org.apache.kafka.common.errors.SerializationException"));
        headers.add(KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN, bytes("org.apache.kafka.common.errors.SerializationException"));
        headers.add(KafkaHeaders.DLT_EXCEPTION_MESSAGE, bytes("Unknown magic byte! Amina Haddad"));

        DeadLetter letter = DeadLetter.of(record("intake.person-events.dlt", 0, 7, bytes("0f8fad5b-d9cb-469f"), headers), null);

        assertThat(letter.id()).isEqualTo("intake.person-events.dlt-0-7");
        assertThat(letter.topic()).isEqualTo("intake.person-events");
        assertThat(letter.offset()).isEqualTo(41);
        assertThat(letter.timestamp()).isEqualTo(Instant.ofEpochMilli(1_000));
        assertThat(letter.key()).isEqualTo("0f8fad5b-d9cb-469f");
        assertThat(letter.reason()).isEqualTo("SerializationException");
        assertThat(letter.category()).isEqualTo(DeadLetter.Category.UNREADABLE);
        assertThat(letter.replayed()).isFalse();
        assertThat(letter.toString()).doesNotContain("Amina", "Haddad", "magic");
    }

    @Test
    void aRecordAListenerKeptFailingOnIsRejectedAndABinaryKeyIsNotShown() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(KafkaHeaders.DLT_EXCEPTION_FQCN,
                bytes("org.springframework.kafka.listener.ListenerExecutionFailedException"));
        headers.add(KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN, bytes("java.lang.IllegalStateException"));

        DeadLetter letter = DeadLetter.of(record("trajectory.trajectory-events.dlt", 1, 3, new byte[] {0, 1, 2}, headers),
                null);

        assertThat(letter.topic()).as("from the topic's name when the headers do not say").isEqualTo("trajectory.trajectory-events");
        assertThat(letter.partition()).isEqualTo(1);
        assertThat(letter.reason()).isEqualTo("IllegalStateException");
        assertThat(letter.category()).isEqualTo(DeadLetter.Category.REJECTED);
        assertThat(letter.key()).isNull();
    }

    private static ConsumerRecord<byte[], byte[]> record(String topic, int partition, long offset, byte[] key,
                                                          RecordHeaders headers) {
        return new ConsumerRecord<>(topic, partition, offset, 5_000, TimestampType.CREATE_TIME, key.length, 3, key,
                bytes("Amina Haddad"), headers, Optional.empty());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
