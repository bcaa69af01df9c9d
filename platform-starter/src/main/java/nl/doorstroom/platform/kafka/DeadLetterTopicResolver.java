package nl.doorstroom.platform.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.springframework.kafka.streams.KafkaStreamsDeadLetterDestinationResolver;

import nl.doorstroom.schemas.Topic;

/** Sends a record that Kafka Streams could not read or process to {@code <source topic>.dlt}, same partition. */
public class DeadLetterTopicResolver implements KafkaStreamsDeadLetterDestinationResolver {

    @Override
    public TopicPartition resolve(ErrorHandlerContext context, ConsumerRecord<?, ?> record, Exception exception) {
        return new TopicPartition(context.topic() + Topic.DEAD_LETTER_SUFFIX, context.partition());
    }
}
