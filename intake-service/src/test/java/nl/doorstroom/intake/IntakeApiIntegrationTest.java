package nl.doorstroom.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.web.client.RestClient;

import nl.doorstroom.platform.test.ApiConventions;
import nl.doorstroom.platform.test.DemoPrivacyKeys;
import nl.doorstroom.platform.test.TestTokens;
import nl.doorstroom.platform.privacy.PersonIdentities;
import nl.doorstroom.schemas.Topics;
import nl.doorstroom.schemas.intake.PersonEvent;
import nl.doorstroom.schemas.intake.PersonRegistered;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** intake-service's REST API against the real broker and the real schema registry. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DemoPrivacyKeys
class IntakeApiIntegrationTest {

    private static final String TOPIC = Topics.INTAKE_PERSON_EVENTS.name();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;
    @Value("${doorstroom.registry-url}")
    String registry;
    @Autowired
    StreamsBuilderFactoryBean streams;
    @Autowired
    PersonIdentities identities;
    @Autowired
    KafkaProperties kafkaProperties;

    RestClient http;

    @BeforeEach
    void setUp() {
        // unless a test says otherwise, requests come from AZC staff at AZC-BUDEL
        http = RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultHeader("Authorization", "Bearer " + TestTokens.azcStaff("AZC-BUDEL"))
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
        await("intake streams running").atMost(Duration.ofSeconds(60)).until(() -> {
            KafkaStreams kafkaStreams = streams.getKafkaStreams();
            assertThat(kafkaStreams == null ? null : kafkaStreams.state()).isNotEqualTo(KafkaStreams.State.ERROR);
            return kafkaStreams != null && kafkaStreams.state() == KafkaStreams.State.RUNNING;
        });
    }

    @Test
    void registersRecordsTheIntakeAndLinksAPerson() {
        String vNumber = randomVNumber();
        ResponseEntity<String> registered = post("/api/v1/persons", registration("Amina", vNumber), "nl");
        assertThat(registered.getStatusCode().value()).isEqualTo(201);
        String id = json(registered).get("id").asString();
        assertThat(registered.getHeaders().getLocation()).hasToString("/api/v1/persons/" + id);
        assertThat(registered.getHeaders().getFirst("API-Version")).isEqualTo("1.0.0");
        assertThat(registered.getHeaders().getFirst("Cache-Control")).isEqualTo("no-store");

        ResponseEntity<String> intake = http.put().uri("/api/v1/persons/{id}/early-intake", id)
                .contentType(MediaType.APPLICATION_JSON).body(EARLY_INTAKE).retrieve().toEntity(String.class);
        assertThat(intake.getStatusCode().value()).isEqualTo(200);

        ResponseEntity<String> link = postAs(TestTokens.coaPlacementOfficer(), "/api/v1/persons/" + id + "/municipality-links", """
                {"municipalityCode":"GM0344","permitDate":"%s","linkDate":"%s"}""".formatted(
                LocalDate.now().minusDays(14), LocalDate.now()));
        assertThat(link.getStatusCode().value()).isEqualTo(201);
        assertThat(json(link).get("municipalityName").asString()).isEqualTo("Utrecht");
        assertThat(json(link).get("regionCode").asString()).isEqualTo("AM13");

        ResponseEntity<String> person = http.get().uri("/api/v1/persons/{id}", id).retrieve().toEntity(String.class);
        assertThat(person.getStatusCode().value()).isEqualTo(200);
        assertThat(json(person).get("vNumber").asString()).isEqualTo(vNumber);

        List<ConsumerRecord<byte[], byte[]>> records = await().atMost(Duration.ofSeconds(20))
                .until(() -> recordsOf(id), found -> found.size() == 3);
        for (ConsumerRecord<byte[], byte[]> record : records) {
            assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
            assertThat(header(record, "ce_source")).startsWith("urn:nld:");
            assertThat(header(record, "ce_type")).matches("nl\\.inburgering\\.intake\\.[a-z-]+\\.v1");
            assertThat(header(record, "ce_subject")).isEqualTo(id);
            for (Header h : record.headers()) {
                String value = new String(h.value(), StandardCharsets.UTF_8);
                assertThat(value).doesNotContain(vNumber).doesNotContain("Amina").doesNotContain("Haddad");
            }
        }
        assertThat(records).extracting(r -> header(r, "ce_type")).containsExactly(
                "nl.inburgering.intake.person-registered.v1",
                "nl.inburgering.intake.early-intake-recorded.v1",
                "nl.inburgering.intake.person-linked-to-municipality.v1");
    }

    /**
     * An outside consumer with nothing but plain Avro and the registry's Confluent-compatible API can read our topic:
     * magic byte 0, a 4-byte schema id, then the Avro binary payload.
     */
    @Test
    void anOutsideConsumerDecodesOurRecordsWithPlainAvroAndTheConfluentApi() throws Exception {
        String vNumber = randomVNumber();
        String id = json(post("/api/v1/persons", registration("Yonas", vNumber), "nl")).get("id").asString();
        ConsumerRecord<byte[], byte[]> record = await().atMost(Duration.ofSeconds(20))
                .until(() -> recordsOf(id), found -> found.size() == 1).getFirst();

        ByteBuffer bytes = ByteBuffer.wrap(record.value());
        assertThat(bytes.get()).as("magic byte").isEqualTo((byte) 0);
        int schemaId = bytes.getInt();
        String schemaJson = RestClient.create(registry).get()
                .uri("/apis/ccompat/v7/schemas/ids/{id}", schemaId).retrieve().body(String.class);
        Schema schema = new Schema.Parser().parse(JSON.readTree(schemaJson).get("schema").asString());
        GenericRecord event = new GenericDatumReader<GenericRecord>(schema).read(null,
                DecoderFactory.get().binaryDecoder(record.value(), bytes.position(), bytes.remaining(), null));

        assertThat(event.get("personId")).hasToString(id);
        GenericRecord payload = (GenericRecord) event.get("payload");
        assertThat(payload.getSchema().getName()).isEqualTo("PersonRegistered");
        assertThat(payload.get("countryOfOrigin")).hasToString("SY");
        assertThat(payload.get("receptionLocation")).hasToString("AZC-BUDEL");
        // direct identifiers travel only sealed with the person's own key
        assertThat(payload.get("vNumber")).isNull();
        assertThat(payload.get("givenNames")).isNull();
        assertThat(payload.get("dateOfBirth")).isNull();
        assertThat(payload.get("identity")).isInstanceOf(ByteBuffer.class);
        assertThat(new String(record.value(), StandardCharsets.ISO_8859_1)).doesNotContain(vNumber).doesNotContain("Yonas");
    }

    @Test
    void invalidInputIsRefusedFieldByFieldInTheUsersLanguageAndNothingIsPublished() {
        long before = endOffsets();
        String invalid = """
                {"givenNames":"<script>x</script>","familyName":"","dateOfBirth":"2999-01-01",
                 "vNumber":"12345","countryOfOrigin":"XX","receptionLocation":"AZC-BUDEL"}""";

        ResponseEntity<String> dutch = post("/api/v1/persons", invalid, "nl");
        assertThat(dutch.getStatusCode().value()).isEqualTo(400);
        assertThat(dutch.getHeaders().getContentType()).hasToString("application/problem+json");
        JsonNode problem = json(dutch);
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("title").asString()).isEqualTo("Ongeldige invoer");
        Map<String, String> reasons = reasons(problem);
        assertThat(reasons).containsOnlyKeys("givenNames", "familyName", "dateOfBirth", "vNumber", "countryOfOrigin");
        assertThat(reasons.get("vNumber")).isEqualTo("moet een V-nummer van precies 10 cijfers zijn");

        ResponseEntity<String> english = post("/api/v1/persons", invalid, "en");
        assertThat(json(english).get("title").asString()).isEqualTo("Invalid input");
        assertThat(reasons(json(english)).get("vNumber")).isEqualTo("must be a V-number of exactly 10 digits");

        assertThat(endOffsets()).as("records on %s", TOPIC).isEqualTo(before);
    }

    @Test
    void malformedRequestsGetAClearAnswerNeverA500() {
        assertThat(post("/api/v1/persons", "{not json", "nl").getStatusCode().value()).isEqualTo(400);
        ResponseEntity<String> badDate = post("/api/v1/persons", registration("Amina", randomVNumber())
                .replace("1994-03-12", "12-03-1994"), "en");
        assertThat(badDate.getStatusCode().value()).isEqualTo(400);
        assertThat(reasons(json(badDate))).containsOnlyKeys("dateOfBirth");
        ResponseEntity<String> badLevel = http.put().uri("/api/v1/persons/{id}/early-intake", UUID.randomUUID())
                .contentType(MediaType.APPLICATION_JSON).body(EARLY_INTAKE.replace("\"A2\"", "\"A0\""))
                .retrieve().toEntity(String.class);
        assertThat(badLevel.getStatusCode().value()).isEqualTo(400);
        assertThat(reasons(json(badLevel))).containsOnlyKeys("languageLevels[0].level");
        ResponseEntity<String> text = http.post().uri("/api/v1/persons").contentType(MediaType.TEXT_PLAIN)
                .body("hello").retrieve().toEntity(String.class);
        assertThat(text.getStatusCode().value()).isEqualTo(415);
        assertThat(http.get().uri("/api/v1/persons/not-a-uuid").retrieve().toEntity(String.class).getStatusCode().value())
                .isEqualTo(400);
        assertThat(http.get().uri("/api/v1/persons/{id}/", UUID.randomUUID()).retrieve().toEntity(String.class)
                .getStatusCode().value()).as("trailing slash").isEqualTo(404);
    }

    @Test
    void anIntakeOrLinkForAnUnknownPersonIs404() {
        String unknown = UUID.randomUUID().toString();
        assertThat(http.put().uri("/api/v1/persons/{id}/early-intake", unknown).contentType(MediaType.APPLICATION_JSON)
                .body(EARLY_INTAKE).retrieve().toEntity(String.class).getStatusCode().value()).isEqualTo(404);
        ResponseEntity<String> link = postAs(TestTokens.coaPlacementOfficer(), "/api/v1/persons/" + unknown + "/municipality-links",
                "{\"municipalityCode\":\"GM0344\",\"permitDate\":\"2026-10-01\",\"linkDate\":\"2026-10-10\"}");
        assertThat(link.getStatusCode().value()).isEqualTo(404);
        assertThat(link.getHeaders().getContentType()).hasToString("application/problem+json");
    }

    @Test
    void aLinkToAnUnknownMunicipalityIsRefused() {
        String id = json(post("/api/v1/persons", registration("Sara", randomVNumber()), "nl")).get("id").asString();
        ResponseEntity<String> link = postAs(TestTokens.coaPlacementOfficer(), "/api/v1/persons/" + id + "/municipality-links",
                "{\"municipalityCode\":\"GM9999\",\"permitDate\":\"2026-10-01\",\"linkDate\":\"2026-09-01\"}");
        assertThat(link.getStatusCode().value()).isEqualTo(400);
        assertThat(reasons(json(link))).containsOnlyKeys("municipalityCode", "linkDate");
    }

    @Test
    void staffOfAnotherReceptionLocationCannotSeeOrChangeThePerson() {
        String id = json(post("/api/v1/persons", registration("Hana", randomVNumber()), "nl")).get("id").asString();
        String terApel = TestTokens.azcStaff("AZC-TER-APEL");
        ResponseEntity<String> seen = getAs(terApel, "/api/v1/persons/" + id);
        assertThat(seen.getStatusCode().value()).isEqualTo(404);
        assertThat(seen.getBody()).doesNotContain("Hana");
        assertThat(http.put().uri("/api/v1/persons/{id}/early-intake", id).header("Authorization", "Bearer " + terApel)
                .contentType(MediaType.APPLICATION_JSON).body(EARLY_INTAKE).retrieve().toEntity(String.class)
                .getStatusCode().value()).isEqualTo(404);
        assertThat(postAs(terApel, "/api/v1/persons", registration("Hana", randomVNumber())).getStatusCode().value())
                .as("registering at another location").isEqualTo(403);
        assertThat(getAs(TestTokens.coaPlacementOfficer(), "/api/v1/persons/" + id).getStatusCode().value())
                .as("COA works nationally").isEqualTo(200);
        assertThat(getAs(TestTokens.caseWorker("GM0344"), "/api/v1/persons/" + id).getStatusCode().value()).isEqualTo(403);
        assertThat(postAs(TestTokens.azcStaff("AZC-BUDEL"), "/api/v1/persons/" + id + "/municipality-links",
                "{\"municipalityCode\":\"GM0344\",\"permitDate\":\"2026-10-01\",\"linkDate\":\"2026-10-10\"}")
                .getStatusCode().value()).as("only COA links").isEqualTo(403);
    }

    @Test
    void missingTamperedExpiredOrUnknownScopeTokensAre401AndNothingIsPublished() {
        long before = endOffsets();
        String body = registration("Ali", randomVNumber());
        List<String> refused = List.of(
                TestTokens.tampered(TestTokens.azcStaff("AZC-BUDEL")),
                TestTokens.token(Map.of("roles", List.of("azc-staff"), "location", "AZC-BUDEL"), java.time.Instant.now().minusSeconds(60)),
                TestTokens.token(Map.of("roles", List.of("superuser"))),
                TestTokens.token(Map.of("roles", List.of("azc-staff"))),
                TestTokens.token(Map.of("roles", List.of("case-worker"), "municipality", "GM9999")),
                "not-a-jwt");
        for (String token : refused) {
            ResponseEntity<String> response = postAs(token, "/api/v1/persons", body);
            assertThat(response.getStatusCode().value()).as(token).isEqualTo(401);
            assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
            assertThat(response.getHeaders().getFirst("WWW-Authenticate")).startsWith("Bearer");
        }
        ResponseEntity<String> anonymous = RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { }).build()
                .post().uri("/api/v1/persons").contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(String.class);
        assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
        assertThat(json(anonymous).get("title").asString()).isEqualTo("Niet aangemeld");
        assertThat(endOffsets()).isEqualTo(before);
    }

    @Test
    void anErasedPersonIsGoneAndTheirEventsCanNoLongerBeRead() {
        String vNumber = randomVNumber();
        String id = json(post("/api/v1/persons", registration("Selam", vNumber), "nl")).get("id").asString();
        String erasure = "{\"ground\":\"DATA_SUBJECT_REQUEST\",\"caseReference\":\"AVG-2026-0042\"}";

        assertThat(postAs(TestTokens.azcStaff("AZC-BUDEL"), "/api/v1/persons/" + id + "/erasures", erasure)
                .getStatusCode().value()).as("only operators erase").isEqualTo(403);
        ResponseEntity<String> erased = postAs(TestTokens.platformOperator(), "/api/v1/persons/" + id + "/erasures", erasure);
        assertThat(erased.getStatusCode().value()).isEqualTo(202);
        assertThat(json(erased).get("status").asString()).isEqualTo("erased");

        await("the person is gone").atMost(Duration.ofSeconds(10)).until(() ->
                getAs(TestTokens.coaPlacementOfficer(), "/api/v1/persons/" + id).getStatusCode().value() == 404);
        ResponseEntity<String> again = postAs(TestTokens.platformOperator(), "/api/v1/persons/" + id + "/erasures", erasure);
        assertThat(again.getStatusCode().value()).as("repeating is harmless").isEqualTo(202);
        assertThat(json(again).get("status").asString()).isEqualTo("already-erased");
        assertThat(postAs(TestTokens.platformOperator(), "/api/v1/persons/" + UUID.randomUUID() + "/erasures", erasure)
                .getStatusCode().value()).isEqualTo(404);
        assertThat(postAs(TestTokens.platformOperator(), "/api/v1/persons/" + id + "/erasures", "{\"ground\":\"WHIM\"}")
                .getStatusCode().value()).isEqualTo(400);

        for (ConsumerRecord<byte[], byte[]> record : recordsOf(id)) {
            assertThat(new String(record.value(), StandardCharsets.ISO_8859_1)).doesNotContain(vNumber).doesNotContain("Selam");
        }
        assertThat(identities.open(id, registeredOn(recordsOf(id).getFirst()))).as("the sealed identity after erasure").isEmpty();
    }

    @Test
    void theApiIsDocumented() {
        ResponseEntity<String> openApi = http.get().uri("/api/v1/openapi.json").retrieve().toEntity(String.class);
        assertThat(openApi.getStatusCode().value()).isEqualTo(200);
        ApiConventions.assertOpenApiConventions(openApi.getBody());
        JsonNode doc = json(openApi);
        assertThat(doc.get("paths").has("/persons")).isTrue();
        assertThat(doc.get("paths").get("/persons").get("post").get("responses").get("400").get("content")
                .has("application/problem+json")).isTrue();
    }

    private ResponseEntity<String> post(String path, String body, String language) {
        return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).header("Accept-Language", language)
                .body(body).retrieve().toEntity(String.class);
    }

    private ResponseEntity<String> postAs(String token, String path, String body) {
        return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).header("Authorization", "Bearer " + token)
                .body(body).retrieve().toEntity(String.class);
    }

    private ResponseEntity<String> getAs(String token, String path) {
        return http.get().uri(path).header("Authorization", "Bearer " + token).retrieve().toEntity(String.class);
    }

    static String registration(String givenNames, String vNumber) {
        return """
                {"givenNames":"%s","familyName":"Haddad","dateOfBirth":"1994-03-12","vNumber":"%s",
                 "countryOfOrigin":"SY","receptionLocation":"AZC-BUDEL"}""".formatted(givenNames, vNumber);
    }

    static final String EARLY_INTAKE = """
            {"education":{"iscedLevel":"ISCED_3","yearsOfSchooling":12,"countryOfEducation":"SY"},
             "workExperience":[{"iscoCode":"7411","jobTitle":"Elektricien","years":6,"sector":"Bouw"}],
             "languageLevels":[{"language":"nl","skill":"LISTENING","level":"A2"}],
             "wishes":{"work":"Elektricien","education":"MBO-diploma","sectors":["Techniek"]}}""";

    static String randomVNumber() {
        return String.format("%010d", Math.abs(UUID.randomUUID().getMostSignificantBits()) % 10_000_000_000L);
    }

    private static JsonNode json(ResponseEntity<String> response) {
        return JSON.readTree(response.getBody());
    }

    private static Map<String, String> reasons(JsonNode problem) {
        Map<String, String> reasons = new HashMap<>();
        problem.get("invalidParams").forEach(p -> reasons.put(p.get("name").asString(), p.get("reason").asString()));
        return reasons;
    }

    /** The registration in a raw record, decoded with the topic's own deserializer. */
    private PersonRegistered registeredOn(ConsumerRecord<byte[], byte[]> record) {
        try (var deserializer = new io.apicurio.registry.serde.avro.AvroKafkaDeserializer<PersonEvent>()) {
            deserializer.configure(kafkaProperties.buildConsumerProperties(), false);
            return (PersonRegistered) deserializer.deserialize(TOPIC, record.value()).getPayload();
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private KafkaConsumer<byte[], byte[]> rawConsumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private List<ConsumerRecord<byte[], byte[]>> recordsOf(String personId) {
        List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = rawConsumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC).stream()
                    .map(p -> new TopicPartition(TOPIC, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (personId.equals(new String(r.key(), StandardCharsets.UTF_8))) {
                        found.add(r);
                    }
                });
            }
        }
        return found;
    }

    private long endOffsets() {
        try (KafkaConsumer<byte[], byte[]> consumer = rawConsumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC).stream()
                    .map(p -> new TopicPartition(TOPIC, p.partition())).toList();
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
