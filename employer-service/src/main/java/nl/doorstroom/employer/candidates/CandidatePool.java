package nl.doorstroom.employer.candidates;

import java.util.List;
import java.util.Optional;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import nl.doorstroom.platform.kafka.AvroSerdes;
import nl.doorstroom.platform.readmodel.ReadModel;
import nl.doorstroom.platform.readmodel.ReadModels;
import nl.doorstroom.schemas.Topics;
import nl.doorstroom.schemas.trajectory.CandidateProfile;

/**
 * The candidates employers may be matched with: trajectory's minimised, pseudonymised profiles of people who are ready
 * for placements and consented to sharing them ({@code trajectory.candidate-profiles}). {@value #PROFILES} keeps each
 * profile under its candidate pseudonym (the topic's key, so a read goes to the instance that owns it); a tombstone
 * (consent withdrawn, no longer ready, trajectory closed, person erased) removes it at once, and with it every match.
 * {@value #BY_MUNICIPALITY} lists the pseudonyms per municipality and labour-market region for prefix scans. Unreadable
 * records go to {@code trajectory.candidate-profiles.dlt} through the platform's Streams exception handlers.
 */
@Configuration(proxyBeanMethods = false)
public class CandidatePool {

    static final String PROFILES = "candidate-profiles";
    static final String BY_MUNICIPALITY = "candidates-by-municipality";
    private static final String SEPARATOR = "/";

    private final ReadModel<CandidateProfile> profiles;
    private final ReadModel<String> index;

    CandidatePool(CandidateStores stores) {
        this.profiles = stores.profiles();
        this.index = stores.index();
    }

    /** The read models of both stores. */
    record CandidateStores(ReadModel<CandidateProfile> profiles, ReadModel<String> index) {
    }

    @Bean
    static CandidateStores candidateStores(StreamsBuilder builder, ReadModels readModels, KafkaProperties kafka) {
        var values = AvroSerdes.<CandidateProfile>valueSerde(kafka);
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PROFILES), Serdes.String(), values));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(BY_MUNICIPALITY), Serdes.String(),
                Serdes.String()));
        builder.stream(Topics.TRAJECTORY_CANDIDATE_PROFILES.name(), Consumed.with(Serdes.String(), values))
                .process(Indexer::new, Named.as(PROFILES), PROFILES, BY_MUNICIPALITY);
        return new CandidateStores(readModels.of(PROFILES, values), readModels.of(BY_MUNICIPALITY, Serdes.String()));
    }

    /** The candidate's profile, if they are still a candidate. */
    public Optional<CandidateProfile> find(String pseudonym) {
        return profiles.get(pseudonym);
    }

    /** The profiles of the candidates who live in a municipality. */
    public List<CandidateProfile> inMunicipality(String municipalityCode) {
        return profilesOf(index.prefixScan("municipality" + SEPARATOR + municipalityCode + SEPARATOR));
    }

    /** The profiles of the candidates who live in a labour-market region. */
    public List<CandidateProfile> inRegion(String regionCode) {
        return profilesOf(index.prefixScan("region" + SEPARATOR + regionCode + SEPARATOR));
    }

    private List<CandidateProfile> profilesOf(List<org.apache.kafka.streams.KeyValue<String, String>> entries) {
        List<String> pseudonyms = entries.stream().map(entry -> entry.value).toList();
        return List.copyOf(profiles.getAll(pseudonyms).values());
    }

    /** Keeps the profile and its index entries in step with the topic; a tombstone removes both. */
    static final class Indexer implements Processor<String, CandidateProfile, Void, Void> {

        private KeyValueStore<String, CandidateProfile> profiles;
        private KeyValueStore<String, String> index;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            profiles = context.getStateStore(PROFILES);
            index = context.getStateStore(BY_MUNICIPALITY);
        }

        @Override
        public void process(Record<String, CandidateProfile> record) {
            String pseudonym = record.key();
            if (pseudonym == null) {
                return;
            }
            CandidateProfile before = profiles.get(pseudonym);
            if (before != null) {
                index.delete(municipalityKey(before));
                index.delete(regionKey(before));
            }
            CandidateProfile profile = record.value();
            if (profile == null) {
                profiles.delete(pseudonym);
                return;
            }
            profiles.put(pseudonym, profile);
            index.put(municipalityKey(profile), pseudonym);
            index.put(regionKey(profile), pseudonym);
        }

        private static String municipalityKey(CandidateProfile profile) {
            return "municipality" + SEPARATOR + profile.getMunicipalityCode() + SEPARATOR + profile.getCandidatePseudonym();
        }

        private static String regionKey(CandidateProfile profile) {
            return "region" + SEPARATOR + profile.getLabourMarketRegionCode() + SEPARATOR + profile.getCandidatePseudonym();
        }
    }
}
