package nl.doorstroom.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Seeds against a small stand-in of intake-service's REST contract, whose read model lags once, and of Keycloak's
 * token endpoint.
 */
class DemoDataTest {

    private HttpServer server;
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final Set<String> known = ConcurrentHashMap.newKeySet();
    private final Set<String> answeredNotFound = ConcurrentHashMap.newKeySet();
    private final List<String> authorizedCalls = new CopyOnWriteArrayList<>();
    private final List<String> tokenRequests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startIntakeStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/persons", this::handle);
        server.createContext("/realms/doorstroom/protocol/openid-connect/token", this::token);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    /** Keycloak's password grant, as the demo seeding uses it: one token per account. */
    private void token(HttpExchange exchange) throws IOException {
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        tokenRequests.add(form);
        var username = java.util.regex.Pattern.compile("username=([a-z-]+)").matcher(form);
        if (form.contains("grant_type=password") && form.contains("client_id=doorstroom-cli")
                && form.contains("password=doorstroom") && username.find()) {
            respond(exchange, 200, "{\"access_token\":\"token-of-" + username.group(1)
                    + "\",\"expires_in\":900,\"token_type\":\"Bearer\"}");
        } else {
            respond(exchange, 401, "{\"error\":\"invalid_grant\"}");
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String call = exchange.getRequestMethod() + " " + path.replaceAll("[0-9a-f-]{36}", "{id}");
        calls.add(call);
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String location = java.util.regex.Pattern.compile("\"receptionLocation\":\"([A-Z-]+)\"").matcher(body)
                .results().map(m -> m.group(1)).findFirst().orElse("");
        authorizedCalls.add(call + (location.isEmpty() ? "" : " at " + location) + " as " + authorization);
        boolean json = "application/json".equals(exchange.getRequestHeaders().getFirst("Content-Type"));
        if (!json || !body.startsWith("{")) {
            respond(exchange, 415, "{}");
        } else if (path.equals("/api/v1/persons")) {
            String id = UUID.randomUUID().toString();
            known.add(id);
            exchange.getResponseHeaders().add("Location", "/api/v1/persons/" + id);
            respond(exchange, 201, "{\"id\":\"" + id + "\",\"familyName\":\"x\"}");
        } else {
            String id = path.split("/")[4];
            if (!known.contains(id)) {
                respond(exchange, 400, "{}");
            } else if (answeredNotFound.add(id)) {
                respond(exchange, 404, "{\"status\":404}"); // the read model has not caught up yet
            } else {
                respond(exchange, path.endsWith("/early-intake") ? 200 : 201, "{}");
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Test
    void everyDemoPersonIsRegisteredDespiteABriefNotFound() {
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());

        int complete = new DemoData(base, new DemoData.PasswordGrant(
                base.resolve("/realms/doorstroom/protocol/openid-connect/token"))).seed();

        assertEquals(DemoData.PERSONS.size(), complete);
        assertEquals(DemoData.PERSONS.size(), calls.stream().filter("POST /api/v1/persons"::equals).count());
        assertTrue(calls.contains("PUT /api/v1/persons/{id}/early-intake"));
        assertTrue(calls.contains("POST /api/v1/persons/{id}/municipality-links"));
    }

    @Test
    void azcStaffOfThePersonsLocationRegistersAndCoaLinksEachRequestWithABearerToken() {
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());

        new DemoData(base, new DemoData.PasswordGrant(base.resolve("/realms/doorstroom/protocol/openid-connect/token"))).seed();

        assertTrue(authorizedCalls.contains("POST /api/v1/persons at AZC-BUDEL as Bearer token-of-azc-budel"), authorizedCalls.toString());
        assertTrue(authorizedCalls.contains("POST /api/v1/persons at AZC-TER-APEL as Bearer token-of-azc-ter-apel"), authorizedCalls.toString());
        for (String call : authorizedCalls) {
            if (call.startsWith("POST /api/v1/persons at ")) {
                String location = call.substring("POST /api/v1/persons at ".length(), call.indexOf(" as "));
                assertTrue(call.endsWith("as Bearer token-of-" + DemoData.AZC_ACCOUNTS.get(location)), call);
            } else if (call.contains("/municipality-links")) {
                assertTrue(call.endsWith("as Bearer token-of-coa-plaatsing"), call);
            } else {
                assertTrue(call.matches("PUT /api/v1/persons/\\{id}/early-intake as Bearer token-of-azc-(budel|ter-apel)"), call);
            }
        }
        // one token per account for the whole seeding
        assertEquals(3, tokenRequests.size(), tokenRequests.toString());
    }

    @Test
    void aRefusedTokenIsReportedPerPersonAndNothingIsSent() {
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());

        int complete = new DemoData(base, new DemoData.PasswordGrant(base.resolve("/no-such-realm/token"))).seed();

        assertEquals(0, complete);
        assertTrue(calls.isEmpty(), calls.toString());
    }

    @Test
    void theDemoCoversSeveralCountriesLocationsAndMunicipalities() {
        Set<String> municipalities = ConcurrentHashMap.newKeySet();
        Set<String> countries = ConcurrentHashMap.newKeySet();
        Set<String> locations = ConcurrentHashMap.newKeySet();
        for (DemoData.Person person : DemoData.PERSONS) {
            countries.add(field(person.registration(), "countryOfOrigin"));
            locations.add(field(person.registration(), "receptionLocation"));
            if (person.municipalityLink() != null) {
                municipalities.add(field(person.municipalityLink(), "municipalityCode"));
            }
        }
        assertEquals(Set.of("GM0344", "GM0307", "GM0363"), municipalities);
        assertTrue(countries.size() >= 5, countries.toString());
        // only where a demo account works: the AZC staff's location must match the person's
        assertEquals(DemoData.AZC_ACCOUNTS.keySet(), locations);
    }

    private static String field(String json, String name) {
        var matcher = java.util.regex.Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        assertTrue(matcher.find(), name + " in " + json);
        return matcher.group(1);
    }
}
