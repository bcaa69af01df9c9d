package nl.doorstroom.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import nl.doorstroom.platform.test.TestTokens;
import tools.jackson.databind.json.JsonMapper;

/**
 * Direct identifiers travel only inside record values (AVG, NL GOV CloudEvents profile): never in a Kafka header, a
 * log line, a metric, an error message or a URL. A person with a name, V-number and BSN found nowhere else is taken
 * through registration, a correction that adds the BSN, a search by name, link and handover, bad input and conflicts
 * included; then every header on every topic, every service's log, the metrics and the error answers are searched for
 * them.
 */
class NoPersonalDataOutsideTheRecordsTest {

    private static final String GIVEN_NAMES = "Zerihun";
    private static final String FAMILY_NAME = "Woldemariam";
    private static final String V_NUMBER = "7031945528";
    private static final String BSN = "703190015";

    @Test
    void namesAndVNumbersAppearInNoHeaderLogMetricErrorOrUrl() throws IOException {
        RestClient intake = client("intake-service");
        String personalDetails = """
                {"givenNames":"%s","familyName":"%s","dateOfBirth":"1990-06-01","sex":"MALE","vNumber":"%s",
                 "countryOfOrigin":"ET","languagesSpoken":["am"]}""".formatted(GIVEN_NAMES, FAMILY_NAME, V_NUMBER);
        String registration = """
                {"personalDetails":%s,"receptionLocation":"AZC-BUDEL"}""".formatted(personalDetails);
        String budel = TestTokens.azcStaff("AZC-BUDEL");
        ResponseEntity<String> registered = post(intake, budel, "/api/v1/persons", registration);
        assertThat(registered.getStatusCode().value()).isEqualTo(201);
        String id = JsonMapper.builder().build().readTree(registered.getBody()).get("id").asString();
        assertThat(registered.getHeaders().getLocation()).hasToString("/api/v1/persons/" + id);
        String withBsn = personalDetails.replace("\"countryOfOrigin\"", "\"bsn\":\"" + BSN + "\",\"countryOfOrigin\"");
        ResponseEntity<String> corrected = put(intake, budel, "/api/v1/persons/" + id + "/personal-details",
                "{\"version\":1,\"personalDetails\":" + withBsn + "}");
        assertThat(corrected.getStatusCode().value()).as(corrected.getBody()).isEqualTo(200);
        ResponseEntity<String> found = post(intake, budel, "/api/v1/person-searches", "{\"text\":\"" + FAMILY_NAME + "\"}");
        assertThat(found.getBody()).as("found by name").contains(id);
        assertThat(post(intake, budel, "/api/v1/person-searches", "{\"text\":\"" + BSN + "\"}").getBody())
                .as("found by BSN").contains(id);
        ResponseEntity<String> linked = post(intake, TestTokens.coaPlacementOfficer(), "/api/v1/persons/" + id + "/municipality-links",
                "{\"version\":2,\"municipalityCode\":\"GM0344\",\"permitDate\":\"%s\",\"linkDate\":\"%s\"}".formatted(LocalDate.now().minusDays(3), LocalDate.now()));
        assertThat(linked.getStatusCode().value()).as(linked.getBody()).isEqualTo(201);
        RestClient trajectory = client("trajectory-service");
        await().atMost(Duration.ofSeconds(30)).until(() -> trajectory.get().uri("/api/v1/municipalities/GM0344/handovers/{id}", id)
                .header("Authorization", "Bearer " + TestTokens.caseWorker("GM0344")).retrieve().toEntity(String.class)
                .getStatusCode().value() == 200);

        List<String> errorAnswers = List.of(
                post(intake, budel, "/api/v1/persons", registration.replace("1990-06-01", "2990-06-01")).getBody(),
                post(intake, budel, "/api/v1/persons", registration.replace("\"ET\"", "\"" + FAMILY_NAME + "\"")).getBody(),
                post(intake, budel, "/api/v1/persons", registration).getBody(), // V-number already registered: 409
                put(intake, budel, "/api/v1/persons/" + id + "/personal-details",
                        "{\"version\":1,\"personalDetails\":" + withBsn + "}").getBody(), // stale version: 409
                put(intake, budel, "/api/v1/persons/" + id + "/personal-details",
                        "{\"version\":3,\"personalDetails\":" + withBsn.replace(BSN, BSN.substring(0, 8) + "9") + "}").getBody(),
                post(intake, TestTokens.azcStaff("AZC-TER-APEL"), "/api/v1/persons", registration).getBody(),
                post(intake, null, "/api/v1/persons", registration).getBody());
        for (String answer : errorAnswers) {
            assertNoIdentifier("an error answer", answer);
        }

        for (String header : allHeaders()) {
            assertNoIdentifier("a Kafka header", header);
        }
        for (String service : RunningPlatform.SERVICES) {
            String metrics = client(service).get().uri("/actuator/prometheus")
                    .header("Authorization", "Bearer " + TestTokens.platformOperator()).retrieve().body(String.class);
            assertNoIdentifier("the metrics of " + service, metrics);
        }
        try (Stream<Path> logs = Files.list(Path.of("target", "service-logs"))) {
            for (Path log : logs.toList()) {
                assertNoIdentifier("the log " + log.getFileName(), Files.readString(log));
            }
        }
    }

    private static void assertNoIdentifier(String where, String text) {
        assertThat(text == null ? "" : text).as(where).doesNotContain(GIVEN_NAMES).doesNotContain(FAMILY_NAME)
                .doesNotContain(V_NUMBER).doesNotContain(BSN);
    }

    private static List<String> allHeaders() {
        List<String> headers = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : BrokerContents.everything()) {
            for (Header header : record.headers()) {
                headers.add(header.key() + "=" + new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        assertThat(headers).as("headers read").isNotEmpty();
        return headers;
    }

    private static ResponseEntity<String> post(RestClient client, String token, String path, String body) {
        return send(client, HttpMethod.POST, token, path, body);
    }

    private static ResponseEntity<String> put(RestClient client, String token, String path, String body) {
        return send(client, HttpMethod.PUT, token, path, body);
    }

    private static ResponseEntity<String> send(RestClient client, HttpMethod method, String token, String path, String body) {
        var request = client.method(method).uri(path).contentType(MediaType.APPLICATION_JSON).body(body);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.retrieve().toEntity(String.class);
    }

    private static RestClient client(String service) {
        return RestClient.builder().baseUrl(RunningPlatform.service(service).baseUrl())
                .defaultStatusHandler(status -> true, (request, response) -> { }).build();
    }
}
