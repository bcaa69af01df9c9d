package nl.doorstroom.trajectory.record;

import static nl.doorstroom.trajectory.handover.PersonEvents.intake;
import static nl.doorstroom.trajectory.handover.PersonEvents.linked;
import static nl.doorstroom.trajectory.handover.PersonEvents.registered;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import nl.doorstroom.platform.kafka.EventPublisher;
import nl.doorstroom.platform.test.ApiConventions;
import nl.doorstroom.platform.test.TestTokens;
import nl.doorstroom.platform.test.TopicContents;
import nl.doorstroom.schemas.Topics;
import nl.doorstroom.schemas.intake.PersonEvent;
import nl.doorstroom.schemas.trajectory.ActivityChanged;
import nl.doorstroom.schemas.trajectory.ActivityPlanned;
import nl.doorstroom.schemas.trajectory.BredeIntakeRecorded;
import nl.doorstroom.schemas.trajectory.HandoverAccepted;
import nl.doorstroom.schemas.trajectory.MilestoneReached;
import nl.doorstroom.schemas.trajectory.PlanAdopted;
import nl.doorstroom.schemas.trajectory.TrajectoryClosed;
import nl.doorstroom.schemas.trajectory.TrajectoryEvent;
import nl.doorstroom.trajectory.TrajectoryServiceIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * A person's trajectory end to end inside this service: intake events through the registry make the handover
 * dossier, the case worker's changes go over REST onto {@code trajectory.trajectory-events}, and the record is read back
 * from the Streams store. The topic itself is checked at the end: exactly the accepted changes are on it.
 */
class TrajectoryIntegrationTest extends TrajectoryServiceIntegrationTest {

    private static final String UTRECHT = "GM0344";
    private static final String AMERSFOORT = "GM0307";
    private static final String TOPIC = Topics.TRAJECTORY_TRAJECTORY_EVENTS.name();

    @Autowired
    private EventPublisher publisher;

    @Autowired
    private KafkaProperties kafkaProperties;

    @Value("${spring.kafka.bootstrap-servers}")
    private String bootstrapServers;

    /** One case worker for the whole test: an Idempotency-Key is scoped to its caller's account. */
    private final String caseWorker = TestTokens.caseWorker(UTRECHT);

    @Test
    void aCaseWorkerFollowsThePersonFromAcceptanceToClosureWithLanguageAndWorkAtTheSameTime() {
        String person = linkedPerson(UTRECHT);
        String base = path(UTRECHT, person);
        LocalDate today = LocalDate.now();

        JsonNode pending = json(send(HttpMethod.GET, base, null, null));
        assertThat(pending.get("version").asInt()).isZero();
        assertThat(pending.get("status").asString()).isEqualTo("HANDOVER_PENDING");
        assertThat(send(HttpMethod.PUT, base + "/brede-intake", null, bredeIntake(0, today, "B1_ATTAINABLE")).getStatusCode())
                .as("nothing before the handover is accepted").isEqualTo(HttpStatus.CONFLICT);

        // accept, with an Idempotency-Key: a retry is answered from the record, another request with it is refused
        String acceptKey = UUID.randomUUID().toString();
        ResponseEntity<String> accepted = send(HttpMethod.PUT, base + "/acceptance", acceptKey, Map.of("version", 0));
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json(accepted).get("version").asInt()).isEqualTo(1);
        assertThat(json(accepted).get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(json(accepted).at("/acceptance/caseWorkerAccountId").asString())
                .isEqualTo(json(accepted).at("/acceptance/acceptedBy").asString()).isNotBlank();
        ResponseEntity<String> replay = send(HttpMethod.PUT, base + "/acceptance", acceptKey, Map.of("version", 0));
        assertThat(replay.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json(replay).get("version").asInt()).as("replayed, not applied again").isEqualTo(1);
        ResponseEntity<String> reused = send(HttpMethod.PUT, base + "/acceptance", acceptKey,
                Map.of("version", 0, "caseWorkerAccountId", "colleague-7"));
        assertThat(reused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);

        // a change based on an old version
        ResponseEntity<String> stale = send(HttpMethod.PUT, base + "/acceptance", null,
                Map.of("version", 0, "caseWorkerAccountId", "colleague-7"));
        assertThat(stale.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(stale.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(json(stale).get("currentVersion").asInt()).isEqualTo(1);

        JsonNode afterIntake = json(ok(send(HttpMethod.PUT, base + "/brede-intake", null,
                bredeIntake(1, today.minusDays(20), "B1_ATTAINABLE"))));
        assertThat(afterIntake.get("version").asInt()).isEqualTo(2);
        assertThat(afterIntake.at("/bredeIntake/learnabilityTestOutcome").asString()).isEqualTo("B1_ATTAINABLE");
        assertThat(afterIntake.at("/bredeIntake/workFindings").asString()).isEqualTo("six years as a civil engineer");

        // the Z-route is not what the leerbaarheidstoets allows: only with a reason, field by field, in the user's language
        Map<String, Object> zRoute = Map.of("version", 2, "learningRoute", "Z_ROUTE", "adoptedOn", today.minusDays(5).toString());
        ResponseEntity<String> withoutReason = send(HttpMethod.PUT, base + "/plan", null, zRoute);
        assertThat(withoutReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(reasons(json(withoutReason))).containsOnlyKeys("deviationReason")
                .containsValue("deze leerroute wijkt af van de uitkomst van de leerbaarheidstoets; leg de reden vast");
        ResponseEntity<String> inEnglish = http.method(HttpMethod.PUT).uri(base + "/plan")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + caseWorker).header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .contentType(MediaType.APPLICATION_JSON).body(zRoute).retrieve().toEntity(String.class);
        assertThat(reasons(json(inEnglish)).get("deviationReason"))
                .isEqualTo("this learning route departs from the leerbaarheidstoets outcome; record the reason");

        LocalDate pipDate = today.minusDays(5);
        JsonNode planned = json(ok(send(HttpMethod.PUT, base + "/plan", null,
                Map.of("version", 2, "learningRoute", "B1_ROUTE", "adoptedOn", pipDate.toString()))));
        assertThat(planned.get("version").asInt()).isEqualTo(3);
        assertThat(planned.at("/plan/learningRoute").asString()).isEqualTo("B1_ROUTE");
        assertThat(planned.at("/integrationTerm/start").asString()).isEqualTo(pipDate.plusDays(1).toString());
        assertThat(planned.at("/integrationTerm/deadline").asString())
                .isEqualTo(pipDate.plusDays(1).plusYears(3).minusDays(1).toString());

        // bad activities: hours outside 0-60, an end before the start
        ResponseEntity<String> tooManyHours = send(HttpMethod.POST, base + "/activities", null,
                activity(3, "LANGUAGE_COURSE", "2027-01-04", "2027-12-17", 61));
        assertThat(tooManyHours.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(reasons(json(tooManyHours))).containsOnlyKeys("hoursPerWeek");
        ResponseEntity<String> backwards = send(HttpMethod.POST, base + "/activities", null,
                activity(3, "LANGUAGE_COURSE", "2027-12-17", "2027-01-04", 12));
        assertThat(backwards.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(reasons(json(backwards))).containsOnlyKeys("plannedEnd")
                .containsValue("de einddatum ligt voor de begindatum");

        // a language course and a work-experience place at the same time: 12 + 16 hours against 24 available
        String courseKey = UUID.randomUUID().toString();
        ResponseEntity<String> course = send(HttpMethod.POST, base + "/activities", courseKey,
                activity(3, "LANGUAGE_COURSE", "2027-01-04", "2027-12-17", 12));
        assertThat(course.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(json(course).get("version").asInt()).isEqualTo(4);
        String courseLocation = course.getHeaders().getLocation().toString();
        assertThat(courseLocation).startsWith(base + "/activities/");
        ResponseEntity<String> courseAgain = send(HttpMethod.POST, base + "/activities", courseKey,
                activity(3, "LANGUAGE_COURSE", "2027-01-04", "2027-12-17", 12));
        assertThat(courseAgain.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(courseAgain.getHeaders().getLocation()).hasToString(courseLocation);
        assertThat(json(courseAgain).get("activities")).as("the retry planned nothing new").hasSize(1);
        assertThat(json(send(HttpMethod.GET, courseLocation, null, null)).get("hoursPerWeek").asInt()).isEqualTo(12);

        ResponseEntity<String> place = send(HttpMethod.POST, base + "/activities", null,
                activity(4, "WORK_EXPERIENCE_PLACE", "2027-03-01", "2027-09-30", 16));
        assertThat(place.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String placeLocation = place.getHeaders().getLocation().toString();
        String courseId = courseLocation.substring(courseLocation.lastIndexOf('/') + 1);
        String placeId = placeLocation.substring(placeLocation.lastIndexOf('/') + 1);

        JsonNode plan = json(ok(send(HttpMethod.GET, base + "/plan", null, null)));
        assertThat(plan.get("version").asInt()).isEqualTo(5);
        assertThat(plan.get("availableHoursPerWeek").asInt()).isEqualTo(24);
        assertThat(plan.get("activities")).hasSize(2);
        assertThat(plan.get("dualTrajectory").asBoolean()).isTrue();
        assertThat(plan.get("overlaps")).hasSize(1);
        JsonNode overlap = plan.at("/overlaps/0");
        assertThat(overlap.get("firstActivityId").asString()).isEqualTo(courseId);
        assertThat(overlap.get("secondActivityId").asString()).isEqualTo(placeId);
        assertThat(overlap.get("from").asString()).isEqualTo("2027-03-01");
        assertThat(overlap.get("to").asString()).isEqualTo("2027-09-30");
        assertThat(overlap.get("dual").asBoolean()).isTrue();
        assertThat(plan.get("hoursExceeded")).hasSize(1);
        JsonNode warning = plan.at("/hoursExceeded/0");
        assertThat(warning.get("from").asString()).isEqualTo("2027-03-01");
        assertThat(warning.get("to").asString()).isEqualTo("2027-09-30");
        assertThat(warning.get("plannedHoursPerWeek").asInt()).isEqualTo(28);
        assertThat(warning.get("availableHoursPerWeek").asInt()).isEqualTo(24);

        // fewer hours at the work-experience place: still dual, no longer beyond the availability
        JsonNode changed = json(ok(send(HttpMethod.PUT, placeLocation, null,
                activity(5, "WORK_EXPERIENCE_PLACE", "2027-03-01", "2027-09-30", 12))));
        assertThat(changed.get("version").asInt()).isEqualTo(6);
        JsonNode replanned = json(ok(send(HttpMethod.GET, base + "/plan", null, null)));
        assertThat(replanned.get("dualTrajectory").asBoolean()).isTrue();
        assertThat(replanned.get("hoursExceeded")).isEmpty();
        assertThat(send(HttpMethod.PUT, placeLocation, null, activity(6, "PAID_WORK", "2027-03-01", "2027-09-30", 12))
                .getStatusCode()).as("the kind stays").isEqualTo(HttpStatus.BAD_REQUEST);

        ResponseEntity<String> examWithoutSkill = send(HttpMethod.POST, base + "/milestones", null,
                Map.of("version", 6, "kind", "EXAM_PASSED", "date", today.toString(), "level", "B1"));
        assertThat(reasons(json(examWithoutSkill))).containsOnlyKeys("skill");
        ResponseEntity<String> exam = send(HttpMethod.POST, base + "/milestones", null,
                Map.of("version", 6, "kind", "EXAM_PASSED", "date", today.toString(), "skill", "READING", "level", "B1"));
        assertThat(exam.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(json(exam).at("/milestones/0/skill").asString()).isEqualTo("READING");
        assertThat(json(send(HttpMethod.GET, exam.getHeaders().getLocation().toString(), null, null)).get("level").asString())
                .isEqualTo("B1");

        JsonNode closed = json(ok(send(HttpMethod.PUT, base + "/closure", null,
                Map.of("version", 7, "closedOn", today.toString(), "outcome", "COMPLETED"))));
        assertThat(closed.get("version").asInt()).isEqualTo(8);
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
        ResponseEntity<String> afterClosure = send(HttpMethod.POST, base + "/activities", null,
                activity(8, "PAID_WORK", "2027-10-01", null, 32));
        assertThat(afterClosure.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(json(afterClosure).get("title").asString()).isEqualTo("Traject afgesloten");

        // on the topic: exactly the eight accepted changes, in order, each with its version, author and CloudEvents type
        List<ConsumerRecord<byte[], byte[]>> records = recordsOf(person);
        List<TrajectoryEvent> events = records.stream().map(this::decode).toList();
        assertThat(events).extracting(e -> e.getPayload().getClass().getSimpleName()).containsExactly(
                HandoverAccepted.class.getSimpleName(), BredeIntakeRecorded.class.getSimpleName(),
                PlanAdopted.class.getSimpleName(), ActivityPlanned.class.getSimpleName(),
                ActivityPlanned.class.getSimpleName(), ActivityChanged.class.getSimpleName(),
                MilestoneReached.class.getSimpleName(), TrajectoryClosed.class.getSimpleName());
        assertThat(events).extracting(TrajectoryEvent::getRecordVersion).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(events).allSatisfy(e -> {
            assertThat(e.getMunicipalityCode()).isEqualTo(UTRECHT);
            assertThat(e.getRecordedBy().getRole()).isEqualTo("case-worker");
            assertThat(e.getRecordedBy().getOrganisation()).isEqualTo(UTRECHT);
        });
        assertThat(header(records.getFirst(), "ce_type")).isEqualTo("nl.inburgering.trajectory.handover-accepted.v1");
        assertThat(header(records.get(2), "ce_type")).isEqualTo("nl.inburgering.trajectory.plan-adopted.v1");
        assertThat(header(records.getLast(), "ce_id")).isEqualTo(events.getLast().getEventId());
    }

    @Test
    void anotherMunicipalityCannotSeeOrChangeTheTrajectoryAndNothingIsPublished() {
        String person = linkedPerson(UTRECHT);
        String amersfoort = TestTokens.caseWorker(AMERSFOORT);
        long before = endOffsets();
        for (String path : List.of(path(UTRECHT, person), path(AMERSFOORT, person), path(AMERSFOORT, person) + "/plan")) {
            ResponseEntity<String> response = getAs(amersfoort, path);
            assertThat(response.getStatusCode()).as("Amersfoort asks %s", path).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        }
        for (String path : List.of(path(UTRECHT, person), path(AMERSFOORT, person))) {
            ResponseEntity<String> response = http.put().uri(path + "/acceptance")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + amersfoort).contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("version", 0)).retrieve().toEntity(String.class);
            assertThat(response.getStatusCode()).as("Amersfoort accepts at %s", path).isEqualTo(HttpStatus.NOT_FOUND);
        }
        assertThat(send(HttpMethod.PUT, path(UTRECHT, UUID.randomUUID().toString()) + "/acceptance", null,
                Map.of("version", 0)).getStatusCode()).as("nobody linked under that id").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.put().uri(path(UTRECHT, person) + "/acceptance")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.azcStaff("AZC-BUDEL"))
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("version", 0)).retrieve().toEntity(String.class)
                .getStatusCode()).as("AZC staff are not case workers").isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<String> malformed = send(HttpMethod.PUT, path(UTRECHT, person) + "/acceptance", "key with spaces",
                Map.of("version", -1));
        assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(reasons(json(malformed))).containsOnlyKeys("Idempotency-Key", "version");
        assertThat(send(HttpMethod.PUT, path(UTRECHT, person) + "/acceptance", null, "{\"version\":")
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        assertThat(endOffsets()).as("records on %s", TOPIC).isEqualTo(before);
        assertThat(json(send(HttpMethod.GET, path(UTRECHT, person), null, null)).get("version").asInt()).isZero();
    }

    @Test
    void theTrajectoryApiFollowsTheNlApiDesignRules() {
        String person = linkedPerson(UTRECHT);
        var response = ApiConventions.get(port, path(UTRECHT, person) + "/plan", "application/json", null, caseWorker);
        assertThat(response.statusCode()).isEqualTo(200);
        ApiConventions.assertNlApiHeaders(response);
        String openApi = ApiConventions.get(port, "/api/v1/openapi.json", "application/json", null, null).body();
        ApiConventions.assertOpenApiConventions(openApi);
        JsonNode paths = JSON.readTree(openApi).get("paths");
        // relative to the versioned server URL
        String base = "/municipalities/{municipalityCode}/trajectories/{personId}";
        for (String sub : List.of("", "/acceptance", "/brede-intake", "/plan", "/activities", "/activities/{activityId}",
                "/milestones", "/milestones/{milestoneId}", "/closure")) {
            assertThat(paths.has(base + sub)).as("documented: %s", base + sub).isTrue();
        }
        JsonNode accept = paths.at("/" + (base + "/acceptance").replace("/", "~1") + "/put/responses");
        assertThat(accept.propertyNames()).contains("200", "400", "404", "409", "422");
        assertThat(accept.at("/409/content").has("application/problem+json")).isTrue();
        assertThat(accept.at("/200/content/application~1json/schema/$ref").asString()).endsWith("/Trajectory");
        JsonNode planActivity = paths.at("/" + (base + "/activities").replace("/", "~1") + "/post/responses");
        assertThat(planActivity.propertyNames()).contains("201", "400", "404", "409", "422");
    }

    /** A person registered, with an early intake (24 hours a week available), and linked to the municipality. */
    private String linkedPerson(String municipality) {
        String person = UUID.randomUUID().toString();
        Instant t = Instant.now();
        publish(registered(person, t, "Rania", "Darwish"));
        publish(intake(person, t.plusMillis(1)));
        publish(linked(person, t.plusMillis(2), municipality));
        Awaitility.await(person + " linked to " + municipality).atMost(DEADLINE).pollInterval(Duration.ofMillis(20))
                .until(() -> send(HttpMethod.GET, path(municipality, person), null, null).getStatusCode() == HttpStatus.OK);
        return person;
    }

    private void publish(PersonEvent event) {
        publisher.publish(Topics.INTAKE_PERSON_EVENTS, event.getPersonId(), event);
    }

    private static String path(String municipality, String person) {
        return "/api/v1/municipalities/" + municipality + "/trajectories/" + person;
    }

    private static Map<String, Object> bredeIntake(int version, LocalDate date, String outcome) {
        return Map.of("version", version, "date", date.toString(), "learnabilityTestOutcome", outcome,
                "educationFindings", "bachelor in civil engineering, diploma evaluated",
                "workFindings", "six years as a civil engineer",
                "circumstancesFindings", "two young children; 24 hours a week available");
    }

    private static Map<String, Object> activity(int version, String kind, String plannedStart, String plannedEnd, int hours) {
        Map<String, Object> activity = new HashMap<>(Map.of("version", version, "kind", kind,
                "plannedStart", plannedStart, "hoursPerWeek", hours, "provider", "Gemeente Utrecht"));
        if (plannedEnd != null) {
            activity.put("plannedEnd", plannedEnd);
        }
        return activity;
    }

    /** A request as Utrecht's case worker; {@code body} may be a ready JSON text. */
    private ResponseEntity<String> send(HttpMethod method, String path, String idempotencyKey, Object body) {
        var request = http.method(method).uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + caseWorker);
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.retrieve().toEntity(String.class);
    }

    private static ResponseEntity<String> ok(ResponseEntity<String> response) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        return response;
    }

    private static Map<String, String> reasons(JsonNode problem) {
        Map<String, String> reasons = new HashMap<>();
        problem.get("invalidParams").forEach(p -> reasons.put(p.get("name").asString(), p.get("reason").asString()));
        return reasons;
    }

    private TrajectoryEvent decode(ConsumerRecord<byte[], byte[]> record) {
        try (var deserializer = new AvroKafkaDeserializer<TrajectoryEvent>()) {
            deserializer.configure(kafkaProperties.buildConsumerProperties(), false);
            return deserializer.deserialize(TOPIC, record.value());
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        return TopicContents.header(record, name);
    }

    private List<ConsumerRecord<byte[], byte[]>> recordsOf(String personId) {
        return TopicContents.recordsWithKey(bootstrapServers, TOPIC, personId);
    }

    private long endOffsets() {
        return TopicContents.endOffsets(bootstrapServers, TOPIC);
    }
}
