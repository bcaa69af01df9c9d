package nl.doorstroom.trajectory.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

import nl.doorstroom.platform.kafka.EventPublisher;
import nl.doorstroom.schemas.intake.FamilyRelationship;
import nl.doorstroom.schemas.intake.FamilyReunification;
import nl.doorstroom.schemas.intake.PersonEvent;
import nl.doorstroom.schemas.intake.PersonRegistered;
import nl.doorstroom.trajectory.CaseWorkerClient;
import nl.doorstroom.trajectory.TrajectoryServiceIntegrationTest;
import nl.doorstroom.trajectory.handover.PersonEvents;
import tools.jackson.databind.JsonNode;

/** The signal list of a municipality over REST: who waits too long for what, nareizigers marked and counted, paged and searchable, only for its own case worker. */
class SignalIntegrationTest extends TrajectoryServiceIntegrationTest {

    private static final String SIGNALS = "/api/v1/municipalities/GM0599/signals";

    @Autowired
    private EventPublisher publisher;

    @Test
    void peopleLinkedLongerThanFourWeeksWithoutANextStepAreSignalled() {
        CaseWorkerClient rotterdam = new CaseWorkerClient(http, "GM0599");
        Instant fiveWeeksAgo = Instant.now().minus(Duration.ofDays(35));
        String forgotten = rotterdam.linkedPerson(publisher, fiveWeeksAgo);
        String halfway = rotterdam.linkedPerson(publisher, fiveWeeksAgo);
        rotterdam.accept(halfway, 0);
        rotterdam.change(HttpMethod.PUT, rotterdam.trajectory(halfway) + "/brede-intake", Map.of("version", 1,
                "date", LocalDate.now().toString(), "learnabilityTestOutcome", "B1_ATTAINABLE"), HttpStatus.OK);
        String recent = rotterdam.linkedPerson(publisher, Instant.now());
        String nareiziger = rotterdam.linkedPerson(publisher, fiveWeeksAgo, familyReunification(fiveWeeksAgo));

        JsonNode list = json(rotterdam.get(SIGNALS));
        assertThat(list.get("signalAfterWeeks").asInt()).isEqualTo(4);
        assertThat(list.get("total").asInt()).isEqualTo(3);
        assertThat(list.get("nareizigers").asInt()).isEqualTo(1);
        Map<String, List<String>> persons = signalsById(list.get("persons"));
        assertThat(persons.get(forgotten)).containsExactly("NO_ACCEPTED_HANDOVER", "NO_BREDE_INTAKE", "NO_ACTIVITY");
        assertThat(persons.get(halfway)).containsExactly("NO_ACTIVITY");
        assertThat(persons.get(nareiziger)).containsExactly("NO_ACCEPTED_HANDOVER", "NO_BREDE_INTAKE", "NO_ACTIVITY");
        assertThat(persons).doesNotContainKeys(recent);
        assertThat(entry(list.get("persons"), nareiziger).get("nareiziger").asBoolean()).isTrue();
        JsonNode forgottenEntry = entry(list.get("persons"), forgotten);
        assertThat(forgottenEntry.get("nareiziger").asBoolean()).isFalse();
        assertThat(forgottenEntry.get("weeksSinceArrival").asInt()).isEqualTo(5);
        assertThat(forgottenEntry.get("familyName").asString()).isEqualTo("Darwish");

        assertThat(signalsById(json(rotterdam.get(SIGNALS + "?nareiziger=true")).get("persons")).keySet())
                .containsExactly(nareiziger);
        assertThat(signalsById(json(rotterdam.get(SIGNALS + "?signal=NO_ACTIVITY&nareiziger=false")).get("persons")).keySet())
                .containsExactlyInAnyOrder(forgotten, halfway);
        JsonNode second = json(rotterdam.get(SIGNALS + "?page=2&pageSize=2"));
        assertThat(second.get("persons")).hasSize(1);
        assertThat(second.get("total").asInt()).isEqualTo(3);
        assertThat(json(rotterdam.get(SIGNALS + "?page=2000000000&pageSize=100")).get("persons")).isEmpty();
        assertThat(rotterdam.get(SIGNALS + "?pageSize=101").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode searched = json(rotterdam.send(HttpMethod.POST, "/api/v1/municipalities/GM0599/signal-searches",
                Map.of("text", "noor")));
        assertThat(signalsById(searched.get("persons")).keySet()).containsExactly(nareiziger);

        assertThat(new CaseWorkerClient(http, "GM0344").get(SIGNALS).getStatusCode())
                .as("another municipality's signal list").isEqualTo(HttpStatus.NOT_FOUND);
    }

    private static PersonEvent familyReunification(Instant at) {
        // the same person id is set by the client; a later registration with the family reunification replaces the first
        return PersonEvents.event("set-by-client", at.plusMillis(1), PersonRegistered.newBuilder()
                .setGivenNames("Noor").setFamilyName("Darwish").setDateOfBirth(LocalDate.of(2015, 4, 2))
                .setVNumber("1234567891").setCountryOfOrigin("SY").setReceptionLocation("AZC-TER-APEL")
                .setFamilyReunification(FamilyReunification.newBuilder().setAnchorPersonId("anchor-1")
                        .setRelationship(FamilyRelationship.CHILD).build())
                .build());
    }

    private static Map<String, List<String>> signalsById(JsonNode group) {
        Map<String, List<String>> byId = new HashMap<>();
        group.forEach(p -> byId.put(p.get("personId").asString(),
                StreamSupport.stream(p.get("signals").spliterator(), false).map(JsonNode::asString).toList()));
        return byId;
    }

    private static JsonNode entry(JsonNode group, String personId) {
        for (JsonNode p : group) {
            if (p.get("personId").asString().equals(personId)) {
                return p;
            }
        }
        throw new AssertionError(personId + " not in " + group);
    }
}
