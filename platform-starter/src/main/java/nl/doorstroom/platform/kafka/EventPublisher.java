package nl.doorstroom.platform.kafka;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.springframework.kafka.core.KafkaTemplate;

import nl.doorstroom.schemas.Topic;

/**
 * Publishes one event to a catalogue topic and returns only once the broker has acknowledged it (acks=all), so an
 * HTTP write that answers success has really been stored; otherwise the caller gets {@link EventNotPublishedException}
 * and the request is answered 503 with Retry-After.
 */
public class EventPublisher {

    private final KafkaTemplate<Object, Object> template;
    private final Duration timeout;

    public EventPublisher(KafkaTemplate<Object, Object> template, Duration timeout) {
        this.template = template;
        this.timeout = timeout;
    }

    public <K, V> RecordMetadata publish(Topic<K, V> topic, K key, V event) {
        try {
            return template.send(topic.name(), key, event).get(timeout.toMillis(), TimeUnit.MILLISECONDS).getRecordMetadata();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventNotPublishedException(topic.name(), e);
        } catch (ExecutionException e) {
            throw new EventNotPublishedException(topic.name(), e.getCause());
        } catch (TimeoutException | RuntimeException e) {
            throw new EventNotPublishedException(topic.name(), e);
        }
    }
}
