package nl.doorstroom.platform.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.springframework.kafka.streams.RecoveringDeserializationExceptionHandler;

/**
 * Kafka Streams' records that cannot be deserialised become dead letters, as with Spring Kafka's
 * {@link RecoveringDeserializationExceptionHandler}, with the failure named for what it is. A deserialiser may throw
 * anything (Apicurio's says {@code IllegalStateException} for a missing magic byte), which in the dead letter's
 * headers would look like a processing failure; so the exception is wrapped in Kafka's
 * {@link SerializationException} (with a fixed message), which the headers then name, with the original as its cause
 * in the stack trace.
 */
public class UnreadableRecordHandler extends RecoveringDeserializationExceptionHandler {

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        Exception unreadable = exception instanceof SerializationException ? exception
                : new SerializationException("The record could not be deserialised", exception);
        return super.handleError(context, record, unreadable);
    }
}
