package nl.doorstroom.platform.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

import nl.doorstroom.platform.privacy.PseudonymDomain;
import nl.doorstroom.platform.privacy.Pseudonyms;
import nl.doorstroom.platform.kafka.ReadModelUnavailableException;
import nl.doorstroom.schemas.Topics;
import nl.doorstroom.schemas.audit.ProcessingLogEntry;
import nl.doorstroom.schemas.audit.ProcessingLogEvent;

/**
 * Lists the processing log's entries of one data subject, for a platform operator answering an access request
 * (inzageverzoek). A bounded scan: it reads {@code audit.processing-log} from the beginning up to the end it saw when
 * it started, keeps the records whose key is the subject's pseudonym, and stops. The log is small and such requests
 * are rare, so a scan is simpler and as correct as a state store; it reads every partition, so a later change of the
 * partition count loses nothing. No consumer group: nothing is committed and no other reader is disturbed.
 */
public class ProcessingLogReader {

    private final Supplier<Consumer<String, Object>> consumers;
    private final Pseudonyms pseudonyms;
    private final Duration timeout;

    /**
     * @param consumers a new consumer per scan, configured like the service's consumers (registry, specific Avro,
     *                  read committed) but without a group
     */
    public ProcessingLogReader(Supplier<Consumer<String, Object>> consumers, Pseudonyms pseudonyms,
                               Duration timeout) {
        this.consumers = Objects.requireNonNull(consumers, "consumers");
        this.pseudonyms = Objects.requireNonNull(pseudonyms, "pseudonyms");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** Consumer settings for a scan: the service's own, without a group, never committing. */
    public static Map<String, Object> scanConsumerProperties(Map<String, Object> consumerProperties) {
        Map<String, Object> config = new HashMap<>(consumerProperties);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "processing-log-reader-" + UUID.randomUUID());
        return config;
    }

    /** The entries of the person with this id (pseudonymised first), oldest first. */
    public List<ProcessingLogEntry> entriesForSubject(String subjectId) {
        return entriesForPseudonym(pseudonyms.pseudonymOf(PseudonymDomain.AUDIT, subjectId));
    }

    /** The entries keyed by this pseudonym, oldest first. */
    public List<ProcessingLogEntry> entriesForPseudonym(String pseudonym) {
        Objects.requireNonNull(pseudonym, "pseudonym");
        Instant deadline = Instant.now().plus(timeout);
        List<ProcessingLogEntry> found = new ArrayList<>();
        try (Consumer<String, Object> consumer = consumers.get()) {
            scan(consumer, pseudonym, deadline, found);
        } catch (KafkaException e) {
            throw new ReadModelUnavailableException(Topics.AUDIT_PROCESSING_LOG.name(), e);
        }
        found.sort(Comparator.comparing(ProcessingLogEntry::getStartTime).thenComparing(ProcessingLogEntry::getSpanId));
        return found;
    }

    private void scan(Consumer<String, Object> consumer, String pseudonym, Instant deadline,
                      List<ProcessingLogEntry> found) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (PartitionInfo info : consumer.partitionsFor(Topics.AUDIT_PROCESSING_LOG.name(), timeout)) {
            partitions.add(new TopicPartition(info.topic(), info.partition()));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions, timeout));
        end.entrySet().removeIf(e -> consumer.position(e.getKey(), timeout) >= e.getValue());
        while (!end.isEmpty()) {
            Duration left = Duration.between(Instant.now(), deadline);
            if (left.isNegative() || left.isZero()) {
                throw new ReadModelUnavailableException(Topics.AUDIT_PROCESSING_LOG.name(),
                        new java.util.concurrent.TimeoutException("not read to its end within " + timeout));
            }
            for (ConsumerRecord<String, Object> record : consumer.poll(left.compareTo(Duration.ofMillis(500)) < 0
                    ? left : Duration.ofMillis(500))) {
                Long last = end.get(new TopicPartition(record.topic(), record.partition()));
                if (last != null && record.offset() < last && pseudonym.equals(record.key())
                        && record.value() instanceof ProcessingLogEvent event
                        && event.getPayload() instanceof ProcessingLogEntry entry) {
                    found.add(entry);
                }
            }
            end.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
        }
    }
}
