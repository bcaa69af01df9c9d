package nl.doorstroom.trajectory.record;

import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import nl.doorstroom.platform.readmodel.ReadModels;
import nl.doorstroom.platform.write.KeyedRecords;
import nl.doorstroom.platform.write.RecordStores;
import nl.doorstroom.platform.write.WritePaths;
import nl.doorstroom.schemas.Topics;
import nl.doorstroom.schemas.trajectory.TrajectoryEvent;
import nl.doorstroom.schemas.trajectory.TrajectoryRecordState;

/**
 * Materialises every person's trajectory record from this service's own topic (Kafka is the system of record) into two
 * stores ({@link RecordStores}), keyed by person id like the handover dossiers, so the record and the dossier that
 * scopes it sit on the same partition: {@value #STORE} keeps each record as it stands, bounded whatever the number of
 * changes; {@value #HISTORY} keeps each event under {@code <person id>/<version>}, for the history on the person page
 * and for repeated requests. Unreadable records go to {@code trajectory.trajectory-events.dlt} through the platform's
 * Streams exception handlers.
 */
@Configuration(proxyBeanMethods = false)
public class TrajectoryTopology {

    /** Person id → the person's trajectory record ({@link TrajectoryRecordState}). */
    public static final String STORE = "trajectories";
    /** {@code <person id>/<version>} → the trajectory event of that version. */
    static final String HISTORY = "trajectory-history";

    /** The trajectory topic read once, the record stores, and the write path of every trajectory. */
    @Bean
    static KeyedRecords<TrajectoryRecordState, TrajectoryRecord, TrajectoryEvent> keyedTrajectories(
            WritePaths paths, StreamsBuilder builder, ReadModels readModels) {
        return paths.records(builder, readModels, new KeyedRecords.Definition<>(Topics.TRAJECTORY_TRAJECTORY_EVENTS, STORE,
                HISTORY, TrajectoryRecord.FOLD, TrajectoryRecord::of, TrajectoryChanges::envelope));
    }

    /** The trajectory events, for topologies of other features (the handover follows a move). */
    @Bean
    static KStream<String, TrajectoryEvent> trajectoryEvents(
            KeyedRecords<TrajectoryRecordState, TrajectoryRecord, TrajectoryEvent> keyedTrajectories) {
        return keyedTrajectories.events();
    }
}
