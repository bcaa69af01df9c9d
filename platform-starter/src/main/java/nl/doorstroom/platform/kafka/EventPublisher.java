package nl.doorstroom.platform.kafka;

import java.time.Duration;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import nl.doorstroom.schemas.Topic;

/**
 * Publishes one event to a catalogue topic and returns only once the broker has acknowledged it (acks=all), so an
 * HTTP write that answers success has really been stored; otherwise the caller gets {@link EventNotPublishedException}
 * and the request is answered 503 with Retry-After.
 */
public class EventPublisher {

    private final KafkaTemplate<Object, Object> template;
    private final Duration timeout;
    private final DependencyBreakers breakers;

    /** A publisher with breakers of its own (tests, tools). */
    public EventPublisher(KafkaTemplate<Object, Object> template, Duration timeout) {
        this(template, timeout, new DependencyBreakers());
    }

    /** @param breakers the service's breakers: while the broker is known to be away, publishing fails at once */
    public EventPublisher(KafkaTemplate<Object, Object> template, Duration timeout, DependencyBreakers breakers) {
        this.template = template;
        this.timeout = timeout;
        this.breakers = breakers;
    }

    public <K, V> RecordMetadata publish(Topic<K, V> topic, K key, V event) {
        // a tombstone has no value, which Map.entry does not take
        return publishAll(topic, List.of(new AbstractMap.SimpleImmutableEntry<>(key, event))).getFirst();
    }

    /**
     * Publishes several events and returns once the broker has acknowledged all of them: every event is sent before
     * any acknowledgement is awaited, so a batch (the processing log of a list page, say) costs one round trip to the
     * broker instead of one per event.
     */
    public <K, V> List<RecordMetadata> publishAll(Topic<K, V> topic, List<Map.Entry<K, V>> events) {
        return breakers.call(DependencyBreakers.Dependency.BROKER, () -> acknowledged(topic, events));
    }

    private <K, V> List<RecordMetadata> acknowledged(Topic<K, V> topic, List<Map.Entry<K, V>> events) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            List<CompletableFuture<SendResult<Object, Object>>> sent = new ArrayList<>(events.size());
            for (Map.Entry<K, V> event : events) {
                sent.add(template.send(topic.name(), event.getKey(), event.getValue()));
            }
            List<RecordMetadata> acknowledged = new ArrayList<>(sent.size());
            for (CompletableFuture<SendResult<Object, Object>> send : sent) {
                long left = Math.max(0, deadline - System.nanoTime());
                acknowledged.add(send.get(left, TimeUnit.NANOSECONDS).getRecordMetadata());
            }
            return acknowledged;
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
