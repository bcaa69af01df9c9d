package nl.doorstroom.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Seeds against a small stand-in of trajectory-service's trajectory API and of Keycloak's token endpoint. Like
 * trajectory-service, the stand-in answers 404 until the handover has arrived (here: the first read of each person),
 * keeps a version per trajectory, refuses a change that names another version (409) and a step the trajectory does not
 * allow yet (409: nothing before the acceptance, no PIP before the brede intake), and answers every change with the
 * trajectory as it is then.
 */
class DemoTrajectoriesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private HttpServer server;
    private URI base;
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final List<String> conflicts = new CopyOnWriteArrayList<>();
    /** Demo person key → person id, as intake-service's search finds them. */
    private final Map<String, String> registered = new ConcurrentHashMap<>();
    /** Person id → trajectory as the API answers it. */
    private final Map<String, ObjectNode> trajectories = new ConcurrentHashMap<>();
    private final Set<String> handedOver = ConcurrentHashMap.newKeySet();

    @BeforeEach
    void startTrajectoryStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/municipalities/", this::handle);
        server.createContext("/realms/doorstroom/protocol/openid-connect/token", exchange -> respond(exchange, 200,
                "{\"access_token\":\"token-of-" + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
                        .replaceAll(".*username=([a-z-]+).*", "$1") + "\"}"));
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        for (DemoData.Person person : DemoData.PERSONS) {
            String id = UUID.randomUUID().toString();
            registered.put(person.key(), id);
            ObjectNode trajectory = JSON.createObjectNode();
            trajectory.put("personId", id);
            trajectory.put("version", 0);
            trajectory.put("status", "HANDOVER_PENDING");
            trajectory.putArray("activities");
            trajectory.putArray("milestones");
            trajectory.put("readyForPlacements", false);
            trajectories.put(id, trajectory);
        }
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private int seed() {
        return new DemoTrajectories(base, new DemoData.PasswordGrant(base.resolve("/realms/doorstroom/protocol/openid-connect/token")),
                key -> Optional.ofNullable(registered.get(key))).seed();
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String call = exchange.getRequestMethod() + " " + path.replaceAll("[0-9a-f-]{36}", "{id}")
                + " as " + exchange.getRequestHeaders().getFirst("Authorization");
        calls.add(call);
        String[] parts = path.split("/"); // "", api, v1, municipalities, code, trajectories, id, [step]
        ObjectNode trajectory = trajectories.get(parts[6]);
        if (trajectory == null || !parts[4].equals("GM0344") || handedOver.add(parts[6])) {
            respond(exchange, 404, "{\"status\":404}"); // not linked here, or the handover has not arrived yet
            return;
        }
        if (exchange.getRequestMethod().equals("GET")) {
            respond(exchange, 200, trajectory.toString());
            return;
        }
        JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
        String step = parts[7];
        boolean accepted = !trajectory.get("status").asString().equals("HANDOVER_PENDING");
        if (request.path("version").asInt() != trajectory.get("version").asInt()
                || (!accepted && !step.equals("acceptance")) || (step.equals("plan") && !trajectory.has("bredeIntake"))) {
            conflicts.add(call + " with version " + request.path("version") + ", current " + trajectory.get("version"));
            respond(exchange, 409, "{\"status\":409,\"currentVersion\":" + trajectory.get("version") + "}");
            return;
        }
        ObjectNode section = ((ObjectNode) request).deepCopy();
        section.remove("version");
        switch (step) {
            case "acceptance" -> trajectory.put("status", "ACCEPTED");
            case "brede-intake" -> trajectory.set("bredeIntake", section);
            case "plan" -> trajectory.set("plan", section);
            case "activities" -> ((ArrayNode) trajectory.get("activities")).add(section.put("activityId", UUID.randomUUID().toString()));
            case "milestones" -> ((ArrayNode) trajectory.get("milestones")).add(section.put("milestoneId", UUID.randomUUID().toString()));
            case "placement-readiness" -> trajectory.put("readyForPlacements", section.get("ready").asBoolean());
            default -> {
                respond(exchange, 404, "{}");
                return;
            }
        }
        trajectory.put("version", trajectory.get("version").asInt() + 1);
        respond(exchange, exchange.getRequestMethod().equals("POST") ? 201 : 200, trajectory.toString());
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private ObjectNode trajectory(String personKey) {
        return trajectories.get(registered.get(personKey));
    }

    private List<String> changes() {
        return calls.stream().filter(call -> !call.startsWith("GET ")).toList();
    }

    @Test
    void aminaGetsADualTrajectoryAndElifOnlyABredeIntakeOnceTheHandoverHasArrived() {
        assertEquals(DemoTrajectories.TRAJECTORIES.size(), seed());

        assertTrue(conflicts.isEmpty(), "every change names the current version, in an allowed order: " + conflicts);
        ObjectNode amina = trajectory("amina-haddad");
        assertEquals("ACCEPTED", amina.get("status").asString());
        assertEquals("B1_ATTAINABLE", amina.at("/bredeIntake/learnabilityTestOutcome").asString());
        assertEquals("B1_ROUTE", amina.at("/plan/learningRoute").asString());
        assertEquals(List.of("LANGUAGE_COURSE", "WORK_EXPERIENCE_PLACE"),
                amina.get("activities").valueStream().map(a -> a.get("kind").asString()).toList());
        assertEquals("EXAM_PASSED", amina.at("/milestones/0/kind").asString());
        assertTrue(amina.get("readyForPlacements").asBoolean());
        assertEquals(7, amina.get("version").asInt(), "acceptance, brede intake, PIP, two activities, milestone, readiness");

        ObjectNode elif = trajectory("elif-yildiz");
        assertEquals("ACCEPTED", elif.get("status").asString());
        assertTrue(elif.has("bredeIntake"));
        assertFalse(elif.has("plan"));
        assertEquals(2, elif.get("version").asInt());

        ObjectNode karim = trajectory("karim-haddad");
        assertEquals(0, karim.get("version").asInt(), "the nareiziger stays a new arrival in the inbox");
        // the first read of each person found no handover yet and was retried
        assertEquals(2 * DemoTrajectories.TRAJECTORIES.size(), calls.stream().filter(c -> c.startsWith("GET ")).count());
        assertTrue(calls.stream().allMatch(call -> call.startsWith("GET /api/v1/municipalities/GM0344/trajectories/{id}")
                || call.startsWith("PUT /api/v1/municipalities/GM0344/trajectories/{id}/")
                || call.startsWith("POST /api/v1/municipalities/GM0344/trajectories/{id}/")), calls.toString());
        assertTrue(calls.stream().allMatch(call -> call.endsWith(" as Bearer token-of-utrecht")), calls.toString());
    }

    @Test
    void seedingAgainReadsEveryTrajectoryAndChangesNothing() {
        seed();
        Map<String, Integer> versions = new ConcurrentHashMap<>();
        trajectories.forEach((id, t) -> versions.put(id, t.get("version").asInt()));
        calls.clear();

        assertEquals(DemoTrajectories.TRAJECTORIES.size(), seed());

        assertEquals(List.of(), changes());
        assertEquals(DemoTrajectories.TRAJECTORIES.size(), calls.size(), "one read per trajectory");
        trajectories.forEach((id, t) -> assertEquals(versions.get(id), t.get("version").asInt()));
    }

    @Test
    void afterAnInterruptedSeedingOnlyTheMissingStepsAreRecordedFromTheCurrentVersion() {
        seed();
        ObjectNode amina = trajectory("amina-haddad");
        ArrayNode activities = (ArrayNode) amina.get("activities");
        activities.remove(1); // stopped after the language course
        amina.putArray("milestones");
        amina.put("readyForPlacements", false);
        ObjectNode elif = trajectory("elif-yildiz");
        elif.remove("bredeIntake"); // accepted, nothing else yet
        calls.clear();

        assertEquals(DemoTrajectories.TRAJECTORIES.size(), seed());

        assertEquals(List.of(
                "POST /api/v1/municipalities/GM0344/trajectories/{id}/activities as Bearer token-of-utrecht",
                "POST /api/v1/municipalities/GM0344/trajectories/{id}/milestones as Bearer token-of-utrecht",
                "PUT /api/v1/municipalities/GM0344/trajectories/{id}/placement-readiness as Bearer token-of-utrecht",
                "PUT /api/v1/municipalities/GM0344/trajectories/{id}/brede-intake as Bearer token-of-utrecht"), changes());
        assertEquals(List.of("LANGUAGE_COURSE", "WORK_EXPERIENCE_PLACE"),
                amina.get("activities").valueStream().map(a -> a.get("kind").asString()).toList());
        assertTrue(conflicts.isEmpty(), conflicts.toString());
    }

    @Test
    void aPersonWhoIsNotRegisteredIsReportedAndTheOthersAreStillSeeded() {
        registered.remove("amina-haddad");

        assertEquals(DemoTrajectories.TRAJECTORIES.size() - 1, seed());

        assertTrue(trajectory("elif-yildiz").has("bredeIntake"));
    }

    @Test
    void everyBodyIsAnObjectWithoutVersionAndEveryKindOccursOnce() {
        for (DemoTrajectories.Trajectory trajectory : DemoTrajectories.TRAJECTORIES) {
            assertTrue(DemoData.PERSONS.stream().anyMatch(p -> p.key().equals(trajectory.personKey())
                    && p.municipalityLink() != null && p.municipalityLink().contains(trajectory.municipalityCode())));
            for (List<String> bodies : List.of(trajectory.activities(), trajectory.milestones())) {
                assertEquals(bodies.size(), bodies.stream().map(b -> JSON.readTree(b).get("kind").asString()).distinct().count());
                bodies.forEach(body -> assertFalse(body.contains("\"version\""), body));
            }
            for (String body : new String[] {trajectory.bredeIntake(), trajectory.plan()}) {
                if (body != null) {
                    assertTrue(JSON.readTree(body).isObject(), body);
                    assertFalse(body.contains("\"version\""), body);
                }
            }
        }
    }
}
