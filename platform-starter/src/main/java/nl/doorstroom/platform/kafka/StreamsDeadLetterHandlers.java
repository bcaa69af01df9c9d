package nl.doorstroom.platform.kafka;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.streams.RecoveringDeserializationExceptionHandler;
import org.springframework.kafka.streams.RecoveringProcessingExceptionHandler;

/**
 * Kafka Streams' dead-letter handlers with one exception: a record that fails because the broker or the registry
 * cannot be reached ({@link DependencyFailures}) is not a dead letter. The stream thread fails instead, after a pause;
 * the platform's uncaught-exception handler replaces it, and the new thread reads the record again from the last
 * commit (exactly once: the failed transaction is aborted). Only a record that is wrong in itself goes to
 * {@code <topic>.dlt}.
 */
public final class StreamsDeadLetterHandlers {

    private static final Logger log = LoggerFactory.getLogger(StreamsDeadLetterHandlers.class);
    /**
     * Streams setting: how long a failing thread waits before it ends (milliseconds, default 5 s), so an outage does
     * not spin thread after thread.
     */
    public static final String PAUSE_CONFIG = "doorstroom.unreachable.pause.ms";
    static final Duration PAUSE = Duration.ofSeconds(5);

    private StreamsDeadLetterHandlers() {
    }

    /**
     * For {@code deserialization.exception.handler}. The failure is named for what it is: a deserialiser may throw
     * anything (Apicurio's says {@code IllegalStateException} for a missing magic byte), which in the dead letter's
     * headers would look like a processing failure; so it is wrapped in Kafka's {@link SerializationException}, with
     * the original as its cause.
     */
    public static class Deserialization extends RecoveringDeserializationExceptionHandler {

        private Duration pause = PAUSE;

        @Override
        public void configure(Map<String, ?> configs) {
            super.configure(configs);
            pause = pauseOf(configs);
        }

        @Override
        public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
            if (DependencyFailures.isUnreachable(exception)) {
                pauseBeforeRetrying(context, exception, pause);
                return fail();
            }
            Exception unreadable = exception instanceof SerializationException ? exception
                    : new SerializationException("The record could not be deserialised", exception);
            return super.handleError(context, record, unreadable);
        }
    }

    /** For {@code processing.exception.handler}. */
    public static class Processing extends RecoveringProcessingExceptionHandler {

        private Duration pause = PAUSE;

        @Override
        public void configure(Map<String, ?> configs) {
            super.configure(configs);
            pause = pauseOf(configs);
        }

        @Override
        public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
            if (DependencyFailures.isUnreachable(exception)) {
                pauseBeforeRetrying(context, exception, pause);
                return fail();
            }
            return super.handleError(context, record, exception);
        }
    }

    private static Duration pauseOf(Map<String, ?> configs) {
        Object configured = configs.get(PAUSE_CONFIG);
        return configured == null ? PAUSE : Duration.ofMillis(Long.parseLong(configured.toString()));
    }

    /** The thread is about to be replaced: a backoff here, in the thread that fails, is all Streams leaves us. */
    private static void pauseBeforeRetrying(ErrorHandlerContext context, Exception exception, Duration pause) {
        log.warn("A record of {}-{} at {} could not be handled because a dependency is unreachable; it is read again "
                + "in {} ms, not dead-lettered: {}", context.topic(), context.partition(), context.offset(),
                pause.toMillis(), exception.toString());
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
