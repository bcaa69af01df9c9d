package nl.doorstroom.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Seeds against a small stand-in of intake-service's REST contract, whose read model lags once per person, and of
 * Keycloak's token endpoint. Like intake-service, the stand-in keeps a version per person and refuses a change that
 * names another version (409), answers a repeated Idempotency-Key with the person as they are now, refuses a second
 * registration of a V-number (409) and lets a nareiziger follow the family to the anchor's municipality.
 */
class DemoDataTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern USERNAME = Pattern.compile("username=([a-z-]+)");
    private static final Map<String, String> ACCOUNT_LOCATIONS =
            Map.of("azc-budel", "AZC-BUDEL", "azc-ter-apel", "AZC-TER-APEL");

    private HttpServer server;
    private URI base;
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final List<String> authorizedCalls = new CopyOnWriteArrayList<>();
    private final List<String> tokenRequests = new CopyOnWriteArrayList<>();
    private final List<String> conflicts = new CopyOnWriteArrayList<>();
    /** The stand-in's records: person id → record (id, version, receptionLocation, personalDetails, sections). */
    private final Map<String, ObjectNode> records = new ConcurrentHashMap<>();
    /** Idempotency-Key → person id, as intake-service finds a repeated registration. */
    private final Map<String, String> registrationKeys = new ConcurrentHashMap<>();
    private final Set<String> answeredNotFound = ConcurrentHashMap.newKeySet();

    @BeforeEach
    void startIntakeStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/persons", this::handle);
        server.createContext("/api/v1/person-searches", this::search);
        server.createContext("/realms/doorstroom/protocol/openid-connect/token", this::token);
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private int seed() {
        return new DemoData(base, new DemoData.PasswordGrant(base.resolve("/realms/doorstroom/protocol/openid-connect/token"))).seed();
    }

    /** Keycloak's password grant, as the demo seeding uses it: one token per account. */
    private void token(HttpExchange exchange) throws IOException {
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        tokenRequests.add(form);
        var username = USERNAME.matcher(form);
        if (form.contains("grant_type=password") && form.contains("client_id=doorstroom-cli")
                && form.contains("password=doorstroom") && username.find()) {
            respond(exchange, 200, "{\"access_token\":\"token-of-" + username.group(1)
                    + "\",\"expires_in\":900,\"token_type\":\"Bearer\"}");
        } else {
            respond(exchange, 401, "{\"error\":\"invalid_grant\"}");
        }
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String call = exchange.getRequestMethod() + " " + path.replaceAll("[0-9a-f-]{36}", "{id}");
        calls.add(call);
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String location = Pattern.compile("\"receptionLocation\":\"([A-Z-]+)\"").matcher(body)
                .results().map(m -> m.group(1)).findFirst().orElse("");
        authorizedCalls.add(call + (location.isEmpty() ? "" : " at " + location) + " as " + authorization);
        boolean json = "application/json".equals(exchange.getRequestHeaders().getFirst("Content-Type"));
        if (!json || !body.startsWith("{")) {
            respond(exchange, 415, "{}");
            return;
        }
        JsonNode request = JSON.readTree(body);
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        if (path.equals("/api/v1/persons")) {
            register(exchange, request, key);
            return;
        }
        String id = path.split("/")[4];
        ObjectNode record = records.get(id);
        if (record == null) {
            respond(exchange, 400, "{}");
        } else if (answeredNotFound.add(id)) {
            respond(exchange, 404, "{\"status\":404}"); // the read model has not caught up yet
        } else if (request.path("version").asInt() != record.get("version").asInt()) {
            conflicts.add(call + " with version " + request.path("version") + ", current " + record.get("version"));
            respond(exchange, 409, "{\"status\":409,\"currentVersion\":" + record.get("version") + "}");
        } else {
            int version = record.get("version").asInt() + 1;
            record.put("version", version);
            ObjectNode section = (ObjectNode) request.deepCopy();
            section.remove("version");
            String answer;
            if (path.endsWith("/household")) {
                record.set("household", section);
                answer = section.deepCopy().put("version", version).toString();
            } else if (path.endsWith("/early-intake")) {
                record.set("earlyIntake", section);
                answer = section.deepCopy().put("version", version).toString();
            } else if (path.endsWith("/consents")) {
                ArrayNode consents = record.putArray("consents"); // the latest decision per purpose
                consents.add(section);
                answer = section.toString();
            } else if (path.endsWith("/personal-details")) {
                record.set("personalDetails", section.get("personalDetails"));
                answer = view(record);
            } else if (path.endsWith("/municipality-links")) {
                record.set("municipalityLink", section);
                answer = section.deepCopy().put("personId", id).toString();
            } else {
                respond(exchange, 404, "{}");
                return;
            }
            respond(exchange, path.endsWith("/consents") || path.endsWith("/municipality-links") ? 201 : 200, answer);
        }
    }

    private void register(HttpExchange exchange, JsonNode request, String key) throws IOException {
        if (key != null && registrationKeys.containsKey(key)) {
            respond(exchange, 201, view(records.get(registrationKeys.get(key))));
            return;
        }
        String vNumber = request.at("/personalDetails/vNumber").asString();
        if (findByVNumber(vNumber) != null) {
            respond(exchange, 409, "{\"status\":409,\"invalidParams\":[{\"name\":\"personalDetails.vNumber\"}]}");
            return;
        }
        String id = UUID.randomUUID().toString();
        ObjectNode record = JSON.createObjectNode();
        record.put("id", id);
        record.put("version", 1);
        record.put("receptionLocation", request.get("receptionLocation").asString());
        record.set("personalDetails", request.get("personalDetails"));
        record.putArray("consents");
        JsonNode reunification = request.get("familyReunification");
        if (reunification != null) {
            ObjectNode anchor = findByVNumber(reunification.get("anchorVNumber").asString());
            if (anchor == null) {
                respond(exchange, 400, "{\"status\":400}");
                return;
            }
            record.set("familyReunification", JSON.createObjectNode().put("anchorPersonId", anchor.get("id").asString()));
            if (anchor.hasNonNull("municipalityLink")) { // follows the family
                record.put("version", 2);
                record.set("municipalityLink", ((ObjectNode) anchor.get("municipalityLink").deepCopy()).put("reason", "FAMILY_REUNIFICATION"));
            }
        }
        records.put(id, record);
        if (key != null) {
            registrationKeys.put(key, id);
        }
        exchange.getResponseHeaders().add("Location", "/api/v1/persons/" + id);
        respond(exchange, 201, view(record));
    }

    /** Searches by V-number among the caller's location's people, as POST /api/v1/person-searches. */
    private synchronized void search(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        calls.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
        String account = exchange.getRequestHeaders().getFirst("Authorization").replace("Bearer token-of-", "");
        ObjectNode found = findByVNumber(JSON.readTree(body).get("text").asString());
        boolean visible = found != null && found.get("receptionLocation").asString().equals(ACCOUNT_LOCATIONS.get(account));
        respond(exchange, 200, "{\"persons\":[" + (visible ? view(found) : "") + "],\"total\":" + (visible ? 1 : 0) + "}");
    }

    private ObjectNode findByVNumber(String vNumber) {
        return records.values().stream().filter(r -> vNumber.equals(r.at("/personalDetails/vNumber").asString()))
                .findFirst().orElse(null);
    }

    /**
     * The record as the API shows it: every section repeats the version, and the sections come before the record's
     * own fields (as with alphabetical order), so the seeding must not rely on the order.
     */
    private static String view(ObjectNode record) {
        ObjectNode view = JSON.createObjectNode();
        int version = record.get("version").asInt();
        view.set("consents", record.get("consents"));
        for (String section : List.of("earlyIntake", "household")) {
            view.set(section, record.hasNonNull(section) ? ((ObjectNode) record.get(section).deepCopy()).put("version", version) : null);
        }
        view.set("familyReunification", record.get("familyReunification"));
        view.put("id", record.get("id").asString());
        view.set("municipalityLink", record.hasNonNull("municipalityLink")
                ? ((ObjectNode) record.get("municipalityLink").deepCopy()).put("personId", record.get("id").asString()) : null);
        view.set("personalDetails", record.get("personalDetails"));
        view.put("receptionLocation", record.get("receptionLocation").asString());
        view.put("version", version);
        return view.toString();
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private ObjectNode record(String vNumber) {
        ObjectNode record = findByVNumber(vNumber);
        assertNotNull(record, "a record with V-number " + vNumber);
        return record;
    }

    @Test
    void everyDemoPersonIsSeededCompletelyWithTheCurrentVersionDespiteABriefNotFound() {
        int complete = seed();

        assertEquals(DemoData.PERSONS.size(), complete);
        assertEquals(DemoData.PERSONS.size(), calls.stream().filter("POST /api/v1/persons"::equals).count());
        assertTrue(conflicts.isEmpty(), "every change names the current version: " + conflicts);
        for (String call : List.of("PUT /api/v1/persons/{id}/household", "PUT /api/v1/persons/{id}/early-intake",
                "POST /api/v1/persons/{id}/consents", "PUT /api/v1/persons/{id}/personal-details",
                "POST /api/v1/persons/{id}/municipality-links")) {
            assertTrue(calls.contains(call), call + " in " + calls);
        }
        for (DemoData.Person person : DemoData.PERSONS) {
            ObjectNode record = record(field(person.registration(), "vNumber"));
            assertEquals(person.household() != null, record.hasNonNull("household"), person.key());
            assertEquals(person.earlyIntake() != null, record.hasNonNull("earlyIntake"), person.key());
            assertEquals(person.consents().isEmpty(), record.get("consents").isEmpty(), person.key());
            int changes = (person.household() == null ? 0 : 1) + (person.earlyIntake() == null ? 0 : 1)
                    + person.consents().size() + (person.correction() == null ? 0 : 1)
                    + (person.municipalityLink() == null ? 0 : 1);
            int followed = record.hasNonNull("familyReunification") && record.hasNonNull("municipalityLink") ? 1 : 0;
            assertEquals(1 + changes + followed, record.get("version").asInt(), person.key());
        }
        ObjectNode amina = record("2610345871");
        assertEquals("111222333", amina.at("/personalDetails/bsn").asString());
        assertEquals("GIVEN", amina.at("/consents/0/decision").asString());
        ObjectNode yonas = record("2610519432");
        assertEquals("WITHDRAWN", yonas.at("/consents/0/decision").asString(), "the last decision holds");
        ObjectNode karim = record("2611062154");
        assertEquals(amina.get("id").asString(), karim.at("/familyReunification/anchorPersonId").asString());
        assertEquals("GM0344", karim.at("/municipalityLink/municipalityCode").asString(), "follows the family to Utrecht");
    }

    @Test
    void azcStaffOfThePersonsLocationRecordsAndCoaLinksEachRequestWithABearerToken() {
        seed();

        assertTrue(authorizedCalls.contains("POST /api/v1/persons at AZC-BUDEL as Bearer token-of-azc-budel"), authorizedCalls.toString());
        assertTrue(authorizedCalls.contains("POST /api/v1/persons at AZC-TER-APEL as Bearer token-of-azc-ter-apel"), authorizedCalls.toString());
        for (String call : authorizedCalls) {
            if (call.startsWith("POST /api/v1/persons at ")) {
                String location = call.substring("POST /api/v1/persons at ".length(), call.indexOf(" as "));
                assertTrue(call.endsWith("as Bearer token-of-" + DemoData.AZC_ACCOUNTS.get(location)), call);
            } else if (call.contains("/municipality-links")) {
                assertTrue(call.endsWith("as Bearer token-of-coa-plaatsing"), call);
            } else {
                assertTrue(call.matches("(PUT|POST) /api/v1/persons/\\{id}/(household|early-intake|consents|personal-details)"
                        + " as Bearer token-of-azc-(budel|ter-apel)"), call);
            }
        }
        // one token per account for the whole seeding
        assertEquals(3, tokenRequests.size(), tokenRequests.toString());
    }

    @Test
    void seedingAgainFindsEveryPersonByTheIdempotencyKeyAndChangesNothing() {
        seed();
        Map<String, Integer> versions = new ConcurrentHashMap<>();
        records.values().forEach(r -> versions.put(r.get("id").asString(), r.get("version").asInt()));
        calls.clear();

        assertEquals(DemoData.PERSONS.size(), seed());

        assertEquals(List.of(), calls.stream().filter(call -> !call.equals("POST /api/v1/persons")).toList());
        assertEquals(DemoData.PERSONS.size(), records.size(), "no one registered twice");
        records.values().forEach(r -> assertEquals(versions.get(r.get("id").asString()), r.get("version").asInt()));
    }

    /**
     * An earlier seeding that stopped halfway, with keys the service no longer recognises (another account id after
     * the realm was imported afresh): every V-number answers 409, the person is found by a search, and only what is
     * missing is recorded, on the current version.
     */
    @Test
    void anAlreadyRegisteredVNumberCountsAsSeededAndOnlyTheMissingPartsAreAdded() {
        seed();
        registrationKeys.clear();
        ObjectNode amina = record("2610345871");
        amina.putNull("municipalityLink");
        ObjectNode yonas = record("2610519432");
        ArrayNode consents = yonas.putArray("consents"); // stopped between giving and withdrawing consent
        consents.add(JSON.createObjectNode().put("purpose", "EMPLOYER_PROFILE_SHARING").put("decision", "GIVEN"));
        calls.clear();

        assertEquals(DemoData.PERSONS.size(), seed());

        assertEquals(DemoData.PERSONS.size(), records.size(), "no one registered twice");
        assertEquals(DemoData.PERSONS.size(), calls.stream().filter("POST /api/v1/person-searches"::equals).count());
        List<String> changes = new ArrayList<>(calls.stream()
                .filter(call -> !call.equals("POST /api/v1/persons") && !call.equals("POST /api/v1/person-searches")).toList());
        // Amina's link, then Yonas' withdrawal, in the order of the demo persons
        assertEquals(List.of("POST /api/v1/persons/{id}/municipality-links", "POST /api/v1/persons/{id}/consents"), changes);
        assertEquals("WITHDRAWN", yonas.at("/consents/0/decision").asString());
        assertEquals("GM0344", amina.at("/municipalityLink/municipalityCode").asString());
        assertTrue(conflicts.isEmpty(), conflicts.toString());
    }

    @Test
    void aVNumberRegisteredAtAnotherLocationCountsAsSeededAndIsLeftAsItIs() {
        ObjectNode elsewhere = JSON.createObjectNode();
        elsewhere.put("id", UUID.randomUUID().toString());
        elsewhere.put("version", 1);
        elsewhere.put("receptionLocation", "AZC-BUDEL"); // Fatima's demo registration is at AZC-TER-APEL
        elsewhere.set("personalDetails", JSON.createObjectNode().put("vNumber", "2610958340"));
        elsewhere.putArray("consents");
        records.put(elsewhere.get("id").asString(), elsewhere);

        assertEquals(DemoData.PERSONS.size(), seed());

        assertEquals(DemoData.PERSONS.size(), records.size(), "Fatima is not registered a second time");
        assertEquals(1, elsewhere.get("version").asInt(), "and the record found is left as it is");
        assertEquals(1, calls.stream().filter("POST /api/v1/person-searches"::equals).count());
    }

    @Test
    void aRefusedTokenIsReportedPerPersonAndNothingIsSent() {
        int complete = new DemoData(base, new DemoData.PasswordGrant(base.resolve("/no-such-realm/token"))).seed();

        assertEquals(0, complete);
        assertTrue(calls.isEmpty(), calls.toString());
    }

    @Test
    void theDemoCoversEveryPartOfTheIntakeRecord() {
        Set<String> municipalities = ConcurrentHashMap.newKeySet();
        Set<String> countries = ConcurrentHashMap.newKeySet();
        Set<String> locations = ConcurrentHashMap.newKeySet();
        Set<String> finalDecisions = ConcurrentHashMap.newKeySet();
        for (DemoData.Person person : DemoData.PERSONS) {
            countries.add(field(person.registration(), "countryOfOrigin"));
            locations.add(field(person.registration(), "receptionLocation"));
            if (person.municipalityLink() != null) {
                municipalities.add(field(person.municipalityLink(), "municipalityCode"));
            }
            if (!person.consents().isEmpty()) {
                finalDecisions.add(field(person.consents().getLast(), "decision"));
            }
            for (String body : bodies(person)) {
                assertTrue(JSON.readTree(body).isObject(), person.key() + ": " + body);
                assertFalse(body.contains("\"version\""), "the version is added when sent: " + body);
            }
        }
        assertEquals(Set.of("GM0344", "GM0307", "GM0363"), municipalities);
        assertTrue(countries.size() >= 5, countries.toString());
        // only where a demo account works: the AZC staff's location must match the person's
        assertEquals(DemoData.AZC_ACCOUNTS.keySet(), locations);
        assertEquals(Set.of("GIVEN", "WITHDRAWN"), finalDecisions, "consent given for one person, withdrawn by another");
        assertTrue(DemoData.PERSONS.stream().anyMatch(p -> p.correction() != null && p.correction().contains("\"bsn\"")));
        assertTrue(DemoData.PERSONS.stream().anyMatch(p -> p.earlyIntake() != null
                && p.earlyIntake().contains("\"dutchComparableLevel\"") && p.earlyIntake().contains("\"diplomas\"")
                && p.earlyIntake().contains("\"credentialEvaluation\"") && p.earlyIntake().contains("\"availability\"")),
                "a complete early intake");

        // the nareiziger: registered after the anchor, who is linked and whose household expects them
        List<DemoData.Person> persons = DemoData.PERSONS;
        DemoData.Person nareiziger = persons.stream().filter(p -> p.registration().contains("familyReunification"))
                .findFirst().orElseThrow();
        JsonNode arrival = JSON.readTree(nareiziger.registration()).get("familyReunification");
        DemoData.Person anchor = persons.stream()
                .filter(p -> field(p.registration(), "vNumber").equals(arrival.get("anchorVNumber").asString()))
                .findFirst().orElseThrow();
        assertTrue(persons.indexOf(anchor) < persons.indexOf(nareiziger));
        assertNotNull(anchor.municipalityLink(), "the anchor is linked, so the nareiziger follows");
        JsonNode household = JSON.readTree(anchor.household());
        assertTrue(household.get("children").size() >= 1);
        assertEquals(arrival.get("relationship").asString(),
                household.at("/expectedFamilyMembers/0/relationship").asString());
    }

    @Test
    void theVersionIsAddedAsTheFirstMember() {
        assertEquals("{\"version\":3,\"a\":1}", DemoData.withVersion("{\"a\":1}", 3));
        assertEquals("{\"version\":1}", DemoData.withVersion(" { } ", 1));
        assertEquals(java.util.Optional.of(4), DemoData.version("{\"household\":{\"version\":4},\"version\":4}"));
        assertEquals(java.util.Optional.empty(), DemoData.version("{\"decision\":\"GIVEN\"}"));
    }

    private static List<String> bodies(DemoData.Person person) {
        List<String> bodies = new ArrayList<>();
        bodies.add(person.registration());
        bodies.addAll(person.consents());
        for (String body : new String[] {person.household(), person.earlyIntake(), person.correction(), person.municipalityLink()}) {
            if (body != null) {
                bodies.add(body);
            }
        }
        return bodies;
    }

    private static String field(String json, String name) {
        var matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        assertTrue(matcher.find(), name + " in " + json);
        return matcher.group(1);
    }
}
