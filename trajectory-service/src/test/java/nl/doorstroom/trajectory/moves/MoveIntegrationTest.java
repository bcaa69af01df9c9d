package nl.doorstroom.trajectory.moves;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import nl.doorstroom.platform.kafka.EventPublisher;
import nl.doorstroom.trajectory.CaseWorkerClient;
import nl.doorstroom.trajectory.TrajectoryServiceIntegrationTest;
import nl.doorstroom.trajectory.handover.PersonEvents;
import tools.jackson.databind.JsonNode;

/**
 * A move from Utrecht to Amersfoort (another labour-market region): the new municipality sees the dossier and the
 * trajectory so far at once, with the versions continuing, and Utrecht gets 404 on everything about the person.
 */
class MoveIntegrationTest extends TrajectoryServiceIntegrationTest {

    /** "At once": the move answers only once the new municipality sees the person; this bounds four reads on a busy machine. */
    private static final Duration AT_ONCE = Duration.ofSeconds(2);

    @Autowired
    private EventPublisher publisher;

    @Test
    void theDossierAndTrajectoryFollowThePersonAndTheOldMunicipalityLosesAccess() {
        CaseWorkerClient utrecht = new CaseWorkerClient(http, "GM0344");
        CaseWorkerClient amersfoort = new CaseWorkerClient(http, "GM0307");
        String person = utrecht.linkedPerson(publisher, Instant.now());
        utrecht.accept(person, 0);
        utrecht.change(HttpMethod.PUT, utrecht.trajectory(person) + "/brede-intake", Map.of("version", 1,
                "date", LocalDate.now().minusDays(3).toString(), "learnabilityTestOutcome", "B1_ATTAINABLE"), HttpStatus.OK);
        assertThat(amersfoort.get(amersfoort.trajectory(person)).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        String moves = utrecht.trajectory(person) + "/moves";
        String moveDate = LocalDate.now().toString();
        ResponseEntity<String> same = utrecht.send(HttpMethod.POST, moves,
                Map.of("version", 2, "toMunicipalityCode", "GM0344", "moveDate", moveDate));
        assertThat(same.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(json(same))).containsExactly("toMunicipalityCode");
        ResponseEntity<String> unknown = utrecht.send(HttpMethod.POST, moves,
                Map.of("version", 2, "toMunicipalityCode", "GM9999"));
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(json(unknown))).containsExactlyInAnyOrder("toMunicipalityCode", "moveDate");
        assertThat(utrecht.send(HttpMethod.POST, moves,
                Map.of("version", 1, "toMunicipalityCode", "GM0307", "moveDate", moveDate)).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(amersfoort.send(HttpMethod.POST, amersfoort.trajectory(person) + "/moves",
                Map.of("version", 2, "toMunicipalityCode", "GM0363", "moveDate", moveDate)).getStatusCode())
                .as("only the responsible municipality records a move").isEqualTo(HttpStatus.NOT_FOUND);

        JsonNode moved = json(utrecht.change(HttpMethod.POST, moves,
                Map.of("version", 2, "toMunicipalityCode", "GM0307", "moveDate", moveDate), HttpStatus.CREATED));
        assertThat(moved.get("version").asInt()).isEqualTo(3);
        assertThat(moved.get("toMunicipalityCode").asString()).isEqualTo("GM0307");

        Awaitility.await("the move is visible at once").atMost(AT_ONCE).pollInterval(Duration.ofMillis(10))
                .untilAsserted(() -> {
                    assertThat(utrecht.get(utrecht.trajectory(person)).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
                    assertThat(utrecht.get(utrecht.handover(person)).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
                    assertThat(personIds(json(utrecht.get("/api/v1/municipalities/GM0344/handovers?pageSize=100")))).doesNotContain(person);
                    assertThat(personIds(json(amersfoort.get("/api/v1/municipalities/GM0307/handovers?pageSize=100")))).contains(person);
                });
        JsonNode dossier = json(amersfoort.get(amersfoort.handover(person)));
        assertThat(dossier.at("/move/fromMunicipalityCode").asString()).isEqualTo("GM0344");
        assertThat(dossier.at("/earlyIntake/availability/hoursPerWeek").asInt()).isEqualTo(24);
        JsonNode trajectory = json(amersfoort.get(amersfoort.trajectory(person)));
        assertThat(trajectory.get("version").asInt()).as("versions continue").isEqualTo(3);
        assertThat(trajectory.get("status").asString()).isEqualTo("HANDOVER_PENDING");
        assertThat(trajectory.at("/bredeIntake/learnabilityTestOutcome").asString()).as("history kept").isEqualTo("B1_ATTAINABLE");
        assertThat(trajectory.at("/moves/0/toMunicipalityCode").asString()).isEqualTo("GM0307");

        // Utrecht can change nothing any more; Amersfoort accepts and goes on from version 3
        assertThat(utrecht.send(HttpMethod.PUT, utrecht.trajectory(person) + "/acceptance", Map.of("version", 3))
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        amersfoort.accept(person, 3);
        assertThat(json(amersfoort.get(amersfoort.trajectory(person))).get("version").asInt()).isEqualTo(4);

        // a later intake link does not undo the move: it is kept in the dossier, Amersfoort stays responsible
        CaseWorkerClient.publish(publisher, PersonEvents.linked(person, Instant.now(), "GM0344"));
        Awaitility.await("the late link is in the dossier").atMost(DEADLINE).pollInterval(Duration.ofMillis(20))
                .until(() -> "GM0344".equals(json(amersfoort.get(amersfoort.handover(person)))
                        .at("/link/municipalityCode").asString()));
        assertThat(utrecht.get(utrecht.trajectory(person)).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(json(amersfoort.get(amersfoort.trajectory(person))).get("version").asInt()).isEqualTo(4);
    }

    private static List<String> fields(JsonNode problem) {
        return StreamSupport.stream(problem.get("invalidParams").spliterator(), false).map(p -> p.get("name").asString()).toList();
    }

    private static List<String> personIds(JsonNode inbox) {
        return StreamSupport.stream(inbox.get("handovers").spliterator(), false).map(s -> s.get("personId").asString()).toList();
    }
}
