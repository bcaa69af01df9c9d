package nl.doorstroom.trajectory.handover;

import static nl.doorstroom.trajectory.handover.PersonEvents.intake;
import static nl.doorstroom.trajectory.handover.PersonEvents.linked;
import static nl.doorstroom.trajectory.handover.PersonEvents.registered;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.support.KafkaHeaders;

import nl.doorstroom.platform.kafka.EventPublisher;
import nl.doorstroom.platform.privacy.PersonIdentities;
import nl.doorstroom.platform.privacy.SubjectKeys;
import nl.doorstroom.platform.test.TestTokens;
import nl.doorstroom.schemas.Topics;
import nl.doorstroom.schemas.intake.ErasureGround;
import nl.doorstroom.schemas.intake.PersonErased;
import nl.doorstroom.schemas.intake.PersonEvent;
import nl.doorstroom.schemas.intake.PersonIdentity;
import nl.doorstroom.schemas.intake.PersonRegistered;
import nl.doorstroom.schemas.intake.PersonalDetailsCorrected;
import nl.doorstroom.schemas.intake.Sex;
import nl.doorstroom.trajectory.TrajectoryServiceIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The warm handover end to end inside this service: intake events produced with the real Avro serializer through the
 * registry, processed by the Streams topology, read over HTTP.
 */
class HandoverIntegrationTest extends TrajectoryServiceIntegrationTest {

    private static final String UTRECHT = "GM0344";
    private static final String AMERSFOORT = "GM0307";

    @Autowired
    private EventPublisher publisher;

    @Autowired
    private PersonIdentities identities;

    @Autowired
    private SubjectKeys subjectKeys;

    @Autowired
    private Handovers handovers;

    @Value("${spring.kafka.bootstrap-servers}")
    private String bootstrapServers;

    @Test
    void theLinkedMunicipalityReceivesTheCompleteDossierAndNoOtherMunicipalitySeesIt() {
        String person = UUID.randomUUID().toString();
        Instant t = Instant.now();
        publish(registered(person, t, "Amal", "Haddad"));
        publish(intake(person, t.plusMillis(1)));
        publish(linked(person, t.plusMillis(2), UTRECHT));

        JsonNode summary = awaitInInbox(UTRECHT, person);
        assertThat(summary.get("givenNames").asString()).isEqualTo("Amal");
        assertThat(summary.get("familyName").asString()).isEqualTo("Haddad");
        assertThat(summary.get("countryOfOrigin").asString()).isEqualTo("SY");
        assertThat(summary.get("municipalityCode").asString()).isEqualTo(UTRECHT);
        assertThat(summary.get("permitDate").asString()).isEqualTo("2026-01-05");
        assertThat(summary.get("linkDate").asString()).isEqualTo("2026-01-19");
        assertThat(Instant.parse(summary.get("linkedAt").asString())).isEqualTo(t.plusMillis(2).truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(summary.get("linkedAt").asString()).endsWith("Z");
        assertThat(summary.get("earlyIntakePresent").asBoolean()).isTrue();
        assertThat(summary.get("registrationPresent").asBoolean()).isTrue();

        ResponseEntity<String> response = get(dossierPath(UTRECHT, person));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getFirst("API-Version")).isNotBlank();
        JsonNode dossier = json(response);
        assertThat(dossier.get("personId").asString()).isEqualTo(person);
        JsonNode registration = dossier.get("registration");
        assertThat(registration.get("givenNames").asString()).isEqualTo("Amal");
        assertThat(registration.get("dateOfBirth").asString()).isEqualTo("1994-03-12");
        assertThat(registration.get("vNumber").asString()).isEqualTo("1234567890");
        assertThat(registration.get("receptionLocation").asString()).isEqualTo("AZC-TER-APEL");
        JsonNode earlyIntake = dossier.get("earlyIntake");
        assertThat(earlyIntake.at("/education/highestLevel").asString()).isEqualTo("ISCED_6");
        assertThat(earlyIntake.at("/education/yearsOfSchooling").asInt()).isEqualTo(16);
        assertThat(earlyIntake.at("/workExperience/0/iscoCode").asString()).isEqualTo("2142");
        assertThat(earlyIntake.at("/workExperience/0/jobTitle").asString()).isEqualTo("Civil engineer");
        assertThat(earlyIntake.get("languageLevels")).hasSize(2);
        assertThat(earlyIntake.at("/languageLevels/1/language").asString()).isEqualTo("nl");
        assertThat(earlyIntake.at("/languageLevels/1/level").asString()).isEqualTo("A1");
        assertThat(earlyIntake.at("/wishes/work").asString()).isEqualTo("engineering");
        assertThat(earlyIntake.at("/wishes/sectors/1").asString()).isEqualTo("infrastructure");
        assertThat(earlyIntake.at("/education/dutchComparableLevel").asString()).isEqualTo("BACHELOR");
        assertThat(earlyIntake.at("/education/credentialEvaluationStatus").asString()).isEqualTo("EVALUATED");
        assertThat(earlyIntake.at("/availability/hoursPerWeek").asInt()).isEqualTo(24);
        assertThat(dossier.at("/link/municipalityCode").asString()).isEqualTo(UTRECHT);
        assertThat(dossier.at("/link/linkDate").asString()).isEqualTo("2026-01-19");

        assertThat(inbox(AMERSFOORT)).noneMatch(entry -> entry.get("personId").asString().equals(person));
        ResponseEntity<String> elsewhere = get(dossierPath(AMERSFOORT, person));
        assertThat(elsewhere.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(elsewhere.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(json(elsewhere).get("status").asInt()).isEqualTo(404);
        assertThat(get(dossierPath(UTRECHT, UUID.randomUUID().toString())).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        assertThat(get("/actuator/health/readiness").getStatusCode()).as("ready, Streams included").isEqualTo(HttpStatus.OK);

        ResponseEntity<String> page = get("/gemeenten/" + UTRECHT + "/overdrachten", "text/html");
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("lang=\"nl\"", "<caption>", "scope=\"col\"", "Amal Haddad",
                "/gemeenten/GM0344/overdrachten/" + person, "Overdrachten aan gemeente Utrecht");
        ResponseEntity<String> dossierPage = get("/gemeenten/" + UTRECHT + "/overdrachten/" + person, "text/html");
        assertThat(dossierPage.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(dossierPage.getBody()).contains("Overdrachtsdossier", "1234567890", "Civil engineer", "19-01-2026",
                "Bachelor", "Gewaardeerd", "<dd>24</dd>").doesNotContain("BSN");
        assertThat(get("/gemeenten/" + AMERSFOORT + "/overdrachten/" + person, "text/html").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aCaseWorkerOfAnotherMunicipalityCannotFindTheDossierEvenByItsId() {
        String person = UUID.randomUUID().toString();
        Instant t = Instant.now();
        publish(registered(person, t, "Nour", "Saleh"));
        publish(linked(person, t.plusMillis(1), UTRECHT));
        awaitInInbox(UTRECHT, person);

        String amersfoort = TestTokens.caseWorker(AMERSFOORT);
        for (String path : List.of(dossierPath(UTRECHT, person), "/api/v1/municipalities/" + UTRECHT + "/handovers",
                "/gemeenten/" + UTRECHT + "/overdrachten/" + person, "/gemeenten/" + UTRECHT + "/overdrachten")) {
            ResponseEntity<String> response = getAs(amersfoort, path);
            assertThat(response.getStatusCode()).as("Amersfoort asks %s", path).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(response.getBody()).doesNotContain("Saleh");
        }
        assertThat(getAs(TestTokens.azcStaff("AZC-BUDEL"), dossierPath(UTRECHT, person)).getStatusCode())
                .as("AZC staff are not case workers").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(getAs(TestTokens.platformOperator(), dossierPath(UTRECHT, person)).getStatusCode())
                .as("operators see no case data").isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> forbiddenPage = http.get().uri("/gemeenten/" + UTRECHT + "/overdrachten")
                .header(HttpHeaders.ACCEPT, "text/html")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.azcStaff("AZC-BUDEL")).retrieve().toEntity(String.class);
        assertThat(forbiddenPage.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(forbiddenPage.getBody()).contains("<h1>Geen toegang</h1>").doesNotContain("Saleh");
        ResponseEntity<String> anonymous = http.get().uri(dossierPath(UTRECHT, person)).retrieve().toEntity(String.class);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(anonymous.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(anonymous.getBody()).doesNotContain("Saleh");
    }

    @Test
    void sealedIdentitiesAreOpenedForTheCaseWorkerAndAnErasedPersonDisappears() {
        String person = UUID.randomUUID().toString();
        Instant t = Instant.now();
        PersonIdentity identity = PersonIdentity.newBuilder().setGivenNames("Mebrat").setFamilyName("Tekle")
                .setDateOfBirth(java.time.LocalDate.of(1988, 2, 2)).setVNumber("5550001112").build();
        publish(PersonEvents.event(person, t, PersonRegistered.newBuilder().setCountryOfOrigin("ER")
                .setReceptionLocation("AZC-BUDEL")
                .setIdentity(java.nio.ByteBuffer.wrap(identities.seal(person, identity))).build()));
        publish(linked(person, t.plusMillis(1), UTRECHT));

        JsonNode summary = awaitInInbox(UTRECHT, person);
        assertThat(summary.get("familyName").asString()).isEqualTo("Tekle");
        assertThat(json(get(dossierPath(UTRECHT, person))).at("/registration/vNumber").asString()).isEqualTo("5550001112");

        subjectKeys.forget(person);
        publish(PersonEvents.event(person, t.plusMillis(2), new PersonErased(ErasureGround.DATA_SUBJECT_REQUEST, "AVG-1")));
        Awaitility.await("the erased person leaves the inbox").atMost(Duration.ofSeconds(20))
                .until(() -> get(dossierPath(UTRECHT, person)).getStatusCode() == HttpStatus.NOT_FOUND);
        assertThat(inbox(UTRECHT)).noneMatch(entry -> entry.get("personId").asString().equals(person));
        assertThat(handovers.dossier(UTRECHT, person)).as("nothing of the person in the store").isEmpty();
    }

    @Test
    void aCorrectionOfThePersonalDetailsReachesTheMunicipalityWithTheBsn() {
        String person = UUID.randomUUID().toString();
        Instant t = Instant.now();
        PersonIdentity registered = PersonIdentity.newBuilder().setGivenNames("Hiwet").setFamilyName("Tesfay")
                .setDateOfBirth(java.time.LocalDate.of(1992, 4, 9)).setVNumber("5550002223").build();
        publish(PersonEvents.event(person, t, PersonRegistered.newBuilder().setCountryOfOrigin("ET")
                .setReceptionLocation("AZC-BUDEL").setSex(Sex.UNDETERMINED).setLanguagesSpoken(List.of("ti"))
                .setIdentity(java.nio.ByteBuffer.wrap(identities.seal(person, registered))).build()));
        publish(linked(person, t.plusMillis(1), UTRECHT));
        awaitInInbox(UTRECHT, person);

        PersonIdentity correctedIdentity = PersonIdentity.newBuilder(registered).setFamilyName("Tesfaye")
                .setBsn("999996708").build();
        publish(PersonEvents.event(person, t.plusMillis(2), PersonalDetailsCorrected.newBuilder()
                .setIdentity(java.nio.ByteBuffer.wrap(identities.seal(person, correctedIdentity)))
                .setSex(Sex.FEMALE).setCountryOfOrigin("ER").setLanguagesSpoken(List.of("ti", "ar"))
                .setLiterateInLatinScript(false).build()));

        JsonNode registration = Awaitility.await("the correction in the dossier").atMost(DEADLINE)
                .pollInterval(Duration.ofMillis(20))
                .until(() -> json(get(dossierPath(UTRECHT, person))).get("registration"),
                        r -> r != null && "Tesfaye".equals(r.get("familyName").asString()));
        assertThat(registration.get("bsn").asString()).isEqualTo("999996708");
        assertThat(registration.get("vNumber").asString()).isEqualTo("5550002223");
        assertThat(registration.get("sex").asString()).isEqualTo("FEMALE");
        assertThat(registration.get("countryOfOrigin").asString()).isEqualTo("ER");
        assertThat(registration.get("languagesSpoken").toString()).isEqualTo("[\"ti\",\"ar\"]");
        assertThat(registration.get("literateInLatinScript").asBoolean()).isFalse();
        assertThat(registration.get("receptionLocation").asString()).isEqualTo("AZC-BUDEL");
        JsonNode summary = inbox(UTRECHT).stream().filter(entry -> entry.get("personId").asString().equals(person))
                .findFirst().orElseThrow();
        assertThat(summary.get("familyName").asString()).isEqualTo("Tesfaye");
        assertThat(summary.get("countryOfOrigin").asString()).isEqualTo("ER");

        ResponseEntity<String> page = get("/gemeenten/" + UTRECHT + "/overdrachten/" + person, "text/html");
        assertThat(page.getBody()).contains("Tesfaye", "999996708", "BSN", "Vrouw", "ti, ar")
                .doesNotContain(">Tesfay<");
    }

    @Test
    void aReLinkMovesTheDossierToTheOtherMunicipality() {
        String person = UUID.randomUUID().toString();
        Instant t = Instant.now();
        publish(registered(person, t, "Yonas", "Tesfay"));
        publish(linked(person, t.plusMillis(1), UTRECHT));
        awaitInInbox(UTRECHT, person);

        publish(linked(person, t.plusMillis(2), AMERSFOORT));

        JsonNode moved = awaitInInbox(AMERSFOORT, person);
        assertThat(moved.get("municipalityCode").asString()).isEqualTo(AMERSFOORT);
        assertThat(moved.get("earlyIntakePresent").asBoolean()).isFalse();
        assertThat(inbox(UTRECHT)).noneMatch(entry -> entry.get("personId").asString().equals(person));
        assertThat(get(dossierPath(UTRECHT, person)).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get(dossierPath(AMERSFOORT, person)).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void theInboxListsTheMostRecentLinkFirst() {
        String earlier = UUID.randomUUID().toString();
        String later = UUID.randomUUID().toString();
        Instant t = Instant.now();
        publish(registered(earlier, t, "Earlier", "Linked"));
        publish(registered(later, t, "Later", "Linked"));
        publish(linked(earlier, t.plusSeconds(1), UTRECHT));
        publish(linked(later, t.plusSeconds(2), UTRECHT));
        awaitInInbox(UTRECHT, earlier);
        awaitInInbox(UTRECHT, later);

        List<String> order = inbox(UTRECHT).stream().map(entry -> entry.get("personId").asString())
                .filter(id -> id.equals(earlier) || id.equals(later)).toList();
        assertThat(order).containsExactly(later, earlier);
    }

    @Test
    void aMalformedMunicipalityCodeIs400AndAnUnknownOne404() {
        ResponseEntity<String> malformed = get("/api/v1/municipalities/GM34/handovers");
        assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(malformed.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(json(malformed).at("/invalidParams/0/name").asString()).isEqualTo("municipalityCode");

        ResponseEntity<String> unknown = get("/api/v1/municipalities/GM9999/handovers");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(get("/api/v1/municipalities/GM9999/handovers/" + UUID.randomUUID()).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("/api/v1/municipalities/GM0344/handovers/").getStatusCode()).as("trailing slash")
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("/gemeenten/GM34/overdrachten", "text/html").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(get("/gemeenten/GM9999/overdrachten", "text/html").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void theApiIsDescribedInOpenApi() {
        ResponseEntity<String> openApi = get("/api/v1/openapi.json");
        assertThat(openApi.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode paths = json(openApi).get("paths");
        assertThat(paths.has("/municipalities/{municipalityCode}/handovers")).as(paths.toString()).isTrue();
        assertThat(paths.has("/municipalities/{municipalityCode}/handovers/{personId}")).as(paths.toString()).isTrue();
        assertThat(paths.at("/~1municipalities~1{municipalityCode}~1handovers~1{personId}/get/responses/404").isMissingNode()).isFalse();
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheNextEventIsStillProcessed() {
        String person = UUID.randomUUID().toString();
        byte[] poison = new byte[64];
        new Random().nextBytes(poison);
        poison[0] = 0x7f; // not Confluent's magic byte 0

        try (KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            raw.send(new ProducerRecord<>(Topics.INTAKE_PERSON_EVENTS.name(), person.getBytes(StandardCharsets.UTF_8), poison)).get();
        } catch (Exception e) {
            throw new AssertionError("could not produce the poison record", e);
        }
        // same key, so the same partition: the good event is behind the poison record
        Instant t = Instant.now();
        publish(registered(person, t, "Noor", "Rahimi"));
        publish(linked(person, t.plusMillis(1), UTRECHT));

        awaitInInbox(UTRECHT, person);
        ConsumerRecord<byte[], byte[]> deadLetter = awaitDeadLetter(person);
        assertThat(deadLetter.value()).isEqualTo(poison);
        assertThat(deadLetter.headers().lastHeader(KafkaHeaders.DLT_EXCEPTION_FQCN)).as("exception class header").isNotNull();
        assertThat(deadLetter.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_TOPIC)).as("original topic header").isNotNull();
        assertThat(new String(deadLetter.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_TOPIC).value(), StandardCharsets.UTF_8))
                .isEqualTo(Topics.INTAKE_PERSON_EVENTS.name());
    }

    @Test
    void aLinkIsReadableWithinMilliseconds() {
        int samples = 30;
        List<Long> toStore = new ArrayList<>();
        List<Long> toRest = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            String person = UUID.randomUUID().toString();
            Instant t = Instant.now();
            publish(registered(person, t, "Sample", "Person" + i));
            long acknowledged = publish(linked(person, t.plusMillis(1), UTRECHT));
            Awaitility.await("dossier of " + person + " in the store").atMost(DEADLINE)
                    .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1))
                    .until(() -> handovers.dossier(UTRECHT, person).isPresent());
            toStore.add(System.nanoTime() - acknowledged);
            assertThat(get(dossierPath(UTRECHT, person)).getStatusCode()).isEqualTo(HttpStatus.OK);
            toRest.add(System.nanoTime() - acknowledged);
        }
        System.out.printf("handover latency, %d links: acknowledged -> queryable in the store %s; "
                + "acknowledged -> answered 200 over REST %s%n", samples, summary(toStore), summary(toRest));
        assertThat(percentile(toRest, 50)).as("median nanoseconds from link to dossier over REST").isLessThan(1_000_000_000L);
    }

    private static long percentile(List<Long> nanos, int percentile) {
        List<Long> sorted = nanos.stream().sorted().toList();
        return sorted.get(Math.max(0, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
    }

    private static String summary(List<Long> nanos) {
        return "p50 %.1f ms, p95 %.1f ms, max %.1f ms".formatted(percentile(nanos, 50) / 1e6,
                percentile(nanos, 95) / 1e6, percentile(nanos, 100) / 1e6);
    }

    /** Publishes through the platform's publisher (Avro serializer, registry, CloudEvents headers, acks=all). */
    private long publish(PersonEvent event) {
        publisher.publish(Topics.INTAKE_PERSON_EVENTS, event.getPersonId(), event);
        return System.nanoTime();
    }

    private static String dossierPath(String municipality, String person) {
        return "/api/v1/municipalities/" + municipality + "/handovers/" + person;
    }

    private List<JsonNode> inbox(String municipality) {
        ResponseEntity<String> response = get("/api/v1/municipalities/" + municipality + "/handovers?pageSize=100");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<JsonNode> entries = new ArrayList<>();
        json(response).get("handovers").forEach(entries::add);
        return entries;
    }

    private JsonNode awaitInInbox(String municipality, String person) {
        return Awaitility.await(person + " in the inbox of " + municipality).atMost(DEADLINE)
                .pollInterval(Duration.ofMillis(20))
                .until(() -> inbox(municipality).stream()
                        .filter(entry -> entry.get("personId").asString().equals(person)).findFirst().orElse(null),
                        entry -> entry != null);
    }

    private ConsumerRecord<byte[], byte[]> awaitDeadLetter(String person) {
        String dlt = Topics.INTAKE_PERSON_EVENTS.deadLetterTopic();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "dlt-check-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            List<TopicPartition> partitions = consumer.partitionsFor(dlt).stream()
                    .map(info -> new TopicPartition(dlt, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
            Awaitility.await("dead letter of " + person + " on " + dlt).atMost(DEADLINE).pollInterval(Duration.ofMillis(10))
                    .until(() -> {
                        consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                            if (record.key() != null && person.equals(new String(record.key(), StandardCharsets.UTF_8))) {
                                found.add(record);
                            }
                        });
                        return !found.isEmpty();
                    });
            return found.getFirst();
        }
    }
}
