package nl.doorstroom.trajectory.placements;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

import nl.doorstroom.platform.kafka.EventPublisher;
import nl.doorstroom.platform.privacy.PseudonymDomain;
import nl.doorstroom.platform.privacy.Pseudonyms;
import nl.doorstroom.schemas.Topics;
import nl.doorstroom.schemas.employer.MatchEvent;
import nl.doorstroom.schemas.employer.PlacementEndReason;
import nl.doorstroom.schemas.employer.PlacementEnded;
import nl.doorstroom.schemas.employer.PlacementKind;
import nl.doorstroom.schemas.employer.PlacementStarted;
import nl.doorstroom.schemas.employer.RecordedBy;
import nl.doorstroom.trajectory.CaseWorkerClient;
import nl.doorstroom.trajectory.TrajectoryServiceIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * A placement that started at an employer (employer-service's event, published here as employer-service would) is a
 * running activity in the person's trajectory beside the language course, counted in the dual trajectory; a
 * redelivered event changes nothing; the end gives the activity its actual end.
 */
class PlacementActivitiesIntegrationTest extends TrajectoryServiceIntegrationTest {

    @Autowired
    private EventPublisher publisher;

    @Autowired
    private Pseudonyms pseudonyms;

    @Test
    void aStartedPlacementRunsBesideTheLanguageCourseAndEnds() {
        CaseWorkerClient utrecht = new CaseWorkerClient(http, "GM0344");
        String person = utrecht.candidate(publisher);
        String candidate = pseudonyms.pseudonymOf(PseudonymDomain.EMPLOYER, person);
        LocalDate start = LocalDate.now().plusDays(7);
        utrecht.change(HttpMethod.POST, utrecht.trajectory(person) + "/activities", Map.of("version", 2,
                "kind", "LANGUAGE_COURSE", "plannedStart", LocalDate.now().toString(), "hoursPerWeek", 12), HttpStatus.CREATED);

        String placement = UUID.randomUUID().toString();
        MatchEvent started = event(candidate, placement, 1, new PlacementStarted(start, 16, PlacementKind.WORK_EXPERIENCE_PLACE,
                "6113", "Kwekerij Het Groene Hart", "Medewerker kas"));
        // the profile is what tells trajectory who the candidate is: until it was published, the start waits
        Awaitility.await("the started placement in the trajectory").atMost(DEADLINE).untilAsserted(() -> {
            publisher.publish(Topics.EMPLOYER_MATCH_EVENTS, candidate, started);
            JsonNode plan = plan(utrecht, person);
            assertThat(plan.get("activities").findValuesAsString("kind")).contains("WORK_EXPERIENCE_PLACE");
        });
        JsonNode plan = plan(utrecht, person);
        assertThat(plan.get("dualTrajectory").asBoolean()).as("language and work at the same time").isTrue();
        List<JsonNode> work = activities(plan, "WORK_EXPERIENCE_PLACE");
        assertThat(work).hasSize(1);
        assertThat(work.getFirst().get("hoursPerWeek").asInt()).isEqualTo(16);
        assertThat(work.getFirst().get("provider").asString()).isEqualTo("Kwekerij Het Groene Hart");
        assertThat(work.getFirst().get("actualStart").asString()).isEqualTo(start.toString());
        int version = plan.get("version").asInt();

        publisher.publish(Topics.EMPLOYER_MATCH_EVENTS, candidate, started);
        LocalDate end = start.plusMonths(3);
        publisher.publish(Topics.EMPLOYER_MATCH_EVENTS, candidate, event(candidate, placement, 2,
                new PlacementEnded(end, PlacementEndReason.PAID_WORK_FOLLOWS)));
        Awaitility.await("the placement's end").atMost(DEADLINE).untilAsserted(() ->
                assertThat(activities(plan(utrecht, person), "WORK_EXPERIENCE_PLACE").getFirst().get("actualEnd").asString())
                        .isEqualTo(end.toString()));
        assertThat(plan(utrecht, person).get("version").asInt()).as("the redelivered start was applied once")
                .isEqualTo(version + 1);
        assertThat(activities(plan(utrecht, person), "WORK_EXPERIENCE_PLACE")).hasSize(1);
    }

    private static MatchEvent event(String candidate, String placement, int version, Object payload) {
        return MatchEvent.newBuilder().setEventId(UUID.randomUUID().toString()).setCandidatePseudonym(candidate)
                .setOccurredAt(Instant.now()).setRecordVersion(version)
                .setRecordedBy(new RecordedBy("employer", "12345678", "employer-account", "J. de Vries"))
                .setPlacementId(placement).setPayload(payload).build();
    }

    private JsonNode plan(CaseWorkerClient caseWorker, String person) {
        return JSON.readTree(caseWorker.get(caseWorker.trajectory(person) + "/plan").getBody());
    }

    private static List<JsonNode> activities(JsonNode plan, String kind) {
        return plan.get("activities").valueStream().filter(a -> a.get("kind").asString().equals(kind)).toList();
    }
}
