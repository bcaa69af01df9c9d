package nl.doorstroom.trajectory.signals;

import static nl.doorstroom.trajectory.signals.Signal.NO_ACCEPTED_HANDOVER;
import static nl.doorstroom.trajectory.signals.Signal.NO_ACTIVITY;
import static nl.doorstroom.trajectory.signals.Signal.NO_BREDE_INTAKE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import nl.doorstroom.schemas.trajectory.Activity;
import nl.doorstroom.schemas.trajectory.ActivityKind;
import nl.doorstroom.schemas.trajectory.ActivityPlanned;
import nl.doorstroom.schemas.trajectory.BredeIntakeRecorded;
import nl.doorstroom.schemas.trajectory.ClosureOutcome;
import nl.doorstroom.schemas.trajectory.HandoverAccepted;
import nl.doorstroom.schemas.trajectory.LearnabilityTestOutcome;
import nl.doorstroom.schemas.trajectory.PersonMoved;
import nl.doorstroom.schemas.trajectory.RecordedBy;
import nl.doorstroom.schemas.trajectory.TrajectoryClosed;
import nl.doorstroom.schemas.trajectory.TrajectoryEvent;
import nl.doorstroom.trajectory.record.TrajectoryRecord;

class SignalRulesTest {

    private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Object ACCEPTED = new HandoverAccepted("cw-1");
    private static final Object BREDE_INTAKE = new BredeIntakeRecorded(LocalDate.of(2026, 5, 1),
            LearnabilityTestOutcome.B1_ATTAINABLE, null, null, null);
    private static final Object ACTIVITY = new ActivityPlanned(new Activity(UUID.randomUUID().toString(),
            ActivityKind.LANGUAGE_COURSE, LocalDate.of(2026, 6, 8), null, null, null, 12, null));
    private static final Object CLOSED = new TrajectoryClosed(LocalDate.of(2026, 5, 30), ClosureOutcome.OTHER, null);
    private static final Object MOVED = new PersonMoved("GM0344", "GM0307", LocalDate.of(2026, 5, 20));

    static Stream<Arguments> cases() {
        Duration fourWeeks = Duration.ofDays(28);
        return Stream.of(
                Arguments.of("linked exactly 4 weeks ago: not yet", fourWeeks, List.of(), List.of()),
                Arguments.of("4 weeks and a minute, nothing done", fourWeeks.plusMinutes(1), List.of(),
                        List.of(NO_ACCEPTED_HANDOVER, NO_BREDE_INTAKE, NO_ACTIVITY)),
                Arguments.of("accepted only", fourWeeks.plusDays(1), List.of(ACCEPTED), List.of(NO_BREDE_INTAKE, NO_ACTIVITY)),
                Arguments.of("accepted and brede intake", fourWeeks.plusDays(1), List.of(ACCEPTED, BREDE_INTAKE),
                        List.of(NO_ACTIVITY)),
                Arguments.of("everything", fourWeeks.plusDays(1), List.of(ACCEPTED, BREDE_INTAKE, ACTIVITY), List.of()),
                Arguments.of("closed", Duration.ofDays(400), List.of(ACCEPTED, CLOSED), List.of()),
                Arguments.of("moved after acceptance: the new municipality has to accept, the rest counts",
                        fourWeeks.plusDays(1), List.of(ACCEPTED, BREDE_INTAKE, ACTIVITY, MOVED), List.of(NO_ACCEPTED_HANDOVER)),
                Arguments.of("recently linked, nothing done", Duration.ofDays(3), List.of(), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void signals(String name, Duration sinceArrival, List<Object> payloads, List<Signal> expected) {
        assertThat(new SignalRules(4, CLOCK).signals(NOW.minus(sinceArrival), record(payloads)))
                .containsExactlyElementsOf(expected);
    }

    @Test
    void theNumberOfWeeksIsConfigurable() {
        TrajectoryRecord nothing = record(List.of());
        Instant tenDaysAgo = NOW.minus(Duration.ofDays(10));
        assertThat(new SignalRules(1, CLOCK).signals(tenDaysAgo, nothing)).hasSize(3);
        assertThat(new SignalRules(2, CLOCK).signals(tenDaysAgo, nothing)).isEmpty();
        assertThatThrownBy(() -> new SignalRules(0, CLOCK)).isInstanceOf(IllegalArgumentException.class);
    }

    private static TrajectoryRecord record(List<Object> payloads) {
        List<TrajectoryEvent> events = new ArrayList<>();
        for (Object payload : payloads) {
            events.add(TrajectoryEvent.newBuilder().setEventId(UUID.randomUUID().toString()).setPersonId("p-1")
                    .setOccurredAt(NOW.minusSeconds(60)).setMunicipalityCode("GM0344").setRecordVersion(events.size() + 1)
                    .setRecordedBy(new RecordedBy("case-worker", "GM0344", "cw-1", null)).setPayload(payload).build());
        }
        return TrajectoryRecord.of("p-1", events);
    }
}
