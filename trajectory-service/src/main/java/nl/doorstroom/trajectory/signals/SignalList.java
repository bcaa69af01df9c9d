package nl.doorstroom.trajectory.signals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import io.swagger.v3.oas.annotations.media.Schema;
import nl.doorstroom.schemas.intake.LinkReason;
import nl.doorstroom.schemas.trajectory.HandoverDossier;
import nl.doorstroom.trajectory.handover.HandoverDossiers;
import nl.doorstroom.trajectory.handover.HandoverSummary;
import nl.doorstroom.trajectory.handover.Handovers;
import nl.doorstroom.trajectory.record.TrajectoryRecords;

/** Builds a municipality's signal list from its inbox and the trajectories of the people in it. */
@Component
@EnableConfigurationProperties(SignalProperties.class)
public class SignalList {

    private final Handovers handovers;
    private final TrajectoryRecords records;
    private final SignalProperties properties;
    private final Clock clock;

    SignalList(Handovers handovers, TrajectoryRecords records, SignalProperties properties, ObjectProvider<Clock> clock) {
        this.handovers = handovers;
        this.records = records;
        this.properties = properties;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /**
     * The signal list of one municipality.
     *
     * @param signalAfterWeeks people who arrived longer ago than this many weeks are checked
     * @param persons          signalled people, the longest waiting first
     * @param nareizigers      signalled nareizigers (registered through family reunification), the longest waiting
     *                         first, so they are not lost among the others
     */
    @Schema(name = "SignalList", description = "People linked to the municipality for too long without a next step")
    public record Signals(String municipalityCode, int signalAfterWeeks, List<PersonSignals> persons,
                          List<PersonSignals> nareizigers) {
    }

    /**
     * @param arrivedAt        when the person was linked or moved to the municipality (RFC 3339, UTC)
     * @param weeksSinceArrival whole weeks since then
     * @param signals          what is missing: {@code NO_ACCEPTED_HANDOVER}, {@code NO_BREDE_INTAKE}, {@code NO_ACTIVITY}
     */
    @Schema(name = "PersonSignals")
    public record PersonSignals(String personId, String givenNames, String familyName, Instant arrivedAt,
                                long weeksSinceArrival, List<Signal> signals) {
    }

    public Signals of(String municipalityCode) {
        SignalRules rules = new SignalRules(properties.signalAfterWeeks(), clock);
        // the summaries carry the names, opened only now; someone whose key is already erased is left out
        Map<String, HandoverSummary> summaries = handovers.summaries(municipalityCode).stream()
                .collect(Collectors.toMap(HandoverSummary::personId, Function.identity()));
        List<PersonSignals> persons = new ArrayList<>();
        List<PersonSignals> nareizigers = new ArrayList<>();
        for (HandoverDossier dossier : handovers.inbox(municipalityCode).reversed()) {
            HandoverSummary summary = summaries.get(dossier.getPersonId());
            if (summary == null) {
                continue;
            }
            Instant arrivedAt = HandoverDossiers.arrivedAt(dossier);
            List<Signal> signals = rules.signals(arrivedAt, records.current(dossier.getPersonId()));
            if (signals.isEmpty()) {
                continue;
            }
            PersonSignals entry = new PersonSignals(dossier.getPersonId(), summary.givenNames(), summary.familyName(),
                    arrivedAt, Duration.between(arrivedAt, clock.instant()).toDays() / 7, signals);
            (isNareiziger(dossier) ? nareizigers : persons).add(entry);
        }
        return new Signals(municipalityCode, properties.signalAfterWeeks(), persons, nareizigers);
    }

    /** Registered to join family here (gezinshereniging), or linked for that reason. */
    static boolean isNareiziger(HandoverDossier dossier) {
        return dossier.getRegistration() != null && dossier.getRegistration().getFamilyReunification() != null
                || dossier.getLink() != null && dossier.getLink().getReason() == LinkReason.FAMILY_REUNIFICATION;
    }
}
