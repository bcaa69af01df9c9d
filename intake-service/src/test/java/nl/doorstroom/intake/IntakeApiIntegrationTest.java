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
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
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

import nl.doorstroom.platform.privacy.PersonIdentities;
import nl.doorstroom.platform.test.ApiConventions;
import nl.doorstroom.platform.test.DemoPrivacyKeys;
import nl.doorstroom.platform.test.TestTokens;
import nl.doorstroom.platform.test.TopicContents;
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
                .contentType(MediaType.APPLICATION_JSON).body(earlyIntake(1)).retrieve().toEntity(String.class);
        assertThat(intake.getStatusCode().value()).isEqualTo(200);

        ResponseEntity<String> link = postAs(TestTokens.coaPlacementOfficer(), "/api/v1/persons/" + id + "/municipality-links", """
                {"version":2,"municipalityCode":"GM0344","permitDate":"%s","linkDate":"%s"}""".formatted(
                LocalDate.now().minusDays(14), LocalDate.now()));
        assertThat(link.getStatusCode().value()).isEqualTo(201);
        assertThat(json(link).get("municipalityName").asString()).isEqualTo("Utrecht");
        assertThat(json(link).get("regionCode").asString()).isEqualTo("AM13");

        ResponseEntity<String> person = http.get().uri("/api/v1/persons/{id}", id).retrieve().toEntity(String.class);
        assertThat(person.getStatusCode().value()).isEqualTo(200);
        assertThat(json(person).get("personalDetails").get("vNumber").asString()).isEqualTo(vNumber);
        assertThat(json(person).get("version").asInt()).isEqualTo(3);
        assertThat(json(person).get("municipalityLink").get("municipalityCode").asString()).isEqualTo("GM0344");

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
                {"personalDetails":{"givenNames":"Amina\\tHaddad","familyName":"","dateOfBirth":"2999-01-01","sex":"FEMALE",
                 "vNumber":"12345","bsn":"123456789","countryOfOrigin":"XX"},"receptionLocation":"AZC-BUDEL"}""";

        ResponseEntity<String> dutch = post("/api/v1/persons", invalid, "nl");
        assertThat(dutch.getStatusCode().value()).isEqualTo(400);
        assertThat(dutch.getHeaders().getContentType()).hasToString("application/problem+json");
        JsonNode problem = json(dutch);
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("title").asString()).isEqualTo("Ongeldige invoer");
        Map<String, String> reasons = reasons(problem);
        assertThat(reasons).containsOnlyKeys("personalDetails.givenNames", "personalDetails.familyName",
                "personalDetails.dateOfBirth", "personalDetails.vNumber", "personalDetails.bsn", "personalDetails.countryOfOrigin");
        assertThat(reasons.get("personalDetails.vNumber")).isEqualTo("moet een V-nummer van precies 10 cijfers zijn");
        assertThat(reasons.get("personalDetails.bsn")).isEqualTo("moet een BSN van 9 cijfers zijn dat voldoet aan de elfproef");

        ResponseEntity<String> english = post("/api/v1/persons", invalid, "en");
        assertThat(json(english).get("title").asString()).isEqualTo("Invalid input");
        assertThat(reasons(json(english)).get("personalDetails.vNumber")).isEqualTo("must be a V-number of exactly 10 digits");

        assertThat(endOffsets()).as("records on %s", TOPIC).isEqualTo(before);
    }

    @Test
    void malformedRequestsGetAClearAnswerNeverA500() {
        assertThat(post("/api/v1/persons", "{not json", "nl").getStatusCode().value()).isEqualTo(400);
        ResponseEntity<String> badDate = post("/api/v1/persons", registration("Amina", randomVNumber())
                .replace("1994-03-12", "12-03-1994"), "en");
        assertThat(badDate.getStatusCode().value()).isEqualTo(400);
        assertThat(reasons(json(badDate))).containsOnlyKeys("personalDetails.dateOfBirth");
        ResponseEntity<String> badLevel = http.put().uri("/api/v1/persons/{id}/early-intake", UUID.randomUUID())
                .contentType(MediaType.APPLICATION_JSON).body(earlyIntake(1).replace("\"A2\"", "\"A0\""))
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
                .body(earlyIntake(1)).retrieve().toEntity(String.class).getStatusCode().value()).isEqualTo(404);
        ResponseEntity<String> link = postAs(TestTokens.coaPlacementOfficer(), "/api/v1/persons/" + unknown + "/municipality-links",
                "{\"version\":1,\"municipalityCode\":\"GM0344\",\"permitDate\":\"2026-10-01\",\"linkDate\":\"2026-10-10\"}");
        assertThat(link.getStatusCode().value()).isEqualTo(404);
        assertThat(link.getHeaders().getContentType()).hasToString("application/problem+json");
    }

    @Test
    void aLinkToAnUnknownMunicipalityIsRefused() {
        String id = json(post("/api/v1/persons", registration("Sara", randomVNumber()), "nl")).get("id").asString();
        ResponseEntity<String> link = postAs(TestTokens.coaPlacementOfficer(), "/api/v1/persons/" + id + "/municipality-links",
                "{\"version\":1,\"municipalityCode\":\"GM9999\",\"permitDate\":\"2026-10-01\",\"linkDate\":\"2026-09-01\"}");
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
                .contentType(MediaType.APPLICATION_JSON).body(earlyIntake(1)).retrieve().toEntity(String.class)
                .getStatusCode().value()).isEqualTo(404);
        assertThat(postAs(terApel, "/api/v1/persons", registration("Hana", randomVNumber())).getStatusCode().value())
                .as("registering at another location").isEqualTo(403);
        assertThat(getAs(TestTokens.coaPlacementOfficer(), "/api/v1/persons/" + id).getStatusCode().value())
                .as("COA works nationally").isEqualTo(200);
        assertThat(getAs(TestTokens.caseWorker("GM0344"), "/api/v1/persons/" + id).getStatusCode().value()).isEqualTo(403);
        assertThat(postAs(TestTokens.azcStaff("AZC-BUDEL"), "/api/v1/persons/" + id + "/municipality-links",
                "{\"version\":1,\"municipalityCode\":\"GM0344\",\"permitDate\":\"2026-10-01\",\"linkDate\":\"2026-10-10\"}")
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
        String history = streams.getStreamsConfiguration().getProperty(StreamsConfig.APPLICATION_ID_CONFIG)
                + "-intake-record-history-changelog";
        await("the registration's history entry is tombstoned").atMost(Duration.ofSeconds(10))
                .until(() -> TopicContents.recordsWithKey(brokers, history, id + "/0000000001"),
                        found -> !found.isEmpty() && found.getLast().value() == null);
    }

    @Test
    void aPersonsIntakeIsCompletedCorrectedAndLinkedAndTheirNareizigerFollowsThem() {
        String vNumber = randomVNumber();
        String id = json(post("/api/v1/persons", registration("Rahel", vNumber), "nl")).get("id").asString();
        JsonNode registered = json(getAs(TestTokens.azcStaff("AZC-BUDEL"), "/api/v1/persons/" + id));
        assertThat(registered.get("status").get("intakeComplete").asBoolean()).isFalse();
        assertThat(registered.get("status").get("missingSections").toString()).contains("household", "early-intake", "consent");

        assertThat(put("/api/v1/persons/" + id + "/household", """
                {"version":1,"partner":{"inNetherlands":false},"children":[{"birthYear":2015,"inNetherlands":true}],
                 "expectedFamilyMembers":[{"relationship":"PARTNER","birthYear":1990,"expectedArrival":"2027-02-01"}]}""")
                .getStatusCode().value()).isEqualTo(200);
        assertThat(put("/api/v1/persons/" + id + "/early-intake", earlyIntake(2)).getStatusCode().value()).isEqualTo(200);
        ResponseEntity<String> consent = post("/api/v1/persons/" + id + "/consents", """
                {"version":3,"purpose":"EMPLOYER_PROFILE_SHARING","decision":"GIVEN","decidedOn":"%s"}""".formatted(LocalDate.now()), "nl");
        assertThat(consent.getStatusCode().value()).isEqualTo(201);
        assertThat(json(consent).get("recordedByRole").asString()).isEqualTo("azc-staff");
        assertThat(json(consent).get("recordedByOrganisation").asString()).isEqualTo("AZC-BUDEL");

        ResponseEntity<String> corrected = put("/api/v1/persons/" + id + "/personal-details", """
                {"version":4,"personalDetails":{"givenNames":"Rahel","familyName":"Haddad","dateOfBirth":"1994-03-12",
                 "sex":"FEMALE","vNumber":"%s","bsn":"999996708","countryOfOrigin":"SY","languagesSpoken":["ar","en"],
                 "literateInLatinScript":true}}""".formatted(vNumber));
        assertThat(corrected.getStatusCode().value()).isEqualTo(200);
        JsonNode complete = json(corrected);
        assertThat(complete.get("version").asInt()).isEqualTo(5);
        assertThat(complete.get("personalDetails").get("bsn").asString()).isEqualTo("999996708");
        assertThat(complete.get("status").get("intakeComplete").asBoolean()).isTrue();
        assertThat(complete.get("status").get("nareizigerExpected").asBoolean()).isTrue();

        JsonNode versions = json(getAs(TestTokens.azcStaff("AZC-BUDEL"), "/api/v1/persons/" + id + "/versions"));
        assertThat(versions).hasSize(5);
        assertThat(versions.get(0).get("change").asString()).isEqualTo("personal-details");
        assertThat(versions.get(0).get("changedFields").toString()).isEqualTo("[\"bsn\"]");
        assertThat(versions.get(4).get("change").asString()).isEqualTo("registered");

        assertThat(postAs(TestTokens.coaPlacementOfficer(), "/api/v1/persons/" + id + "/municipality-links", """
                {"version":5,"municipalityCode":"GM0344","permitDate":"%s","linkDate":"%s"}""".formatted(
                LocalDate.now().minusDays(10), LocalDate.now())).getStatusCode().value()).isEqualTo(201);

        // the partner arrives later at another reception location and is registered there as a nareiziger
        String partnerRegistration = """
                {"personalDetails":{"givenNames":"Dawit","familyName":"Haddad","dateOfBirth":"1990-06-01","sex":"MALE",
                 "vNumber":"%s","countryOfOrigin":"SY"},"receptionLocation":"AZC-TER-APEL",
                 "familyReunification":{"anchorVNumber":"%s","relationship":"PARTNER","permitDate":"%s"}}""".formatted(
                randomVNumber(), vNumber, LocalDate.now());
        ResponseEntity<String> partner = postAs(TestTokens.azcStaff("AZC-TER-APEL"), "/api/v1/persons", partnerRegistration);
        assertThat(partner.getStatusCode().value()).isEqualTo(201);
        JsonNode nareiziger = json(partner);
        assertThat(nareiziger.get("status").get("nareiziger").asBoolean()).isTrue();
        assertThat(nareiziger.get("familyReunification").get("anchorPersonId").asString()).isEqualTo(id);
        assertThat(nareiziger.get("municipalityLink").get("municipalityCode").asString()).as("follows the family").isEqualTo("GM0344");
        assertThat(nareiziger.get("municipalityLink").get("reason").asString()).isEqualTo("FAMILY_REUNIFICATION");

        JsonNode anchor = json(getAs(TestTokens.azcStaff("AZC-BUDEL"), "/api/v1/persons/" + id));
        assertThat(anchor.get("household").get("expectedFamilyMembers").get(0).get("arrivedAsPersonId").asString())
                .isEqualTo(nareiziger.get("id").asString());
        assertThat(anchor.get("status").get("nareizigerExpected").asBoolean()).isFalse();

        // an erased nareiziger no longer counts as arrived for the anchor's household
        assertThat(postAs(TestTokens.platformOperator(), "/api/v1/persons/" + nareiziger.get("id").asString() + "/erasures",
                "{\"ground\":\"DATA_SUBJECT_REQUEST\",\"caseReference\":\"AVG-2026-0043\"}").getStatusCode().value())
                .isEqualTo(202);
        await("the erased nareiziger leaves the household").atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode after = json(getAs(TestTokens.azcStaff("AZC-BUDEL"), "/api/v1/persons/" + id));
            assertThat(after.get("household").get("expectedFamilyMembers").get(0).get("arrivedAsPersonId").isNull()).isTrue();
            assertThat(after.get("status").get("nareizigerExpected").asBoolean()).isTrue();
        });
    }

    @Test
    void twoStaffMembersChangingTheSameVersionNeverOverwriteEachOther() {
        String id = json(post("/api/v1/persons", registration("Lina", randomVNumber()), "nl")).get("id").asString();
        assertThat(put("/api/v1/persons/" + id + "/early-intake", earlyIntake(1)).getStatusCode().value()).isEqualTo(200);
        long before = endOffsets();
        ResponseEntity<String> second = put("/api/v1/persons/" + id + "/early-intake", earlyIntake(1).replace("Elektricien", "Lasser"));
        assertThat(second.getStatusCode().value()).isEqualTo(409);
        assertThat(json(second).get("currentVersion").asInt()).isEqualTo(2);
        assertThat(json(second).get("title").asString()).isEqualTo("Inmiddels gewijzigd");
        assertThat(endOffsets()).isEqualTo(before);
    }

    @Test
    void aRepeatedPostWithTheSameIdempotencyKeyIsAppliedOnce() {
        String key = UUID.randomUUID().toString();
        String body = registration("Noor", randomVNumber());
        ResponseEntity<String> first = http.post().uri("/api/v1/persons").contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", key).body(body).retrieve().toEntity(String.class);
        ResponseEntity<String> again = http.post().uri("/api/v1/persons").contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", key).body(body).retrieve().toEntity(String.class);
        assertThat(first.getStatusCode().value()).isEqualTo(201);
        assertThat(again.getStatusCode().value()).isEqualTo(201);
        String id = json(first).get("id").asString();
        assertThat(json(again).get("id").asString()).isEqualTo(id);
        assertThat(recordsOf(id)).hasSize(1);

        ResponseEntity<String> otherRequest = http.post().uri("/api/v1/persons").contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", key).body(registration("Noor", randomVNumber())).retrieve().toEntity(String.class);
        assertThat(otherRequest.getStatusCode().value()).isEqualTo(422);

        String link = """
                {"version":1,"municipalityCode":"GM0307","permitDate":"%s","linkDate":"%s"}""".formatted(LocalDate.now(), LocalDate.now());
        String placementOfficer = TestTokens.coaPlacementOfficer();
        for (int i = 0; i < 2; i++) {
            ResponseEntity<String> linked = http.post().uri("/api/v1/persons/{id}/municipality-links", id).contentType(MediaType.APPLICATION_JSON)
                    .header("Authorization", "Bearer " + placementOfficer).header("Idempotency-Key", "link-" + key)
                    .body(link).retrieve().toEntity(String.class);
            assertThat(linked.getStatusCode().value()).as("attempt %d: %s", i + 1, linked.getBody()).isEqualTo(201);
        }
        assertThat(recordsOf(id)).hasSize(2);
        assertThat(http.post().uri("/api/v1/persons").contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", "with space")
                .body(body).retrieve().toEntity(String.class).getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void aVNumberIsRegisteredOnlyOnce() {
        String vNumber = randomVNumber();
        assertThat(post("/api/v1/persons", registration("Omar", vNumber), "nl").getStatusCode().value()).isEqualTo(201);
        ResponseEntity<String> twice = post("/api/v1/persons", registration("Omar", vNumber), "en");
        assertThat(twice.getStatusCode().value()).isEqualTo(409);
        assertThat(reasons(json(twice))).containsOnlyKeys("personalDetails.vNumber");
        ResponseEntity<String> unknownAnchor = post("/api/v1/persons", registration("Omar", randomVNumber()).replace(
                "\"receptionLocation\"", "\"familyReunification\":{\"anchorVNumber\":\"0000000001\",\"relationship\":\"CHILD\",\"permitDate\":\"2026-01-01\"},\"receptionLocation\""), "nl");
        assertThat(unknownAnchor.getStatusCode().value()).isEqualTo(400);
        assertThat(reasons(json(unknownAnchor))).containsOnlyKeys("familyReunification.anchorVNumber");
    }

    @Test
    void eightRegistrationsOfOneVNumberAtTheSameMomentMakeOnePerson() throws Exception {
        String vNumber = randomVNumber();
        int registrations = 8;
        CyclicBarrier together = new CyclicBarrier(registrations);
        List<Integer> statuses;
        try (ExecutorService staff = Executors.newFixedThreadPool(registrations)) {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < registrations; i++) {
                answers.add(staff.submit(() -> {
                    together.await();
                    return post("/api/v1/persons", registration("Samir", vNumber), "nl").getStatusCode().value();
                }));
            }
            statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(60, TimeUnit.SECONDS));
            }
        }
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(registrations - 1);
        ResponseEntity<String> found = post("/api/v1/person-searches", "{\"text\":\"" + vNumber + "\"}", "nl");
        assertThat(json(found).get("total").asInt()).isEqualTo(1);
    }

    @Test
    void staffListAndSearchTheirOwnLocationsPeopleOnly() {
        String unique = "Zq" + UUID.randomUUID().toString().substring(0, 6);
        String id = json(post("/api/v1/persons", registration(unique, randomVNumber()), "nl")).get("id").asString();
        JsonNode unlinked = json(getAs(TestTokens.azcStaff("AZC-BUDEL"), "/api/v1/persons?linked=false&pageSize=100"));
        assertThat(unlinked.get("persons").findValuesAsString("receptionLocation")).containsOnly("AZC-BUDEL");
        ResponseEntity<String> found = post("/api/v1/person-searches", "{\"text\":\"" + unique.toLowerCase() + "\"}", "nl");
        assertThat(json(found).get("total").asInt()).isEqualTo(1);
        assertThat(json(found).get("persons").get(0).get("id").asString()).isEqualTo(id);
        ResponseEntity<String> elsewhere = postAs(TestTokens.azcStaff("AZC-TER-APEL"), "/api/v1/person-searches",
                "{\"text\":\"" + unique + "\"}");
        assertThat(json(elsewhere).get("total").asInt()).isZero();
        assertThat(json(getAs(TestTokens.azcStaff("AZC-BUDEL"), "/api/v1/persons?intakeComplete=true&pageSize=100"))
                .get("persons").findValuesAsString("id")).doesNotContain(id);
    }

    @Test
    void markupInANameIsKeptAsTextNotRefused() {
        ResponseEntity<String> registered = post("/api/v1/persons", registration("<script>alert(1)</script>", randomVNumber()), "nl");
        assertThat(registered.getStatusCode().value()).isEqualTo(201);
        assertThat(json(registered).get("personalDetails").get("givenNames").asString()).isEqualTo("<script>alert(1)</script>");
    }

    /** Each invalid input gets 400 naming exactly that field; nothing is ever published and nothing is a 500. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("invalidRegistrations")
    void everyInvalidFieldIsNamed(String field, String from, String to) {
        long before = endOffsets();
        String body = registration("Amina", "1234567890").replace(from, to);
        ResponseEntity<String> response = post("/api/v1/persons", body, "nl");
        assertThat(response.getStatusCode().value()).as(body).isEqualTo(400);
        assertThat(reasons(json(response))).as(body).containsOnlyKeys(field);
        assertThat(endOffsets()).isEqualTo(before);
    }

    static List<org.junit.jupiter.params.provider.Arguments> invalidRegistrations() {
        return List.of(
                org.junit.jupiter.params.provider.Arguments.of("personalDetails.vNumber", "1234567890", "123456789"),
                org.junit.jupiter.params.provider.Arguments.of("personalDetails.vNumber", "1234567890", "12345678901"),
                org.junit.jupiter.params.provider.Arguments.of("personalDetails.vNumber", "1234567890", "12345A7890"),
                org.junit.jupiter.params.provider.Arguments.of("personalDetails.bsn", "\"sex\"", "\"bsn\":\"999996709\",\"sex\""),
                org.junit.jupiter.params.provider.Arguments.of("personalDetails.bsn", "\"sex\"", "\"bsn\":\"12345678\",\"sex\""),
                org.junit.jupiter.params.provider.Arguments.of("personalDetails.dateOfBirth", "1994-03-12", LocalDate.now().plusDays(1).toString()),
                org.junit.jupiter.params.provider.Arguments.of("personalDetails.dateOfBirth", "1994-03-12", LocalDate.now().minusYears(121).toString()),
                org.junit.jupiter.params.provider.Arguments.of("personalDetails.dateOfBirth", "1994-03-12", "1994-02-30"),
                org.junit.jupiter.params.provider.Arguments.of("personalDetails.countryOfOrigin", "\"SY\"", "\"XX\""),
                org.junit.jupiter.params.provider.Arguments.of("personalDetails.countryOfOrigin", "\"SY\"", "\"sy\""),
                org.junit.jupiter.params.provider.Arguments.of("personalDetails.languagesSpoken[0]", "\"ar\"", "\"arabic\""),
                org.junit.jupiter.params.provider.Arguments.of("personalDetails.sex", "\"FEMALE\"", "\"F\""),
                org.junit.jupiter.params.provider.Arguments.of("personalDetails.familyName", "Haddad", "H".repeat(101)),
                org.junit.jupiter.params.provider.Arguments.of("personalDetails.familyName", "Haddad", "Had\\tdad"),
                org.junit.jupiter.params.provider.Arguments.of("personalDetails.literateInLatinScript", "true", "\"yes\""),
                org.junit.jupiter.params.provider.Arguments.of("receptionLocation", "AZC-BUDEL", "azc budel"));
    }

    @Test
    void invalidIntakeHouseholdConsentAndLinkFieldsAreNamed() {
        String id = json(post("/api/v1/persons", registration("Maryam", randomVNumber()), "nl")).get("id").asString();
        Map<String, ResponseEntity<String>> answers = new java.util.LinkedHashMap<>();
        answers.put("workExperience[0].iscoCode", put("/api/v1/persons/" + id + "/early-intake", earlyIntake(1).replace("7411", "9999")));
        answers.put("languageLevels[0].level", put("/api/v1/persons/" + id + "/early-intake", earlyIntake(1).replace("\"A2\"", "\"D1\"")));
        answers.put("availability.hoursPerWeek", put("/api/v1/persons/" + id + "/early-intake", earlyIntake(1).replace("32", "61")));
        answers.put("wishes.work", put("/api/v1/persons/" + id + "/early-intake", earlyIntake(1).replace("\"work\":\"Elektricien\"", "\"work\":\"" + "x".repeat(201) + "\"")));
        answers.put("version", put("/api/v1/persons/" + id + "/early-intake", earlyIntake(1).replace("\"version\":1,", "")));
        answers.put("children[0].birthYear", put("/api/v1/persons/" + id + "/household",
                "{\"version\":1,\"children\":[{\"birthYear\":1800,\"inNetherlands\":true}],\"expectedFamilyMembers\":[]}"));
        answers.put("decidedOn", post("/api/v1/persons/" + id + "/consents",
                "{\"version\":1,\"purpose\":\"EMPLOYER_PROFILE_SHARING\",\"decision\":\"GIVEN\",\"decidedOn\":\"2999-01-01\"}", "nl"));
        answers.put("purpose", post("/api/v1/persons/" + id + "/consents",
                "{\"version\":1,\"purpose\":\"MARKETING\",\"decision\":\"GIVEN\",\"decidedOn\":\"2026-01-01\"}", "nl"));
        answers.forEach((field, response) -> {
            assertThat(response.getStatusCode().value()).as(field).isEqualTo(400);
            assertThat(reasons(json(response))).as(field).containsOnlyKeys(field);
        });
        assertThat(recordsOf(id)).as("nothing but the registration").hasSize(1);
    }

    @Test
    void anOversizedBodyOrAWrongContentTypeGetsProblemDetails() {
        ResponseEntity<String> huge = post("/api/v1/persons", "{\"x\":\"" + "a".repeat(70_000) + "\"}", "en");
        assertThat(huge.getStatusCode().value()).isEqualTo(413);
        assertThat(huge.getHeaders().getContentType()).hasToString("application/problem+json");
        ResponseEntity<String> xml = http.post().uri("/api/v1/persons").contentType(MediaType.APPLICATION_XML)
                .header("Accept-Language", "nl").body("<person/>").retrieve().toEntity(String.class);
        assertThat(xml.getStatusCode().value()).isEqualTo(415);
        assertThat(json(xml).get("title").asString()).isEqualTo("Inhoudstype niet ondersteund");
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

    private ResponseEntity<String> put(String path, String body) {
        return http.put().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(String.class);
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
                {"personalDetails":{"givenNames":"%s","familyName":"Haddad","dateOfBirth":"1994-03-12","sex":"FEMALE",
                 "vNumber":"%s","countryOfOrigin":"SY","languagesSpoken":["ar","en"],"literateInLatinScript":true},
                 "receptionLocation":"AZC-BUDEL"}""".formatted(givenNames, vNumber);
    }

    static String earlyIntake(int version) {
        return """
                {"version":%d,
                 "education":{"iscedLevel":"ISCED_3","dutchComparableLevel":"MBO_4","yearsOfSchooling":12,"countryOfEducation":"SY",
                   "diplomas":[{"title":"Diploma elektrotechniek","country":"SY","yearObtained":2012,"documentAvailable":true}],
                   "credentialEvaluation":{"status":"REQUESTED","reference":"IDW-2026-1234"}},
                 "workExperience":[{"iscoCode":"7411","jobTitle":"Elektricien","years":6,"sector":"Bouw"}],
                 "languageLevels":[{"language":"nl","skill":"LISTENING","level":"A2"}],
                 "wishes":{"work":"Elektricien","education":"MBO-diploma","sectors":["Techniek"]},
                 "availability":{"hoursPerWeek":32,"careDuties":["CHILDREN"]}}""".formatted(version);
    }

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
        return TopicContents.header(record, name);
    }

    private List<ConsumerRecord<byte[], byte[]>> recordsOf(String personId) {
        return TopicContents.recordsWithKey(brokers, TOPIC, personId);
    }

    private long endOffsets() {
        return TopicContents.endOffsets(brokers, TOPIC);
    }
}
