package nl.doorstroom.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

import nl.doorstroom.platform.test.TestTokens;
import nl.doorstroom.schemas.Topics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hostile input against every service: bodies far over the limit sent without a length, by a role that may not post
 * them and by one that may; paging numbers that would overflow; unknown fields and scalars in the wrong type; odd path
 * segments; invisible characters in a name; a date far outside its field's range. No answer is a 5xx, every 4xx is problem details with the API-Version header, and nothing is published.
 */
class HostileInputTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PROBLEM = "application/problem+json";
    /**
     * Sixteen times the limit, and below what Tomcat swallows of a body nobody read (2 MB), so the client gets to read
     * the answer instead of a reset connection.
     */
    private static final int OVERSIZE = 1024 * 1024;
    private static final String UTRECHT = "GM0344";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());

    @Test
    void hostileInputGetsAClearAnswerAndChangesNothing() throws Exception {
        String intake = RunningPlatform.service("intake-service").baseUrl();
        String trajectory = RunningPlatform.service("trajectory-service").baseUrl();
        String staff = TestTokens.azcStaff("AZC-BUDEL");
        String employer = TestTokens.employer("12345678");
        String caseWorker = TestTokens.caseWorker(UTRECHT);
        IntakeApi.Registered person = new IntakeApi(intake).registerOnly("Hostile", "Input", IntakeApi.vNumber());
        String plan = trajectory + "/api/v1/municipalities/" + UTRECHT + "/trajectories/" + UUID.randomUUID() + "/plan";
        Map<TopicPartition, Long> before = eventTopicEnds();

        // a wrong role is refused before its body is read; the right one reads no further than the limit
        expect(chunked("POST", intake + "/api/v1/persons", employer), 403);
        expect(chunked("POST", intake + "/api/v1/persons", staff), 413);
        expect(chunked("PUT", plan, employer), 403);
        expect(chunked("PUT", plan, caseWorker), 413);
        expect(send("POST", intake + "/api/v1/persons", staff, "x".repeat(70_000)), 413);

        // paging arithmetic
        expect(send("GET", intake + "/api/v1/persons?page=21474838&pageSize=100", staff, null), 200);
        expect(send("GET", intake + "/api/v1/persons?page=2147483647&pageSize=100", staff, null), 200);
        expect(send("GET", intake + "/api/v1/persons?page=99999999999&pageSize=100", staff, null), 400);
        expect(send("GET", trajectory + "/api/v1/municipalities/" + UTRECHT + "/handovers?page=2147483647&pageSize=100",
                caseWorker, null), 200);

        // unknown fields and scalars in the wrong type
        String earlyIntake = intake + "/api/v1/persons/" + person.id() + "/early-intake";
        expectInvalid(send("PUT", earlyIntake, staff, """
                {"version":%d,"surprise":true}""".formatted(person.version())), "surprise");
        expectInvalid(send("PUT", earlyIntake, staff, """
                {"version":1.9}"""), "version");
        expectInvalid(send("PUT", earlyIntake, staff, """
                {"version":"1"}"""), "version");
        expect(send("POST", intake + "/api/v1/persons", staff, "[".repeat(1000) + "]".repeat(1000)), 400);

        // a date far outside what the field can mean
        expectInvalid(send("POST", intake + "/api/v1/persons/" + person.id() + "/municipality-links",
                TestTokens.coaPlacementOfficer(), """
                        {"version":%d,"municipalityCode":"GM0344","permitDate":"1800-01-01","linkDate":"1800-01-02"}"""
                        .formatted(person.version())), "permitDate");

        // invisible characters that make a name read as something else
        expectInvalid(send("POST", intake + "/api/v1/persons", staff, """
                {"personalDetails":%s,"receptionLocation":"AZC-BUDEL"}""".formatted(IntakeApi.personalDetails(
                "Amina\u202Eadammah", "Haddad", IntakeApi.vNumber(), null))), "personalDetails.givenNames");

        // no token, a token of the wrong role, nobody there
        expect(send("GET", intake + "/api/v1/persons", null, null), 401);
        expect(send("GET", intake + "/api/v1/persons", employer, null), 403);
        expect(send("GET", intake + "/api/v1/persons/" + UUID.randomUUID(), staff, null), 404);

        // odd path segments, at every service
        for (String service : RunningPlatform.SERVICES) {
            String base = RunningPlatform.service(service).baseUrl();
            for (String path : List.of("/api/v1/..%2f..%2factuator", "/api/v1/persons;jsessionid=x", "/api//v1/persons",
                    "/api/v1/%2e%2e/actuator/env", "/api/v1/persons/%25", "/api/v1/nothing-here", "/api/v1/persons/%0a")) {
                expectClientError(send("GET", base + path, staff, null), service + path);
            }
        }

        assertThat(eventTopicEnds()).as("nothing published").isEqualTo(before);
        assertThat(failures).isEmpty();
    }

    @Test
    void everyDocumentedResponseDeclaresTheApiVersion() throws Exception {
        for (String service : RunningPlatform.SERVICES) {
            HttpResponse<String> document = send("GET", RunningPlatform.service(service).baseUrl() + "/api/v1/openapi.json",
                    null, null);
            assertThat(document.statusCode()).as(service).isEqualTo(200);
            JsonNode openApi = JSON.readTree(document.body());
            // a string (OpenAPI 3.1 may write the type as a list of one)
            assertThat(openApi.at("/components/headers/API-Version/schema").toString()).as(service).contains("string");
            List<String> without = new ArrayList<>();
            openApi.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation ->
                    operation.getValue().path("responses").properties().forEach(response -> {
                        if (response.getValue().path("headers").path("API-Version").isMissingNode()) {
                            without.add(operation.getKey() + " " + path.getKey() + " " + response.getKey());
                        }
                    })));
            assertThat(without).as("responses of %s without API-Version", service).isEmpty();
        }
    }

    private void expect(HttpResponse<String> response, int status) {
        String call = response.request().method() + " " + response.request().uri();
        if (response.statusCode() != status) {
            failures.add(call + " answered " + response.statusCode() + ", expected " + status);
        }
        checkHeadersAndBody(response, call);
    }

    private void expectInvalid(HttpResponse<String> response, String field) {
        expect(response, 400);
        Set<String> named = JSON.readTree(response.body()).path("invalidParams").valueStream()
                .map(param -> param.path("name").asString()).collect(Collectors.toSet());
        if (!named.contains(field)) {
            failures.add(response.request().uri() + " did not name " + field + ": " + named);
        }
    }

    private void expectClientError(HttpResponse<String> response, String call) {
        if (response.statusCode() < 400 || response.statusCode() >= 500) {
            failures.add(call + " answered " + response.statusCode());
        }
        checkHeadersAndBody(response, call);
    }

    private void checkHeadersAndBody(HttpResponse<String> response, String call) {
        int status = response.statusCode();
        if (status >= 500) {
            failures.add(call + " answered " + status);
        }
        if (status >= 400) {
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (!type.startsWith(PROBLEM)) {
                failures.add(call + " answered " + status + " as " + type + ", not problem details");
            }
        }
        if (response.headers().firstValue("API-Version").isEmpty()) {
            failures.add(call + " answered " + status + " without API-Version");
        }
    }

    private HttpResponse<String> chunked(String method, String url, String token) throws Exception {
        // one long JSON text, sent without a Content-Length
        InputStream body = new SequenceInputStream(new ByteArrayInputStream("{\"x\":\"".getBytes()),
                new InputStream() {
                    private int sent;

                    @Override
                    public int read() {
                        return sent++ < OVERSIZE ? 'a' : -1;
                    }
                });
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofInputStream(() -> body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String url, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<TopicPartition, Long> eventTopicEnds() throws Exception {
        String brokers = System.getProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            var described = admin.describeTopics(List.of(Topics.INTAKE_PERSON_EVENTS.name(),
                    Topics.TRAJECTORY_TRAJECTORY_EVENTS.name())).allTopicNames().get();
            Map<TopicPartition, OffsetSpec> latest = described.values().stream()
                    .flatMap(topic -> topic.partitions().stream().map(p -> new TopicPartition(topic.name(), p.partition())))
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
        }
    }
}
