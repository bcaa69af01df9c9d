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

/** Seeds against a small stand-in of intake-service's REST contract, whose read model lags once. */
class DemoDataTest {

    private HttpServer server;
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final Set<String> known = ConcurrentHashMap.newKeySet();
    private final Set<String> answeredNotFound = ConcurrentHashMap.newKeySet();

    @BeforeEach
    void startIntakeStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/persons", this::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        calls.add(exchange.getRequestMethod() + " " + path.replaceAll("[0-9a-f-]{36}", "{id}"));
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

        int complete = new DemoData(base).seed();

        assertEquals(DemoData.PERSONS.size(), complete);
        assertEquals(DemoData.PERSONS.size(), calls.stream().filter("POST /api/v1/persons"::equals).count());
        assertTrue(calls.contains("PUT /api/v1/persons/{id}/early-intake"));
        assertTrue(calls.contains("POST /api/v1/persons/{id}/municipality-links"));
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
        assertTrue(locations.size() >= 3, locations.toString());
    }

    private static String field(String json, String name) {
        var matcher = java.util.regex.Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        assertTrue(matcher.find(), name + " in " + json);
        return matcher.group(1);
    }
}
