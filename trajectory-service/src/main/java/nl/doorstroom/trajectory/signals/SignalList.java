package nl.doorstroom.trajectory.signals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import io.swagger.v3.oas.annotations.media.Schema;
import nl.doorstroom.platform.paging.ListPage;
import nl.doorstroom.schemas.trajectory.HandoverDossier;
import nl.doorstroom.trajectory.handover.HandoverDossiers;
import nl.doorstroom.trajectory.handover.HandoverSummary;
import nl.doorstroom.trajectory.handover.Handovers;
import nl.doorstroom.trajectory.record.TrajectoryRecords;

/** Builds a municipality's signal list, one page at a time, from its inbox and the trajectories of the people in it. */
@Component
@EnableConfigurationProperties(SignalProperties.class)
public class SignalList {

    /** Arrival dates are Dutch local dates. */
    public static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

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
     * One page of a municipality's signal list.
     *
     * @param signalAfterWeeks people who arrived longer ago than this many weeks are checked
     * @param persons          the signalled people on this page, the longest waiting first
     * @param total            signalled people that match the filters
     * @param nareizigers      how many of those are nareizigers (registered through family reunification), so they
     *                         are not lost among the others
     */
    @Schema(name = "SignalList", description = "People linked to the municipality for too long without a next step")
    public record Signals(String municipalityCode, int signalAfterWeeks, List<PersonSignals> persons, int total,
                          int page, int pageSize, long nareizigers) {
    }

    /**
     * @param arrivedAt        when the person was linked or moved to the municipality (RFC 3339, UTC)
     * @param weeksSinceArrival whole weeks since then
     * @param signals          what is missing: {@code NO_ACCEPTED_HANDOVER}, {@code NO_BREDE_INTAKE}, {@code NO_ACTIVITY}
     * @param nareiziger       registered through family reunification, or linked for that reason
     */
    @Schema(name = "PersonSignals")
    public record PersonSignals(String personId, String givenNames, String familyName, Instant arrivedAt,
                                long weeksSinceArrival, List<Signal> signals, boolean nareiziger) {
    }

    /** A signalled person before their name is opened. */
    private record Signalled(HandoverDossier dossier, PersonSignals person) {
    }

    /**
     * One page of the signal list: the signals come from the trajectories (nothing opened); names are opened to match
     * a search text, and otherwise only for the rows of the page.
     */
    public Signals of(String municipalityCode, SignalSearch search) {
        SignalRules rules = new SignalRules(properties.signalAfterWeeks(), clock);
        List<Signalled> signalled = new ArrayList<>();
        for (HandoverDossier dossier : handovers.inbox(municipalityCode).reversed()) {
            Instant arrivedAt = HandoverDossiers.arrivedAt(dossier);
            List<Signal> signals = rules.signals(arrivedAt, records.current(dossier.getPersonId()));
            PersonSignals person = new PersonSignals(dossier.getPersonId(), null, null, arrivedAt,
                    Duration.between(arrivedAt, clock.instant()).toDays() / 7, signals,
                    HandoverDossiers.isNareiziger(dossier));
            if (!signals.isEmpty() && search.test(person, arrivedAt.atZone(AMSTERDAM).toLocalDate())) {
                signalled.add(new Signalled(dossier, person));
            }
        }
        List<Signalled> found = handovers.matching(signalled, Signalled::dossier, search.identitySearch());
        ListPage<PersonSignals> page = search.paging().sliceOpened(found, entry -> handovers.summary(entry.dossier())
                .map(summary -> named(entry.person(), summary)));
        return new Signals(municipalityCode, properties.signalAfterWeeks(), page.rows(), page.total(), page.page(),
                page.pageSize(), found.stream().filter(entry -> entry.person().nareiziger()).count());
    }

    private static PersonSignals named(PersonSignals person, HandoverSummary summary) {
        return new PersonSignals(person.personId(), summary.givenNames(), summary.familyName(), person.arrivedAt(),
                person.weeksSinceArrival(), person.signals(), person.nareiziger());
    }
}
