package nl.doorstroom.trajectory.record;


import java.util.List;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import nl.doorstroom.platform.audit.ProcessingLog;
import nl.doorstroom.platform.web.NotFoundException;
import nl.doorstroom.platform.write.KeyedRecords;
import nl.doorstroom.platform.write.RecordStore;
import nl.doorstroom.schemas.trajectory.HandoverDossier;
import nl.doorstroom.schemas.trajectory.TrajectoryEvent;
import nl.doorstroom.schemas.trajectory.TrajectoryRecordState;
import nl.doorstroom.trajectory.handover.Handovers;
import nl.doorstroom.trajectory.handover.MunicipalityCodes;

/**
 * Reads trajectory records, always through the handover dossier: a trajectory is visible only to a case worker of the
 * municipality the person is linked to now (the join is made at query time on the person id, the key of both stores,
 * so a re-link moves the trajectory with the dossier). Anyone else gets 404, whether or not the person exists.
 */
@Component
public class TrajectoryRecords {

    private final RecordStore<TrajectoryRecordState, TrajectoryRecord, TrajectoryEvent> store;
    private final Handovers handovers;
    private final MunicipalityCodes municipalities;
    private final ProcessingLog processingLog;

    TrajectoryRecords(KeyedRecords<TrajectoryRecordState, TrajectoryRecord, TrajectoryEvent> keyedTrajectories,
                      Handovers handovers, MunicipalityCodes municipalities, ProcessingLog processingLog) {
        this.store = keyedTrajectories.store();
        this.handovers = handovers;
        this.municipalities = municipalities;
        this.processingLog = processingLog;
    }

    /**
     * A person's trajectory together with the handover dossier that scopes it.
     *
     * @param record  the trajectory; version 0 before the handover is accepted
     * @param dossier the handover dossier (for the link and the availability from the early intake)
     */
    public record VisibleTrajectory(TrajectoryRecord record, HandoverDossier dossier) {

        /** Hours per week the person is available according to the early intake; {@code null} when not recorded. */
        public Integer availableHoursPerWeek() {
            var intake = dossier.getEarlyIntake();
            return intake == null || intake.getAvailability() == null ? null : intake.getAvailability().getHoursPerWeek();
        }
    }

    /**
     * The trajectory of a person linked to the municipality, as the current case worker may see it.
     *
     * @throws NotFoundException when the municipality is not the user's, or the person is not linked to it
     */
    public VisibleTrajectory requireVisible(String municipalityCode, String personId) {
        municipalities.requireVisible(municipalityCode);
        HandoverDossier dossier = handovers.dossier(municipalityCode, personId)
                .orElseThrow(() -> new NotFoundException("person"));
        return new VisibleTrajectory(current(personId), dossier);
    }

    /**
     * A read of one person's trajectory, for the API and the pages alike: scoped like {@link #requireVisible} and
     * written to the processing log as {@code operation}.
     */
    public <T> T read(String operation, String municipalityCode, String personId, Function<VisibleTrajectory, T> read) {
        VisibleTrajectory visible = requireVisible(municipalityCode, personId);
        return processingLog.record(TrajectoryResource.TRAJECTORY, operation, List.of(personId), () -> read.apply(visible));
    }

    /**
     * The record as the store holds it right now; version 0 if the person has no trajectory events yet. Not scoped:
     * callers pass only people whose dossier they read through the municipality's inbox.
     */
    public TrajectoryRecord current(String personId) {
        return store.stored(personId).orElseGet(() -> TrajectoryRecord.empty(personId));
    }

    /** Every trajectory's record and events. Not scoped: callers pass only people whose dossier they may read. */
    public RecordStore<TrajectoryRecordState, TrajectoryRecord, TrajectoryEvent> store() {
        return store;
    }
}
