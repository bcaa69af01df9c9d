package nl.doorstroom.trajectory.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.StreamsConfig;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import nl.doorstroom.platform.kafka.EventPublisher;
import nl.doorstroom.platform.test.TestTokens;
import nl.doorstroom.platform.test.TopicContents;
import nl.doorstroom.trajectory.CaseWorkerClient;
import nl.doorstroom.trajectory.TrajectoryServiceIntegrationTest;

/**
 * A trajectory record stays bounded however often it changes (DESIGN §1): a thousand corrections of one brede intake
 * leave the stored record far below the broker's 1 MB limit (115 made it 1 MB when the record held every event), the
 * history on the person page still lists every version, a repeated request is still answered from the record, and the
 * service stays ready.
 */
class BoundedRecordIntegrationTest extends TrajectoryServiceIntegrationTest {

    private static final int CORRECTIONS = 1_000;

    @Autowired
    private EventPublisher publisher;

    @Value("${spring.kafka.bootstrap-servers}")
    private String brokers;

    /** One case worker for both requests: an Idempotency-Key is scoped to its caller's account. */
    private final String caseWorker = TestTokens.caseWorker("GM0344");

    @Test
    void aThousandBredeIntakeCorrectionsKeepTheRecordSmallAndEveryVersionInTheHistory() {
        CaseWorkerClient utrecht = new CaseWorkerClient(http, "GM0344");
        String person = utrecht.linkedPerson(publisher, Instant.now());
        String trajectory = utrecht.trajectory(person);
        utrecht.accept(person, 0);
        for (int version = 1; version <= CORRECTIONS; version++) {
            utrecht.change(HttpMethod.PUT, trajectory + "/brede-intake", Map.of("version", version,
                    "date", LocalDate.now().minusDays(20).toString(), "learnabilityTestOutcome", "B1_ATTAINABLE",
                    "educationFindings", "bachelor in civil engineering, diploma evaluated (" + version + ")",
                    "workFindings", "six years as a civil engineer",
                    "circumstancesFindings", "two young children; 24 hours a week available"), HttpStatus.OK);
        }

        // a repeated request gets the activity its first one planned, from the history of the version it made
        Map<String, Object> activity = Map.of("version", CORRECTIONS + 1, "kind", "LANGUAGE_COURSE",
                "plannedStart", LocalDate.now().plusDays(7).toString(), "hoursPerWeek", 12);
        ResponseEntity<String> planned = planActivity(trajectory, activity);
        assertThat(planned.getStatusCode()).as(planned.getBody()).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<String> repeated = planActivity(trajectory, activity);
        assertThat(repeated.getStatusCode().is2xxSuccessful()).as(repeated.getBody()).isTrue();
        assertThat(repeated.getHeaders().getLocation()).isEqualTo(planned.getHeaders().getLocation()).isNotNull();

        String changelog = streams.getStreamsConfiguration().getProperty(StreamsConfig.APPLICATION_ID_CONFIG) + "-"
                + TrajectoryTopology.STORE + "-changelog";
        List<ConsumerRecord<byte[], byte[]>> stored = Awaitility.await().atMost(DEADLINE)
                .until(() -> TopicContents.recordsWithKey(brokers, changelog, person), found -> found.size() > CORRECTIONS);
        int size = stored.getLast().value().length;
        System.out.printf("trajectory record after %d corrections: %d bytes in %s%n", CORRECTIONS, size, changelog);
        assertThat(size).isLessThan(64 * 1024);

        String page = get("/gemeenten/GM0344/trajecten/" + person, MediaType.TEXT_HTML_VALUE).getBody();
        assertThat(Pattern.compile("<td>Brede intake vastgelegd</td>").matcher(page).results().count())
                .isEqualTo(CORRECTIONS);
        assertThat(page).contains("<th scope=\"row\">1</th>", "<th scope=\"row\">" + (CORRECTIONS + 2) + "</th>");

        ResponseEntity<String> readiness = get("/actuator/health/readiness");
        assertThat(readiness.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json(readiness).get("status").asString()).isEqualTo("UP");
    }

    private ResponseEntity<String> planActivity(String trajectory, Map<String, Object> activity) {
        return http.post().uri(trajectory + "/activities")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + caseWorker)
                .header("Idempotency-Key", "plan-language-course").contentType(MediaType.APPLICATION_JSON).body(activity)
                .retrieve().toEntity(String.class);
    }
}
