package nl.doorstroom.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.streams.RecoveringDeserializationExceptionHandler;

/** A record Streams could not read is a dead letter only when the record itself is wrong, not when the registry is away. */
class StreamsDeadLetterHandlersTest {

    private final List<ConsumerRecord<?, ?>> deadLetters = new CopyOnWriteArrayList<>();
    private final StreamsDeadLetterHandlers.Deserialization handler = new StreamsDeadLetterHandlers.Deserialization();
    private final ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("intake.person-events", 0, 42, new byte[0], new byte[]{1});

    StreamsDeadLetterHandlersTest() {
        ConsumerRecordRecoverer recoverer = (failed, exception) -> deadLetters.add(failed);
        // no pause before the thread fails: the test looks at the answer, not at the backoff
        handler.configure(Map.of(RecoveringDeserializationExceptionHandler.KSTREAM_DESERIALIZATION_RECOVERER, recoverer,
                StreamsDeadLetterHandlers.PAUSE_CONFIG, "0"));
    }

    @Test
    void aRecordThatIsNotAvroIsADeadLetterAndStreamsGoesOn() {
        var response = handler.handleError(context(), record, new SerializationException("Unknown magic byte!"));
        assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.RESUME);
        assertThat(deadLetters).containsExactly(record);
    }

    @Test
    void aRecordTheRegistryCouldNotResolveIsReadAgainNotDeadLettered() {
        var response = handler.handleError(context(), record,
                new SerializationException("schema lookup", new ConnectException("Connection refused")));
        assertThat(response.result()).as("the thread fails and is replaced").isEqualTo(DeserializationExceptionHandler.Result.FAIL);
        assertThat(deadLetters).isEmpty();
    }

    private static ErrorHandlerContext context() {
        return new ErrorHandlerContext() {
            @Override
            public String topic() {
                return "intake.person-events";
            }

            @Override
            public int partition() {
                return 0;
            }

            @Override
            public long offset() {
                return 42;
            }

            @Override
            public Headers headers() {
                return new RecordHeaders();
            }

            @Override
            public String processorNodeId() {
                return "source";
            }

            @Override
            public TaskId taskId() {
                return new TaskId(0, 0);
            }

            @Override
            public long timestamp() {
                return 0;
            }

            @Override
            public byte[] sourceRawKey() {
                return new byte[0];
            }

            @Override
            public byte[] sourceRawValue() {
                return new byte[]{1};
            }
        };
    }
}
