package nl.doorstroom.trajectory.handover;


import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import nl.doorstroom.platform.kafka.AvroSerdes;
import nl.doorstroom.schemas.Topics;
import nl.doorstroom.schemas.intake.PersonEvent;
import nl.doorstroom.schemas.trajectory.HandoverDossier;

/**
 * Materialises the handover read models from {@code intake.person-events}, in one processor so that a dossier and
 * the inbox entry that points at it change in the same Streams transaction:
 * <ul>
 *     <li>{@value #DOSSIERS}: person id → {@link HandoverDossier};</li>
 *     <li>{@value #INBOX}: {@code <municipality code>|<person id>} → time of the link (epoch millis), one entry per
 *     linked person, read with a prefix scan on {@code <municipality code>|}.</li>
 * </ul>
 * Both stores are co-partitioned with the source topic (keyed by person id). Records that cannot be read or
 * processed go to {@code intake.person-events.dlt} through the platform's Streams exception handlers.
 */
@Configuration(proxyBeanMethods = false)
public class HandoverTopology {

    public static final String DOSSIERS = "handover-dossiers";
    public static final String INBOX = "municipality-inbox";
    static final char SEPARATOR = '|';

    /** Inbox key of a person linked to a municipality. */
    static String inboxKey(String municipalityCode, String personId) {
        return inboxPrefix(municipalityCode) + personId;
    }

    /** Prefix of every inbox key of one municipality. */
    static String inboxPrefix(String municipalityCode) {
        return municipalityCode + SEPARATOR;
    }

    /** Person id of an inbox key. */
    static String personIdOf(String inboxKey) {
        return inboxKey.substring(inboxKey.indexOf(SEPARATOR) + 1);
    }

    @Bean
    KStream<String, PersonEvent> handoverStream(StreamsBuilder builder, KafkaProperties kafka) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DOSSIERS),
                        Serdes.String(), AvroSerdes.<HandoverDossier>valueSerde(kafka))
                .withCachingDisabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(INBOX),
                        Serdes.String(), Serdes.Long())
                .withCachingDisabled());
        KStream<String, PersonEvent> events = builder.stream(Topics.INTAKE_PERSON_EVENTS.name(),
                Consumed.with(Serdes.String(), AvroSerdes.<PersonEvent>valueSerde(kafka)));
        events.process(HandoverProcessor::new, DOSSIERS, INBOX);
        return events;
    }

    /** Applies each event to the person's dossier and keeps the inbox entries in step. */
    static final class HandoverProcessor implements Processor<String, PersonEvent, Void, Void> {

        private static final Logger log = LoggerFactory.getLogger(HandoverProcessor.class);

        private KeyValueStore<String, HandoverDossier> dossiers;
        private KeyValueStore<String, Long> inbox;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            dossiers = context.getStateStore(DOSSIERS);
            inbox = context.getStateStore(INBOX);
        }

        @Override
        public void process(Record<String, PersonEvent> record) {
            PersonEvent event = record.value();
            if (event == null) {
                return;
            }
            if (record.key() != null && !record.key().equals(event.getPersonId())) {
                // one writer per key: an event filed under another person's key must not change either dossier
                throw new IllegalArgumentException("record key does not match the event's personId (event "
                        + event.getEventId() + ")");
            }
            HandoverDossier current = dossiers.get(event.getPersonId());
            HandoverDossiers.Applied applied = HandoverDossiers.apply(current, event);
            if (!applied.changed()) {
                log.debug("event {} changed nothing in dossier {}", event.getEventId(), event.getPersonId());
                return;
            }
            HandoverDossier dossier = applied.dossier();
            if (dossier == null) {
                // erased: nothing of the person stays in the stores (or, after compaction, their changelogs)
                dossiers.delete(event.getPersonId());
            } else {
                dossiers.put(dossier.getPersonId(), dossier);
            }
            if (applied.leftInbox() != null) {
                inbox.delete(inboxKey(applied.leftInbox(), event.getPersonId()));
            }
            if (applied.inInbox() != null) {
                inbox.put(inboxKey(applied.inInbox(), dossier.getPersonId()), dossier.getLinkedAt().toEpochMilli());
            }
        }
    }
}
