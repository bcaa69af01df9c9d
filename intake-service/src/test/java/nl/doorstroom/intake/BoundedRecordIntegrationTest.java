package nl.doorstroom.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.web.client.RestClient;

import nl.doorstroom.platform.test.DemoPrivacyKeys;
import nl.doorstroom.platform.test.TestTokens;
import nl.doorstroom.platform.test.TopicContents;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A person's record stays bounded however often it changes (DESIGN §1): a thousand corrections of one early intake
 * leave the stored record far below the broker's 1 MB limit, the versions view still lists every version, and the
 * service stays ready.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DemoPrivacyKeys
class BoundedRecordIntegrationTest {

    private static final int CHANGES = 1_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;
    @Autowired
    StreamsBuilderFactoryBean streams;

    @Test
    void aThousandCorrectionsOfOneEarlyIntakeKeepTheRecordSmallAndEveryVersionListed() {
        RestClient http = RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultHeader("Authorization", "Bearer " + TestTokens.azcStaff("AZC-BUDEL"))
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
        await("intake streams running").atMost(Duration.ofSeconds(60))
                .until(() -> streams.getKafkaStreams() != null && streams.getKafkaStreams().state() == KafkaStreams.State.RUNNING);
        ResponseEntity<String> registered = http.post().uri("/api/v1/persons").contentType(MediaType.APPLICATION_JSON)
                .body(IntakeApiIntegrationTest.registration("Amina", IntakeApiIntegrationTest.randomVNumber()))
                .retrieve().toEntity(String.class);
        assertThat(registered.getStatusCode().value()).isEqualTo(201);
        String id = JSON.readTree(registered.getBody()).get("id").asString();

        ResponseEntity<String> last = null;
        for (int version = 1; version <= CHANGES; version++) {
            last = http.put().uri("/api/v1/persons/{id}/early-intake", id).contentType(MediaType.APPLICATION_JSON)
                    .header("Idempotency-Key", "correction-" + version)
                    .body(IntakeApiIntegrationTest.earlyIntake(version)).retrieve().toEntity(String.class);
            assertThat(last.getStatusCode().value()).as("correction %d: %s", version, last.getBody()).isEqualTo(200);
        }
        ResponseEntity<String> repeated = http.put().uri("/api/v1/persons/{id}/early-intake", id)
                .contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", "correction-" + CHANGES)
                .body(IntakeApiIntegrationTest.earlyIntake(CHANGES)).retrieve().toEntity(String.class);
        assertThat(repeated.getStatusCode().value()).as("a repeat is answered from the record").isEqualTo(200);
        assertThat(repeated.getBody()).isEqualTo(last.getBody());

        String changelog = streams.getStreamsConfiguration().getProperty(StreamsConfig.APPLICATION_ID_CONFIG)
                + "-intake-records-changelog";
        List<ConsumerRecord<byte[], byte[]>> stored = await().atMost(Duration.ofSeconds(30))
                .until(() -> TopicContents.recordsWithKey(brokers, changelog, id), found -> found.size() > CHANGES);
        int size = stored.getLast().value().length;
        System.out.printf("intake record after %d corrections: %d bytes in %s%n", CHANGES, size, changelog);
        assertThat(size).isLessThan(64 * 1024);

        JsonNode versions = JSON.readTree(http.get().uri("/api/v1/persons/{id}/versions", id).retrieve().body(String.class));
        assertThat(versions).hasSize(CHANGES + 1);
        assertThat(versions.get(0).get("version").asInt()).isEqualTo(CHANGES + 1);
        assertThat(versions.get(CHANGES).get("change").asString()).isEqualTo("registered");

        ResponseEntity<String> readiness = http.get().uri("/actuator/health/readiness").retrieve().toEntity(String.class);
        assertThat(readiness.getStatusCode().value()).isEqualTo(200);
        assertThat(JSON.readTree(readiness.getBody()).get("status").asString()).isEqualTo("UP");
    }
}
