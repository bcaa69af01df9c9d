package nl.doorstroom.trajectory.candidates;

import java.util.Objects;
import java.util.Optional;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import nl.doorstroom.platform.kafka.AvroSerdes;
import nl.doorstroom.platform.readmodel.ReadModels;
import nl.doorstroom.platform.privacy.PseudonymDomain;
import nl.doorstroom.platform.privacy.Pseudonyms;
import nl.doorstroom.platform.reference.Municipalities;
import nl.doorstroom.platform.write.KeyedRecords;
import nl.doorstroom.schemas.Topics;
import nl.doorstroom.schemas.trajectory.CandidateProfile;
import nl.doorstroom.schemas.trajectory.HandoverDossier;
import nl.doorstroom.schemas.trajectory.TrajectoryEvent;
import nl.doorstroom.schemas.trajectory.TrajectoryRecordState;
import nl.doorstroom.trajectory.handover.HandoverTopology;
import nl.doorstroom.trajectory.record.TrajectoryRecord;
import nl.doorstroom.trajectory.record.TrajectoryTopology;

/**
 * Keeps {@code trajectory.candidate-profiles} a function of the dossier and the trajectory: whenever either changes
 * for a person, the profile is worked out again ({@link CandidateProfiles}) from both stores and published under the
 * person's employer pseudonym if it differs from the one published before; when there is no profile any more (consent
 * withdrawn, readiness taken away, trajectory closed, person erased) a tombstone removes it. Store {@value #PUBLISHED}
 * (person id → profile last published) makes this idempotent: a redelivered event, or one that changes nothing the
 * profile shows, publishes nothing. Everything runs in the task of the person's partition, in the same exactly-once
 * transaction as the change that caused it.
 */
@Configuration(proxyBeanMethods = false)
public class CandidateProfileTopology {

    static final String PUBLISHED = "published-candidate-profiles";
    /**
     * Candidate pseudonym → person id, for every person who ever had a profile, so employer steps (a placement started
     * or ended) find the person again after the profile is gone; dropped when the person is erased.
     */
    static final String PSEUDONYMS = "candidate-pseudonyms";

    @Bean
    static KStream<String, CandidateProfile> candidateProfiles(StreamsBuilder builder, KafkaProperties kafka,
                                                               KStream<String, HandoverDossier> dossierChanges,
                                                               KeyedRecords<TrajectoryRecordState, TrajectoryRecord, TrajectoryEvent> keyedTrajectories,
                                                               Pseudonyms pseudonyms, Municipalities municipalities) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PUBLISHED),
                        Serdes.String(), AvroSerdes.<CandidateProfile>valueSerde(kafka))
                .withCachingDisabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PSEUDONYMS),
                Serdes.String(), Serdes.String()).withCachingDisabled());
        KStream<String, String> changedPersons = dossierChanges.mapValues((personId, dossier) -> personId)
                .merge(keyedTrajectories.changes().mapValues((personId, trajectory) -> personId));
        KStream<String, CandidateProfile> profiles = changedPersons.process(
                () -> new ProfileProcessor(pseudonyms, municipalities),
                HandoverTopology.DOSSIERS, TrajectoryTopology.STORE, PUBLISHED, PSEUDONYMS);
        profiles.to(Topics.TRAJECTORY_CANDIDATE_PROFILES.name(),
                Produced.with(Serdes.String(), AvroSerdes.<CandidateProfile>valueSerde(kafka)));
        return profiles;
    }

    /** Who a candidate pseudonym is, read over every instance. */
    @Bean
    static CandidatePseudonyms candidatePseudonyms(ReadModels readModels, KafkaProperties kafka) {
        return new CandidatePseudonyms(readModels.of(PSEUDONYMS, Serdes.String()),
                readModels.of(PUBLISHED, AvroSerdes.<CandidateProfile>valueSerde(kafka)));
    }

    /** Works out a person's profile again and forwards it (or a tombstone) under the pseudonym when it changed. */
    static final class ProfileProcessor implements Processor<String, String, String, CandidateProfile> {

        private final Pseudonyms pseudonyms;
        private final Municipalities municipalities;
        private ProcessorContext<String, CandidateProfile> context;
        private KeyValueStore<String, HandoverDossier> dossiers;
        private KeyValueStore<String, TrajectoryRecordState> trajectories;
        private KeyValueStore<String, CandidateProfile> published;
        private KeyValueStore<String, String> personOf;

        ProfileProcessor(Pseudonyms pseudonyms, Municipalities municipalities) {
            this.pseudonyms = pseudonyms;
            this.municipalities = municipalities;
        }

        @Override
        public void init(ProcessorContext<String, CandidateProfile> context) {
            this.context = context;
            dossiers = context.getStateStore(HandoverTopology.DOSSIERS);
            trajectories = context.getStateStore(TrajectoryTopology.STORE);
            published = context.getStateStore(PUBLISHED);
            personOf = context.getStateStore(PSEUDONYMS);
        }

        @Override
        public void process(Record<String, String> record) {
            String personId = record.key();
            if (personId == null) {
                return;
            }
            TrajectoryRecordState stored = trajectories.get(personId);
            TrajectoryRecord trajectory = stored == null ? TrajectoryRecord.empty(personId) : TrajectoryRecord.of(stored);
            String pseudonym = pseudonyms.pseudonymOf(PseudonymDomain.EMPLOYER, personId);
            HandoverDossier dossier = dossiers.get(personId);
            Optional<CandidateProfile> profile = CandidateProfiles.of(pseudonym, dossier, trajectory, municipalities);
            if (profile.isPresent() && personOf.get(pseudonym) == null) {
                personOf.put(pseudonym, personId);
            } else if (dossier == null && trajectory.isErased()) {
                personOf.delete(pseudonym);
            }
            CandidateProfile before = published.get(personId);
            if (Objects.equals(before, profile.orElse(null))) {
                return;
            }
            if (profile.isPresent()) {
                published.put(personId, profile.get());
            } else {
                published.delete(personId);
            }
            // fresh headers: Streams would pass on the input's (its CloudEvents subject is the person id)
            context.forward(record.withKey(pseudonym).withValue(profile.orElse(null)).withHeaders(new RecordHeaders()));
        }
    }
}
