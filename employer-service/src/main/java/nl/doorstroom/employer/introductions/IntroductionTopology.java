package nl.doorstroom.employer.introductions;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import nl.doorstroom.platform.readmodel.ReadModel;
import nl.doorstroom.platform.readmodel.ReadModels;
import nl.doorstroom.platform.write.KeyedRecords;
import nl.doorstroom.platform.write.WritePaths;
import nl.doorstroom.schemas.Topics;
import nl.doorstroom.schemas.employer.CandidateMatchState;
import nl.doorstroom.schemas.employer.Introduction;
import nl.doorstroom.schemas.employer.MatchEvent;

/**
 * Every candidate's introductions, materialised from {@code employer.match-events} (keyed by candidate pseudonym, so
 * one candidate's steps have one writer), and an index to find them without reading every candidate:
 * {@code placement/<placement id>/<pseudonym>} for a placement's introductions (the employer's view) and
 * {@code municipality/<GMxxxx>/<pseudonym>} for the candidates a municipality introduced (the case worker's view).
 */
@Configuration(proxyBeanMethods = false)
public class IntroductionTopology {

    static final String STORE = "candidate-introductions";
    static final String HISTORY = "candidate-introduction-history";
    static final String INDEX = "introductions-index";
    static final String SEPARATOR = "/";

    @Bean
    static KeyedRecords<CandidateMatchState, CandidateMatchRecord, MatchEvent> keyedIntroductions(
            WritePaths paths, StreamsBuilder builder, ReadModels readModels) {
        return paths.records(builder, readModels, new KeyedRecords.Definition<>(Topics.EMPLOYER_MATCH_EVENTS, STORE,
                HISTORY, CandidateMatchRecord.FOLD, CandidateMatchRecord::of, IntroductionChanges::envelope));
    }

    @Bean
    static IntroductionIndex introductionIndex(
            KeyedRecords<CandidateMatchState, CandidateMatchRecord, MatchEvent> keyedIntroductions,
            StreamsBuilder builder, ReadModels readModels) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(INDEX), Serdes.String(),
                Serdes.String()));
        keyedIntroductions.changes().process(Indexer::new, Named.as(INDEX), INDEX);
        ReadModel<String> index = readModels.of(INDEX, Serdes.String());
        return new IntroductionIndex(index);
    }

    static String placementPrefix(String placementId) {
        return "placement" + SEPARATOR + placementId + SEPARATOR;
    }

    static String municipalityPrefix(String municipalityCode) {
        return "municipality" + SEPARATOR + municipalityCode + SEPARATOR;
    }

    /** Adds the entries of a candidate's introductions; an introduction never leaves the record, so neither do they. */
    static final class Indexer implements Processor<String, CandidateMatchState, Void, Void> {

        private KeyValueStore<String, String> index;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            index = context.getStateStore(INDEX);
        }

        @Override
        public void process(Record<String, CandidateMatchState> changed) {
            String pseudonym = changed.key();
            for (Introduction introduction : changed.value().getIntroductions()) {
                putIfAbsent(placementPrefix(introduction.getPlacementId()) + pseudonym, pseudonym);
                putIfAbsent(municipalityPrefix(introduction.getMunicipalityCode()) + pseudonym, pseudonym);
            }
        }

        private void putIfAbsent(String key, String pseudonym) {
            if (index.get(key) == null) {
                index.put(key, pseudonym);
            }
        }
    }
}
