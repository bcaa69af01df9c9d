package nl.doorstroom.platform.write;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.TopicNameExtractor;

/**
 * A record the writer sends on, already serialised, with the topic it goes to: one sink serves the events, the
 * outcomes and the proposals passed on between claims and writer, in the writer's exactly-once transaction.
 */
record Routed(String topic, byte[] bytes) {

    static final TopicNameExtractor<String, Routed> TOPIC = (key, value, context) -> value.topic();

    static Serde<Routed> serde() {
        return Serdes.serdeFrom((topic, routed) -> routed == null ? null : routed.bytes(),
                (topic, bytes) -> bytes == null ? null : new Routed(topic, bytes));
    }
}
