package nl.doorstroom.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.web.client.RestClient;

import nl.doorstroom.platform.test.TestTokens;
import nl.doorstroom.platform.test.TopicContents;
import tools.jackson.databind.json.JsonMapper;

/**
 * Erasure leaves nothing readable (AVG art. 17): a person with every kind of free text (diplomas, the IDW reference,
 * job title and sector, wishes, brede intake findings, a deviation reason, an activity's provider, a milestone's
 * description, a closure note) is taken through intake, a trajectory in Utrecht and a dead letter; after a platform
 * operator erases them, every record on every topic of the broker (events, state-store changelogs, dead letters, the
 * processing log, their keys and headers) is searched for every value entered, and the stores hold nothing of them.
 */
class ErasureLeavesNothingReadableTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String UTRECHT = "GM0344";
    private static final String MARKER = "sealed:v1:";

    /** Every value entered, each one found nowhere else on the broker. */
    private final String token = UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, String> entered = new HashMap<>();

    private final IntakeApi intake = new IntakeApi(RunningPlatform.service("intake-service").baseUrl());
    private final RestClient trajectory = IntakeApi.lenientClient(RunningPlatform.service("trajectory-service").baseUrl());

    private String text(String field, String value) {
        String unique = value + " " + token;
        entered.put(field, unique);
        return unique;
    }

    @Test
    void everyFreeTextIsUnreadableAfterErasureOnEveryTopicAndGoneFromEveryStore() {
        String vNumber = IntakeApi.vNumber();
        String givenNames = "Hawi" + token.replaceAll("[0-9]", "");
        entered.put("givenNames", givenNames);
        entered.put("vNumber", vNumber);
        IntakeApi.Registered registered = intake.registerOnly(givenNames, "Gemechu", vNumber);
        String person = registered.id();
        ResponseEntity<String> recorded = intake.client().put().uri("/api/v1/persons/{id}/early-intake", person)
                .header("Authorization", "Bearer " + TestTokens.azcStaff("AZC-BUDEL")).contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"version":%d,
                         "education":{"iscedLevel":"ISCED_5","yearsOfSchooling":15,"countryOfEducation":"ET",
                           "diplomas":[{"title":"%s","country":"ET","yearObtained":2016,"documentAvailable":true}],
                           "credentialEvaluation":{"status":"REQUESTED","reference":"%s"}},
                         "workExperience":[{"iscoCode":"2221","jobTitle":"%s","years":5,"sector":"%s"}],
                         "languageLevels":[{"language":"nl","skill":"LISTENING","level":"A2"}],
                         "wishes":{"work":"%s","education":"%s","sectors":["%s"]},
                         "availability":{"hoursPerWeek":30,"careDuties":["CHILDREN"]}}""".formatted(registered.version(),
                        text("diploma", "Bachelor verpleegkunde Jimma"), text("reference", "IDW-2026-7731"),
                        text("jobTitle", "Verpleegkundige op de kinderafdeling"), text("sector", "Ziekenhuiszorg"),
                        text("wishWork", "Wil de BIG-registratie halen"), text("wishEducation", "Verkort HBO-V"),
                        text("wishSector", "Wijkverpleging")))
                .retrieve().toEntity(String.class);
        assertThat(recorded.getStatusCode().value()).as(recorded.getBody()).isEqualTo(200);
        intake.link(person, UTRECHT, JSON.readTree(recorded.getBody()).get("version").asInt());
        await("the dossier in Utrecht").atMost(Duration.ofSeconds(20)).until(() -> send(person, HttpMethod.GET, "", null)
                .getStatusCode().value() == 200);

        int version = change(person, HttpMethod.PUT, "/acceptance", "{\"version\":0}");
        version = change(person, HttpMethod.PUT, "/brede-intake", """
                {"version":%d,"date":"%s","learnabilityTestOutcome":"B1_ATTAINABLE","educationFindings":"%s",
                 "workFindings":"%s","circumstancesFindings":"%s"}""".formatted(version, LocalDate.now(),
                text("educationFindings", "Vijf jaar verpleegkunde gestudeerd"),
                text("workFindings", "Vijf jaar verpleegkundige; wil de BIG-registratie halen"),
                text("circumstancesFindings", "Twee jonge kinderen; 20 uur per week beschikbaar")));
        version = change(person, HttpMethod.PUT, "/plan", """
                {"version":%d,"learningRoute":"Z_ROUTE","adoptedOn":"%s","deviationReason":"%s"}""".formatted(version,
                LocalDate.now(), text("deviationReason", "Zorg voor een ziek kind gaat voor")));
        version = change(person, HttpMethod.POST, "/activities", """
                {"version":%d,"kind":"WORK_EXPERIENCE_PLACE","plannedStart":"%s","plannedEnd":"%s","hoursPerWeek":12,"provider":"%s"}"""
                .formatted(version, LocalDate.now().plusWeeks(1), LocalDate.now().plusMonths(6),
                        text("provider", "Verpleeghuis De Linde")));
        version = change(person, HttpMethod.POST, "/milestones", """
                {"version":%d,"kind":"DIPLOMA","date":"%s","description":"%s"}""".formatted(version, LocalDate.now(),
                text("milestone", "Diploma helpende zorg en welzijn")));
        change(person, HttpMethod.PUT, "/closure", """
                {"version":%d,"closedOn":"%s","outcome":"OTHER","note":"%s"}""".formatted(version, LocalDate.now(),
                text("note", "Vertrekt naar familie in Duitsland")));

        String seen = send(person, HttpMethod.GET, "", null).getBody() + trajectory.get().uri("/api/v1/municipalities/{code}/handovers/{id}", UTRECHT, person)
                .header("Authorization", "Bearer " + TestTokens.caseWorker(UTRECHT)).retrieve().body(String.class);
        assertThat(seen).as("the case worker reads what was entered")
                .contains(entered.get("workFindings"), entered.get("deviationReason"), entered.get("provider"),
                        entered.get("milestone"), entered.get("note"), entered.get("jobTitle"), entered.get("wishWork"));
        assertEnteredTextOnNoTopic("before the erasure (every text travels sealed)");

        ConsumerRecord<byte[], byte[]> bredeIntake = TopicContents.recordsWithKey(brokers(), "trajectory.trajectory-events", person)
                .stream().filter(r -> "nl.inburgering.trajectory.brede-intake-recorded.v1".equals(TopicContents.header(r, "ce_type")))
                .findFirst().orElseThrow();
        deadLetter(bredeIntake);
        await("the dead letter").atMost(Duration.ofSeconds(20)).until(() ->
                !TopicContents.recordsWithKey(brokers(), "trajectory.trajectory-events.dlt", person).isEmpty());
        assertThat(new String(TopicContents.recordsWithKey(brokers(), "trajectory.trajectory-events.dlt", person).getFirst().value(),
                StandardCharsets.ISO_8859_1)).as("the dead letter holds the findings, sealed").contains(MARKER);

        ResponseEntity<String> erased = intake.client().post().uri("/api/v1/persons/{id}/erasures", person)
                .header("Authorization", "Bearer " + TestTokens.platformOperator()).contentType(MediaType.APPLICATION_JSON)
                .body("{\"ground\":\"DATA_SUBJECT_REQUEST\",\"caseReference\":\"AVG-2026-0211\"}").retrieve().toEntity(String.class);
        assertThat(erased.getStatusCode().value()).as(erased.getBody()).isEqualTo(202);
        await("the trajectory is dropped").atMost(Duration.ofSeconds(30)).until(() ->
                TopicContents.recordsWithKey(brokers(), "trajectory.trajectory-events", person).stream().anyMatch(r ->
                        "nl.inburgering.trajectory.trajectory-erased.v1".equals(TopicContents.header(r, "ce_type"))));
        await("gone from every service").atMost(Duration.ofSeconds(20)).until(() ->
                send(person, HttpMethod.GET, "", null).getStatusCode().value() == 404
                        && intake.client().get().uri("/api/v1/persons/{id}", person)
                        .header("Authorization", "Bearer " + TestTokens.coaPlacementOfficer())
                        .retrieve().toBodilessEntity().getStatusCode().value() == 404);

        List<ConsumerRecord<byte[], byte[]>> everything = assertEnteredTextOnNoTopic("after the erasure");
        Map<String, ConsumerRecord<byte[], byte[]>> latest = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : everything) {
            String key = record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8);
            if (record.topic().endsWith("-changelog") && key.contains(person)) {
                latest.put(record.topic() + " " + key, record);
            }
        }
        assertThat(latest).as("the person's entries in the stores").isNotEmpty();
        latest.forEach((where, record) -> assertThat(record.value() == null ? "" : new String(record.value(), StandardCharsets.ISO_8859_1))
                .as("what %s keeps after the erasure", where).doesNotContain(MARKER));
        assertThat(latest.keySet()).as("the trajectory's history was in a store").anyMatch(k -> k.contains("trajectory-history"));
        ConsumerRecord<byte[], byte[]> key = everything.stream().filter(r -> r.topic().equals("privacy.subject-keys")
                && person.equals(new String(r.key(), StandardCharsets.UTF_8))).reduce((first, second) -> second).orElseThrow();
        assertThat(key.value()).as("the person's key is a tombstone").isNull();
    }

    /** Every record on every topic, its key, value and headers, holds none of the values entered. */
    private List<ConsumerRecord<byte[], byte[]>> assertEnteredTextOnNoTopic(String when) {
        List<ConsumerRecord<byte[], byte[]>> everything = BrokerContents.everything();
        List<String> found = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : everything) {
            List<byte[]> parts = new ArrayList<>(Arrays.asList(record.key(), record.value()));
            for (Header header : record.headers()) {
                parts.add(header.value());
            }
            for (byte[] part : parts) {
                String text = part == null ? "" : new String(part, StandardCharsets.UTF_8);
                entered.forEach((field, value) -> {
                    if (text.contains(value)) {
                        found.add(field + " on " + record.topic() + " at offset " + record.offset());
                    }
                });
            }
        }
        assertThat(found).as("entered values readable on a topic %s", when).isEmpty();
        return everything;
    }

    /** The record again on its topic with a magic byte no deserialiser knows: a dead letter of the person's text. */
    private static void deadLetter(ConsumerRecord<byte[], byte[]> record) {
        byte[] value = record.value().clone();
        value[0] = 0x7f;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers()),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(record.topic(), record.partition(), record.key(), value));
            producer.flush();
        }
    }

    private int change(String person, HttpMethod method, String path, String body) {
        ResponseEntity<String> response = send(person, method, path, body);
        assertThat(response.getStatusCode().is2xxSuccessful()).as("%s %s: %s", method, path, response.getBody()).isTrue();
        return JSON.readTree(response.getBody()).get("version").asInt();
    }

    private ResponseEntity<String> send(String person, HttpMethod method, String path, String body) {
        var request = trajectory.method(method).uri("/api/v1/municipalities/{code}/trajectories/{id}" + path, UTRECHT, person)
                .header("Authorization", "Bearer " + TestTokens.caseWorker(UTRECHT));
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.retrieve().toEntity(String.class);
    }

    private static String brokers() {
        return System.getProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS);
    }
}
