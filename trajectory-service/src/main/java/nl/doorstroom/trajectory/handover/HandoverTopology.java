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
import nl.doorstroom.schemas.intake.PersonLinkedToMunicipality;
import nl.doorstroom.schemas.trajectory.HandoverDossier;
import nl.doorstroom.schemas.trajectory.TrajectoryEvent;

/**
 * Materialises the handover read models from {@code intake.person-events} and the moves on
 * {@code trajectory.trajectory-events}, each in one processor so that a dossier and the inbox entry that points at it
 * change in the same Streams transaction:
 * <ul>
 *     <li>{@value #DOSSIERS}: person id → {@link HandoverDossier};</li>
 *     <li>{@value #INBOX}: {@code <municipality code>|<person id>} → time the person arrived (link or move, epoch
 *     millis), one entry per person, in the responsible municipality's inbox, read with a prefix scan on
 *     {@code <municipality code>|}.</li>
 * </ul>
 * Both topics are keyed by person id and have the same number of partitions, so both processors of one person run in
 * the same task, one record at a time, and the stores are co-partitioned with them. Every changed dossier (or
 * {@code null} for an erased person) is forwarded as {@link #dossierChanges}, for read models derived from it.
 * Records that cannot be read or processed go to the source topic's dead-letter topic through the platform's Streams
 * exception handlers.
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

    /**
     * The dossier of each person whose dossier just changed, keyed by person id; {@code null} once the person is
     * erased.
     */
    @Bean
    static KStream<String, HandoverDossier> dossierChanges(StreamsBuilder builder, KafkaProperties kafka,
                                                           KStream<String, TrajectoryEvent> trajectoryEvents) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DOSSIERS),
                        Serdes.String(), AvroSerdes.<HandoverDossier>valueSerde(kafka))
                .withCachingDisabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(INBOX),
                        Serdes.String(), Serdes.Long())
                .withCachingDisabled());
        KStream<String, PersonEvent> events = builder.stream(Topics.INTAKE_PERSON_EVENTS.name(),
                Consumed.with(Serdes.String(), AvroSerdes.<PersonEvent>valueSerde(kafka)));
        KStream<String, HandoverDossier> fromIntake = events.process(HandoverProcessor::new, DOSSIERS, INBOX);
        KStream<String, HandoverDossier> fromMoves = trajectoryEvents.process(MoveProcessor::new, DOSSIERS, INBOX);
        return fromIntake.merge(fromMoves);
    }

    /** Applies each intake event to the person's dossier and keeps the inbox entries in step. */
    static final class HandoverProcessor extends DossierProcessor<PersonEvent> {

        private static final Logger log = LoggerFactory.getLogger(HandoverProcessor.class);

        @Override
        public void process(Record<String, PersonEvent> record) {
            PersonEvent event = record.value();
            if (event == null) {
                return;
            }
            requireOwnKey(record.key(), event.getPersonId(), event.getEventId());
            HandoverDossier current = dossiers.get(event.getPersonId());
            HandoverDossiers.Applied applied = HandoverDossiers.apply(current, event);
            if (applied.changed() && event.getPayload() instanceof PersonLinkedToMunicipality link
                    && applied.dossier().getMove() != null) {
                log.warn("link of moved person {} to {} recorded after their move: kept in the dossier, the "
                        + "municipality of the move stays responsible", event.getPersonId(), link.getMunicipalityCode());
            }
            store(record, event.getPersonId(), applied);
        }
    }

    /** Applies each move on the trajectory topic to the person's dossier; other trajectory events pass by. */
    static final class MoveProcessor extends DossierProcessor<TrajectoryEvent> {

        @Override
        public void process(Record<String, TrajectoryEvent> record) {
            TrajectoryEvent event = record.value();
            if (event == null) {
                return;
            }
            requireOwnKey(record.key(), event.getPersonId(), event.getEventId());
            store(record, event.getPersonId(), HandoverDossiers.applyMove(dossiers.get(event.getPersonId()), event));
        }
    }

    /** Stores what an event did to a dossier, keeps the inbox in step and forwards the changed dossier. */
    abstract static class DossierProcessor<E> implements Processor<String, E, String, HandoverDossier> {

        private static final Logger log = LoggerFactory.getLogger(DossierProcessor.class);

        private ProcessorContext<String, HandoverDossier> context;
        KeyValueStore<String, HandoverDossier> dossiers;
        private KeyValueStore<String, Long> inbox;

        @Override
        public void init(ProcessorContext<String, HandoverDossier> context) {
            this.context = context;
            dossiers = context.getStateStore(DOSSIERS);
            inbox = context.getStateStore(INBOX);
        }

        static void requireOwnKey(String key, String personId, String eventId) {
            if (key != null && !key.equals(personId)) {
                // one writer per key: an event filed under another person's key must not change either dossier
                throw new IllegalArgumentException("record key does not match the event's personId (event "
                        + eventId + ")");
            }
        }

        void store(Record<String, ?> record, String personId, HandoverDossiers.Applied applied) {
            if (!applied.changed()) {
                log.debug("event changed nothing in dossier {}", personId);
                return;
            }
            HandoverDossier dossier = applied.dossier();
            if (dossier == null) {
                // erased: nothing of the person stays in the stores (or, after compaction, their changelogs)
                dossiers.delete(personId);
            } else {
                dossiers.put(personId, dossier);
            }
            if (applied.leftInbox() != null) {
                inbox.delete(inboxKey(applied.leftInbox(), personId));
            }
            if (applied.inInbox() != null) {
                inbox.put(inboxKey(applied.inInbox(), personId), HandoverDossiers.arrivedAt(dossier).toEpochMilli());
            }
            context.forward(record.withKey(personId).withValue(dossier));
        }
    }
}
