package nl.doorstroom.trajectory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import nl.doorstroom.platform.kafka.EventPublisher;
import nl.doorstroom.platform.test.TestTokens;
import nl.doorstroom.schemas.Topics;
import nl.doorstroom.schemas.intake.ConsentDecision;
import nl.doorstroom.schemas.intake.ConsentPurpose;
import nl.doorstroom.schemas.intake.ConsentRecorded;
import nl.doorstroom.schemas.intake.PersonEvent;
import nl.doorstroom.trajectory.handover.PersonEvents;

/** Requests as one municipality's case worker, and people brought in through intake events, for integration tests. */
public final class CaseWorkerClient {

    private final RestClient http;
    private final String municipality;
    private final String token;

    public CaseWorkerClient(RestClient http, String municipality) {
        this.http = http;
        this.municipality = municipality;
        this.token = TestTokens.caseWorker(municipality);
    }

    public String municipality() {
        return municipality;
    }

    /** Path of a person's trajectory in this municipality. */
    public String trajectory(String personId) {
        return "/api/v1/municipalities/" + municipality + "/trajectories/" + personId;
    }

    public String handover(String personId) {
        return "/api/v1/municipalities/" + municipality + "/handovers/" + personId;
    }

    public ResponseEntity<String> send(HttpMethod method, String path, Object body) {
        var request = http.method(method).uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .header("Idempotency-Key", UUID.randomUUID().toString());
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.retrieve().toEntity(String.class);
    }

    public ResponseEntity<String> get(String path) {
        return send(HttpMethod.GET, path, null);
    }

    /** A change that must succeed; returns the answer. */
    public ResponseEntity<String> change(HttpMethod method, String path, Object body, HttpStatus expected) {
        ResponseEntity<String> response = send(method, path, body);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(expected);
        return response;
    }

    public void accept(String personId, int version) {
        change(HttpMethod.PUT, trajectory(personId) + "/acceptance", Map.of("version", version), HttpStatus.OK);
    }

    /**
     * A new person linked here, accepted, marked ready for placements and consenting to employer profile sharing at
     * intake: what trajectory needs to publish a candidate profile. The trajectory is then at version 2.
     */
    public String candidate(EventPublisher publisher) {
        String person = linkedPerson(publisher, Instant.now());
        accept(person, 0);
        change(HttpMethod.PUT, trajectory(person) + "/placement-readiness", Map.of("version", 1, "ready", true), HttpStatus.OK);
        publish(publisher, PersonEvents.event(person, Instant.now(), new ConsentRecorded(
                ConsentPurpose.EMPLOYER_PROFILE_SHARING, ConsentDecision.GIVEN, LocalDate.now())));
        return person;
    }

    /** Publishes intake's registration, early intake and link of a new person at {@code at}, and waits for the dossier. */
    public String linkedPerson(EventPublisher publisher, Instant at, PersonEvent... more) {
        String person = UUID.randomUUID().toString();
        publish(publisher, PersonEvents.registered(person, at, "Rania", "Darwish"));
        publish(publisher, PersonEvents.intake(person, at.plusMillis(1)));
        for (PersonEvent event : more) {
            publish(publisher, PersonEvent.newBuilder(event).setPersonId(person).build());
        }
        publish(publisher, PersonEvents.linked(person, at.plusMillis(2), municipality));
        Awaitility.await(person + " linked to " + municipality).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> get(trajectory(person)).getStatusCode() == HttpStatus.OK);
        return person;
    }

    public static void publish(EventPublisher publisher, PersonEvent event) {
        publisher.publish(Topics.INTAKE_PERSON_EVENTS, event.getPersonId(), event);
    }
}
