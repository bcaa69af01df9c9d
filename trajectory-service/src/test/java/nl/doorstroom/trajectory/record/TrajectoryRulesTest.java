package nl.doorstroom.trajectory.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import nl.doorstroom.schemas.trajectory.BredeIntakeRecorded;
import nl.doorstroom.schemas.trajectory.ClosureOutcome;
import nl.doorstroom.schemas.trajectory.HandoverAccepted;
import nl.doorstroom.schemas.trajectory.LearnabilityTestOutcome;
import nl.doorstroom.schemas.trajectory.LearningRoute;
import nl.doorstroom.schemas.trajectory.PlanAdopted;
import nl.doorstroom.schemas.trajectory.RecordedBy;
import nl.doorstroom.schemas.trajectory.TrajectoryClosed;
import nl.doorstroom.schemas.trajectory.TrajectoryEvent;
import nl.doorstroom.trajectory.record.TrajectoryRules.Step;

class TrajectoryRulesTest {

    private static final String PERSON = UUID.randomUUID().toString();

    private static TrajectoryRecord record(String state) {
        List<Object> payloads = new ArrayList<>();
        if (!state.equals("new")) {
            payloads.add(new HandoverAccepted("case-worker-1"));
        }
        if (state.equals("intake") || state.equals("closed")) {
            payloads.add(new BredeIntakeRecorded(LocalDate.parse("2026-02-10"), LearnabilityTestOutcome.B1_ATTAINABLE,
                    null, null, null));
        }
        if (state.equals("closed")) {
            payloads.add(new TrajectoryClosed(LocalDate.parse("2026-03-01"), ClosureOutcome.MOVED_ABROAD, null));
        }
        List<TrajectoryEvent> events = new ArrayList<>();
        for (Object payload : payloads) {
            events.add(event(events.size() + 1, payload));
        }
        return TrajectoryRecord.of(PERSON, events);
    }

    private static TrajectoryEvent event(int version, Object payload) {
        return TrajectoryEvent.newBuilder().setEventId(UUID.randomUUID().toString()).setPersonId(PERSON)
                .setOccurredAt(Instant.now()).setMunicipalityCode("GM0344").setRecordVersion(version)
                .setRecordedBy(new RecordedBy("case-worker", "GM0344", "case-worker-1", null)).setPayload(payload).build();
    }

    @ParameterizedTest(name = "{0}: {1} → {2}")
    @CsvSource(nullValues = "-", value = {
            "new,      ACCEPT_HANDOVER,     -",
            "new,      RECORD_BREDE_INTAKE, trajectory.problem.not-accepted",
            "new,      PLAN_ACTIVITY,       trajectory.problem.not-accepted",
            "new,      CLOSE,               trajectory.problem.not-accepted",
            "accepted, ACCEPT_HANDOVER,     -",
            "accepted, RECORD_BREDE_INTAKE, -",
            "accepted, ADOPT_PLAN,          trajectory.problem.no-brede-intake",
            "accepted, PLAN_ACTIVITY,       -",
            "accepted, REACH_MILESTONE,     -",
            "accepted, CLOSE,               -",
            "intake,   ADOPT_PLAN,          -",
            "closed,   ACCEPT_HANDOVER,     trajectory.problem.closed",
            "closed,   PLAN_ACTIVITY,       trajectory.problem.closed",
            "closed,   CHANGE_ACTIVITY,     trajectory.problem.closed",
            "closed,   CLOSE,               trajectory.problem.closed",
    })
    void stepsFollowTheTrajectoryAndNothingFollowsClosure(String state, Step step, String conflict) {
        assertThat(TrajectoryRules.conflict(record(state), step).orElse(null)).isEqualTo(conflict);
    }

    @Test
    void theFirstPipStartsTheIntegrationTermTheDayAfterItsDate() {
        TrajectoryRecord intake = record("intake");
        assertThat(intake.integrationTerm()).isEmpty();
        TrajectoryRecord planned = intake.with(event(3, new PlanAdopted(LearningRoute.B1_ROUTE, LocalDate.parse("2026-03-15"), null)));
        IntegrationTerm term = planned.integrationTerm().orElseThrow();
        assertThat(term).isEqualTo(new IntegrationTerm(LocalDate.parse("2026-03-16"), LocalDate.parse("2029-03-15")));

        TrajectoryRecord readopted = planned.with(event(4, new PlanAdopted(LearningRoute.Z_ROUTE, LocalDate.parse("2026-09-01"), "no progress")));
        assertThat(readopted.integrationTerm()).as("a later PIP does not move the term").contains(term);
        assertThat(readopted.plan().orElseThrow().getLearningRoute()).isEqualTo(LearningRoute.Z_ROUTE);
        assertThat(readopted.version()).isEqualTo(4);
    }
}
