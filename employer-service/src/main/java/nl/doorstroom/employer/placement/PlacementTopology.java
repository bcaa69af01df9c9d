package nl.doorstroom.employer.placement;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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
import nl.doorstroom.platform.reference.Municipalities;
import nl.doorstroom.platform.reference.Municipality;
import nl.doorstroom.platform.write.KeyedRecords;
import nl.doorstroom.platform.write.WritePaths;
import nl.doorstroom.schemas.Topics;
import nl.doorstroom.schemas.employer.PlacementEvent;
import nl.doorstroom.schemas.employer.PlacementRecordState;

/**
 * Every placement's record, materialised from this service's own topic (Kafka is the system of record), and an index
 * of who sees it, kept in step with the records: {@code region/<AMxx>/<placement id>} for the case workers of each
 * labour-market region that sees it, {@code employer/<KvK>/<placement id>} for the employer that owns it, and
 * {@code of/<placement id>} → those keys, so a change that closes a region removes its entry. Lists are prefix scans,
 * never a read of every placement.
 */
@Configuration(proxyBeanMethods = false)
public class PlacementTopology {

    static final String STORE = "placements";
    static final String HISTORY = "placement-history";
    static final String INDEX = "placement-visibility";
    private static final String SEPARATOR = "/";

    @Bean
    static KeyedRecords<PlacementRecordState, PlacementRecord, PlacementEvent> keyedPlacements(
            WritePaths paths, StreamsBuilder builder, ReadModels readModels) {
        return paths.records(builder, readModels, new KeyedRecords.Definition<>(Topics.EMPLOYER_PLACEMENT_EVENTS, STORE,
                HISTORY, PlacementRecord.FOLD, PlacementRecord::of, PlacementChanges::envelope));
    }

    /** The index of who sees which placement, as a read model over every instance. */
    @Bean
    static PlacementVisibility placementVisibility(
            KeyedRecords<PlacementRecordState, PlacementRecord, PlacementEvent> keyedPlacements, StreamsBuilder builder,
            ReadModels readModels, Municipalities municipalities) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(INDEX), Serdes.String(),
                Serdes.String()));
        keyedPlacements.changes().process(() -> new Indexer(municipalities), Named.as(INDEX), INDEX);
        ReadModel<String> index = readModels.of(INDEX, Serdes.String());
        return new PlacementVisibility(index);
    }

    static String regionPrefix(String regionCode) {
        return "region" + SEPARATOR + regionCode + SEPARATOR;
    }

    static String employerPrefix(String kvk) {
        return "employer" + SEPARATOR + kvk + SEPARATOR;
    }

    static String placementIdOf(String indexKey) {
        return indexKey.substring(indexKey.lastIndexOf(SEPARATOR) + 1);
    }

    /** Keeps the index entries of a placement in step with its record: one entry per region that sees it. */
    static final class Indexer implements Processor<String, PlacementRecordState, Void, Void> {

        private final Municipalities municipalities;
        private KeyValueStore<String, String> index;

        Indexer(Municipalities municipalities) {
            this.municipalities = municipalities;
        }

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            index = context.getStateStore(INDEX);
        }

        @Override
        public void process(Record<String, PlacementRecordState> changed) {
            String placementId = changed.key();
            PlacementRecord placement = PlacementRecord.of(changed.value());
            List<String> keys = new ArrayList<>();
            if (placement.isPosted()) {
                keys.add(employerPrefix(placement.employerKvk()) + placementId);
                // a closed placement stays in the employer's list but leaves the case workers' lists
                if (placement.isOpen()) {
                    municipalities.find(placement.terms().getMunicipalityCode()).map(Municipality::regionCode)
                            .map(own -> PlacementRules.regionsThatSee(own, placement.terms())).orElse(Set.of())
                            .forEach(region -> keys.add(regionPrefix(region) + placementId));
                }
            }
            String ofKey = "of" + SEPARATOR + placementId;
            String before = index.get(ofKey);
            if (before != null) {
                for (String key : before.split("\n")) {
                    if (!keys.contains(key)) {
                        index.delete(key);
                    }
                }
            }
            keys.forEach(key -> index.put(key, placementId));
            if (keys.isEmpty()) {
                index.delete(ofKey);
            } else {
                index.put(ofKey, String.join("\n", keys));
            }
        }
    }
}
