package nl.doorstroom.trajectory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.streams.KafkaStreams;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.web.client.RestClient;

import nl.doorstroom.platform.reference.Municipalities;
import nl.doorstroom.platform.test.DemoPrivacyKeys;
import nl.doorstroom.platform.test.TestTokens;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of every Spring Boot test of this service: all of them share this one configuration, so the test JVM caches
 * one context and runs one Streams application against platform-test's broker and registry.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DemoPrivacyKeys
public abstract class TrajectoryServiceIntegrationTest {

    protected static final Duration DEADLINE = Duration.ofSeconds(30);
    protected static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    protected int port;

    @Autowired
    protected StreamsBuilderFactoryBean streams;

    protected RestClient http;

    @Autowired
    private Municipalities municipalities;

    private static final Pattern MUNICIPALITY_IN_PATH = Pattern.compile("/(GM\\d{4})(/|$)");

    @BeforeEach
    void awaitStreamsRunning() {
        http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
        Awaitility.await("Kafka Streams RUNNING").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    KafkaStreams kafkaStreams = streams.getKafkaStreams();
                    KafkaStreams.State state = kafkaStreams == null ? null : kafkaStreams.state();
                    if (state == KafkaStreams.State.ERROR || state == KafkaStreams.State.PENDING_ERROR
                            || state == KafkaStreams.State.NOT_RUNNING || state == KafkaStreams.State.PENDING_SHUTDOWN) {
                        throw new AssertionError("Kafka Streams is " + state + "; see the test log");
                    }
                    return state == KafkaStreams.State.RUNNING;
                });
    }

    protected ResponseEntity<String> get(String path) {
        return get(path, "application/json");
    }

    /**
     * A GET as the case worker of the municipality named in the path; as Utrecht's case worker where the path names
     * no existing municipality (a malformed or unknown code).
     */
    protected ResponseEntity<String> get(String path, String accept) {
        Matcher municipality = MUNICIPALITY_IN_PATH.matcher(path);
        String code = municipality.find() && municipalities.isKnown(municipality.group(1)) ? municipality.group(1) : "GM0344";
        return http.get().uri(path).header(HttpHeaders.ACCEPT, accept)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.caseWorker(code))
                .retrieve().toEntity(String.class);
    }

    /** A GET with the given bearer token. */
    protected ResponseEntity<String> getAs(String token, String path) {
        return http.get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token).retrieve().toEntity(String.class);
    }

    protected static JsonNode json(ResponseEntity<String> response) {
        assertThat(response.getBody()).as("response body").isNotNull();
        return JSON.readTree(response.getBody());
    }
}
