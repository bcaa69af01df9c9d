package nl.doorstroom.trajectory.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import nl.doorstroom.schemas.trajectory.Activity;
import nl.doorstroom.schemas.trajectory.ActivityChanged;
import nl.doorstroom.schemas.trajectory.ActivityKind;
import nl.doorstroom.schemas.trajectory.ActivityPlanned;
import nl.doorstroom.schemas.trajectory.BredeIntakeRecorded;
import nl.doorstroom.schemas.trajectory.ClosureOutcome;
import nl.doorstroom.schemas.trajectory.HandoverAccepted;
import nl.doorstroom.schemas.trajectory.Idempotency;
import nl.doorstroom.schemas.trajectory.LearnabilityTestOutcome;
import nl.doorstroom.schemas.trajectory.LearningRoute;
import nl.doorstroom.schemas.trajectory.MilestoneKind;
import nl.doorstroom.schemas.trajectory.MilestoneReached;
import nl.doorstroom.schemas.trajectory.PersonMoved;
import nl.doorstroom.schemas.trajectory.PlacementReadinessChanged;
import nl.doorstroom.schemas.trajectory.PlanAdopted;
import nl.doorstroom.schemas.trajectory.RecordedBy;
import nl.doorstroom.schemas.trajectory.TrajectoryClosed;
import nl.doorstroom.schemas.trajectory.TrajectoryErased;
import nl.doorstroom.schemas.trajectory.TrajectoryEvent;

/** How a trajectory record follows its events: each section's latest, bounded however often it changes. No Spring. */
class TrajectoryRecordTest {

    private static final String PERSON = "3b0f7c1e-8d2a-4e5f-9a6b-1c2d3e4f5a6b";

    /**
     * @param events     the events in order: {@code accepted}, {@code intake}, {@code plan}, {@code planned-a},
     *                   {@code changed-a}, {@code planned-b}, {@code milestone}, {@code moved}, {@code ready},
     *                   {@code closed}
     * @param activities each activity as {@code id:hours}, in the order first planned
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "accepted                                    | 1 | true  | false | ''          | 0 | 0 | false",
            "accepted intake intake intake               | 4 | true  | false | ''          | 0 | 0 | false",
            "accepted planned-a planned-b changed-a      | 4 | true  | false | a:20 b:8    | 0 | 0 | false",
            "accepted milestone milestone ready          | 4 | true  | false | ''          | 2 | 0 | true",
            "accepted planned-a moved                    | 3 | false | false | a:8         | 0 | 1 | false",
            "accepted moved accepted moved               | 4 | false | false | ''          | 0 | 2 | false",
            "accepted intake closed                      | 3 | true  | true  | ''          | 0 | 0 | false",
    })
    void eachSectionIsTheOneItsLatestEventRecorded(String events, int version, boolean accepted, boolean closed,
                                                   String activities, int milestones, int moves, boolean ready) {
        TrajectoryRecord record = TrajectoryRecord.empty(PERSON);
        for (String event : events.split(" ")) {
            record = record.with(event(record.version() + 1, event));
        }
        assertThat(record.version()).isEqualTo(version);
        assertThat(record.isAccepted()).isEqualTo(accepted);
        assertThat(record.isClosed()).isEqualTo(closed);
        assertThat(String.join(" ", record.activities().stream()
                .map(a -> a.getActivityId() + ":" + a.getHoursPerWeek()).toList())).isEqualTo(activities);
        assertThat(record.milestones()).hasSize(milestones);
        assertThat(record.moves()).hasSize(moves);
        assertThat(record.isReadyForPlacements()).isEqualTo(ready);
    }

    @Test
    void aThousandBredeIntakeCorrectionsKeepOnlyTheLatest() {
        TrajectoryRecord record = TrajectoryRecord.empty(PERSON).with(event(1, "accepted"));
        for (int version = 2; version <= 1001; version++) {
            record = record.with(event(version, "intake"));
        }
        assertThat(record.version()).isEqualTo(1001);
        assertThat(record.bredeIntake().orElseThrow().getWorkFindings()).isEqualTo("findings of version 1001");
        assertThat(record.recentRequests()).hasSize(64);
        assertThat(record.recentRequests().getFirst().getFirstVersion()).isEqualTo(1001);
        assertThat(record.moves()).isEmpty();
    }

    @Test
    void theFirstPlanKeepsTheIntegrationTermAndALaterOneTheRoute() {
        TrajectoryRecord record = TrajectoryRecord.empty(PERSON).with(event(1, "accepted")).with(event(2, "plan"))
                .with(event(3, "plan"));
        assertThat(record.integrationTerm().orElseThrow().start()).isEqualTo(LocalDate.parse("2026-03-03"));
        assertThat(record.plan().orElseThrow().getAdoptedOn()).isEqualTo(LocalDate.parse("2026-03-03"));
    }

    @Test
    void anErasureKeepsOnlyTheVersion() {
        TrajectoryRecord record = TrajectoryRecord.empty(PERSON);
        for (String event : "accepted intake plan planned-a milestone moved accepted ready".split(" ")) {
            record = record.with(event(record.version() + 1, event));
        }
        assertThat(record.municipalityCode()).as("after the move").isEqualTo("GM0344");
        record = record.with(event(record.version() + 1, "erased"));

        assertThat(record.isErased()).isTrue();
        assertThat(record.version()).isEqualTo(9);
        assertThat(record.recentRequests()).isEmpty();
        assertThat(record.isAccepted()).isFalse();
        assertThat(record.bredeIntake()).isEmpty();
        assertThat(record.plan()).isEmpty();
        assertThat(record.integrationTerm()).isEmpty();
        assertThat(record.activities()).isEmpty();
        assertThat(record.milestones()).isEmpty();
        assertThat(record.moves()).isEmpty();
        assertThat(record.isReadyForPlacements()).isFalse();
        assertThat(TrajectoryRecord.FOLD.erases(event(10, "erased"))).as("its history is tombstoned").isTrue();
        assertThat(TrajectoryRecord.FOLD.erases(event(10, "intake"))).isFalse();
    }

    private static TrajectoryEvent event(int version, String kind) {
        Object payload = switch (kind) {
            case "accepted" -> new HandoverAccepted("case-worker-1");
            case "intake" -> new BredeIntakeRecorded(LocalDate.parse("2026-02-10"), LearnabilityTestOutcome.B1_ATTAINABLE,
                    null, "findings of version " + version, null);
            case "plan" -> new PlanAdopted(LearningRoute.B1_ROUTE, LocalDate.parse("2026-03-01").plusDays(version - 1), null);
            case "planned-a" -> new ActivityPlanned(activity("a", 8));
            case "planned-b" -> new ActivityPlanned(activity("b", 8));
            case "changed-a" -> new ActivityChanged(activity("a", 20));
            case "milestone" -> new MilestoneReached(UUID.randomUUID().toString(), MilestoneKind.FIRST_PAID_JOB,
                    LocalDate.parse("2026-06-01"), null, null, null);
            case "moved" -> new PersonMoved("GM0307", "GM0344", LocalDate.parse("2026-07-01"));
            case "erased" -> new TrajectoryErased(UUID.randomUUID().toString());
            case "ready" -> new PlacementReadinessChanged(true);
            case "closed" -> new TrajectoryClosed(LocalDate.parse("2026-08-01"), ClosureOutcome.COMPLETED, null);
            default -> throw new IllegalArgumentException(kind);
        };
        return TrajectoryEvent.newBuilder().setEventId(UUID.randomUUID().toString()).setPersonId(PERSON)
                .setOccurredAt(Instant.now()).setMunicipalityCode("GM0344").setRecordVersion(version)
                .setRecordedBy(new RecordedBy("case-worker", "GM0344", "case-worker-1", null))
                .setIdempotency(new Idempotency("key-" + version, "request-" + version)).setPayload(payload).build();
    }

    private static Activity activity(String id, int hours) {
        return Activity.newBuilder().setActivityId(id).setKind(ActivityKind.LANGUAGE_COURSE)
                .setPlannedStart(LocalDate.parse("2026-04-01")).setHoursPerWeek(hours).build();
    }
}
