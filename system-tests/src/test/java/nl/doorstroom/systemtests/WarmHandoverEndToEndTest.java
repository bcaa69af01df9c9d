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
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import nl.doorstroom.platform.test.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The core promise, end to end: a person registered in the AZC and linked to a municipality is in that
 * municipality's handover inbox at once, with the complete dossier, and in no other municipality's inbox.
 * The services run from their packaged jars against one real broker and registry.
 */
class WarmHandoverEndToEndTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String UTRECHT = "GM0344";
    private static final String AMERSFOORT = "GM0307";

    private static IntakeApi intake;
    private static RestClient intakeApi;
    private static RestClient trajectoryApi;

    @BeforeAll
    static void services() {
        intake = new IntakeApi(RunningPlatform.service("intake-service").baseUrl());
        intakeApi = intake.client();
        trajectoryApi = IntakeApi.lenientClient(RunningPlatform.service("trajectory-service").baseUrl());
    }

    @Test
    void aLinkedPersonsCompleteDossierIsInThatMunicipalitysInboxAndNoOther() {
        IntakeApi.Registered person = intake.register("Amina", "Haddad");
        String id = person.id();
        intake.link(id, UTRECHT, person.version());

        ResponseEntity<String> found = await("dossier in Utrecht's inbox").atMost(Duration.ofSeconds(15))
                .until(() -> dossier(UTRECHT, id), response -> response.getStatusCode().value() == 200);
        JsonNode dossier = JSON.readTree(found.getBody());
        assertThat(dossier.toString())
                .contains("Amina").contains("Haddad").contains("SY").contains("AZC-BUDEL")
                .contains("7411").contains("Elektricien").contains("ISCED_3")
                .contains("LISTENING").contains("A2").contains("Techniek")
                .contains(UTRECHT);
        assertThat(dossier.at("/registration/sex").asString()).isEqualTo("FEMALE");
        assertThat(dossier.at("/registration/languagesSpoken").toString()).isEqualTo("[\"ar\",\"en\"]");
        assertThat(dossier.at("/registration/literateInLatinScript").asBoolean()).isTrue();
        assertThat(dossier.at("/earlyIntake/education/dutchComparableLevel").asString()).isEqualTo("MBO_4");
        assertThat(dossier.at("/earlyIntake/education/credentialEvaluationStatus").asString()).isEqualTo("REQUESTED");
        assertThat(dossier.at("/earlyIntake/availability/hoursPerWeek").asInt()).isEqualTo(32);

        JsonNode utrechtInbox = JSON.readTree(inbox(UTRECHT).getBody());
        assertThat(utrechtInbox.toString()).contains(id);
        ResponseEntity<String> amersfoortInbox = inbox(AMERSFOORT);
        assertThat(amersfoortInbox.getStatusCode().value()).isEqualTo(200);
        assertThat(amersfoortInbox.getBody()).doesNotContain(id).doesNotContain("Haddad");
        assertThat(dossier(AMERSFOORT, id).getStatusCode().value())
                .as("Amersfoort's inbox does not hold Utrecht's person").isEqualTo(404);
        assertThat(dossierAs(TestTokens.caseWorker(AMERSFOORT), UTRECHT, id).getStatusCode().value())
                .as("Amersfoort's case worker guessing the id in Utrecht's inbox").isEqualTo(404);
    }

    /**
     * Logboek dataverwerkingen: every processing of the person's data, in every service, left one entry for that
     * person, pseudonymised; a platform operator lists them for a data-subject access request.
     */
    @Test
    void theProcessingLogHoldsEveryProcessingOfThePersonsData() throws IOException {
        IntakeApi.Registered person = intake.register("Rahel", "Gebremedhin");
        String id = person.id();
        intake.link(id, UTRECHT, person.version());
        await().atMost(Duration.ofSeconds(15)).until(() -> dossier(UTRECHT, id).getStatusCode().value() == 200);

        JsonNode entries = await("the processing log of the person").atMost(Duration.ofSeconds(15)).until(
                () -> JSON.readTree(intakeApi.get().uri("/api/v1/persons/{id}/processing-log-entries", id)
                        .header("Authorization", "Bearer " + TestTokens.platformOperator()).retrieve().body(String.class)),
                found -> names(found).containsAll(List.of("intake.register-person", "intake.record-early-intake",
                        "intake.link-to-municipality", "handover.read-dossier")));
        Set<String> subjects = new java.util.HashSet<>();
        StringBuilder report = new StringBuilder("processing log of one person after the end-to-end flow:\n");
        entries.forEach(entry -> {
            subjects.add(entry.get("dataSubjectId").asString());
            assertThat(entry.get("traceId").asString()).matches("[0-9a-f]{32}");
            assertThat(entry.get("spanId").asString()).matches("[0-9a-f]{16}");
            report.append("  %-30s %-6s %-20s %-22s %s%n".formatted(entry.get("name").asString(),
                    entry.get("status").asString(), entry.get("service").asString(),
                    entry.get("actorRole").asString(), entry.get("processingActivityId").asString()));
        });
        assertThat(subjects).as("one pseudonym for the person, never the id itself").hasSize(1).doesNotContain(id);
        assertThat(entries.toString()).doesNotContain("Rahel").doesNotContain("Gebremedhin").doesNotContain(id);
        Files.writeString(Path.of("target", "processing-log-example.txt"), report);
        System.out.println(report);
    }

    private static List<String> names(JsonNode entries) {
        List<String> names = new ArrayList<>();
        entries.forEach(entry -> names.add(entry.get("name").asString()));
        return names;
    }

    /**
     * Crypto-shredding end to end: after a platform operator erases a person, no service returns them, and nothing
     * on any topic (events, state-store changelogs, the processing log, the key topic) yields their name or V-number.
     */
    @Test
    void anErasedPersonIsGoneFromEveryServiceAndNoTopicYieldsTheirName() {
        String vNumber = IntakeApi.vNumber();
        IntakeApi.Registered person = intake.register("Tsega", "Berhane", vNumber);
        String id = person.id();
        intake.link(id, UTRECHT, person.version());
        await().atMost(Duration.ofSeconds(15)).until(() -> dossier(UTRECHT, id).getStatusCode().value() == 200);
        assertThat(dossier(UTRECHT, id).getBody()).contains("Berhane").contains(vNumber);

        ResponseEntity<String> erased = intakeApi.post().uri("/api/v1/persons/{id}/erasures", id)
                .header("Authorization", "Bearer " + TestTokens.platformOperator()).contentType(MediaType.APPLICATION_JSON)
                .body("{\"ground\":\"DATA_SUBJECT_REQUEST\",\"caseReference\":\"AVG-2026-0107\"}").retrieve().toEntity(String.class);
        assertThat(erased.getStatusCode().value()).as(erased.getBody()).isEqualTo(202);

        await("the person is gone from every service").atMost(Duration.ofSeconds(20)).until(() ->
                dossier(UTRECHT, id).getStatusCode().value() == 404
                        && intakeApi.get().uri("/api/v1/persons/{id}", id)
                        .header("Authorization", "Bearer " + TestTokens.coaPlacementOfficer())
                        .retrieve().toEntity(String.class).getStatusCode().value() == 404);
        assertThat(inbox(UTRECHT).getBody()).doesNotContain(id);

        List<ConsumerRecord<byte[], byte[]>> records = BrokerContents.everything();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            String value = record.value() == null ? "" : new String(record.value(), StandardCharsets.ISO_8859_1);
            assertThat(value).as("a record on %s", record.topic()).doesNotContain("Berhane").doesNotContain(vNumber);
        }
        ConsumerRecord<byte[], byte[]> lastKey = records.stream()
                .filter(r -> r.topic().equals("privacy.subject-keys") && id.equals(new String(r.key(), StandardCharsets.UTF_8)))
                .reduce((first, second) -> second).orElseThrow();
        assertThat(lastKey.value()).as("the person's data key is a tombstone").isNull();
    }

    @Test
    void aRelinkBeforeTheMoveTakesTheDossierToTheNewMunicipality() {
        IntakeApi.Registered person = intake.register("Yonas", "Tesfay");
        String id = person.id();
        intake.link(id, UTRECHT, person.version());
        await().atMost(Duration.ofSeconds(15)).until(() -> dossier(UTRECHT, id).getStatusCode().value() == 200);

        intake.link(id, AMERSFOORT, intake.currentVersion(id));
        await("dossier moved to Amersfoort").atMost(Duration.ofSeconds(15))
                .until(() -> dossier(AMERSFOORT, id).getStatusCode().value() == 200);
        assertThat(dossier(UTRECHT, id).getStatusCode().value()).isEqualTo(404);
        assertThat(inbox(UTRECHT).getBody()).doesNotContain(id);
    }

    /**
     * The municipality always sees the current personal details: a correction made in the AZC after the link (here the
     * BSN, once the person is in the BRP, and the spelling of the family name) reaches the dossier.
     */
    @Test
    void aCorrectionAfterTheLinkReachesTheMunicipalityWithTheBsn() {
        String vNumber = IntakeApi.vNumber();
        IntakeApi.Registered person = intake.register("Selam", "Kidane", vNumber);
        String id = person.id();
        intake.link(id, UTRECHT, person.version());
        await().atMost(Duration.ofSeconds(15)).until(() -> dossier(UTRECHT, id).getStatusCode().value() == 200);

        ResponseEntity<String> corrected = intakeApi.put().uri("/api/v1/persons/{id}/personal-details", id)
                .header("Authorization", "Bearer " + TestTokens.azcStaff("AZC-BUDEL")).contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"version":%d,"personalDetails":%s}""".formatted(intake.currentVersion(id),
                        IntakeApi.personalDetails("Selam", "Kidane-Tesfay", vNumber, "999996708")))
                .retrieve().toEntity(String.class);
        assertThat(corrected.getStatusCode().value()).as(corrected.getBody()).isEqualTo(200);

        JsonNode registration = await("the corrected details in Utrecht's dossier").atMost(Duration.ofSeconds(15))
                .until(() -> JSON.readTree(dossier(UTRECHT, id).getBody()).get("registration"),
                        r -> r != null && "Kidane-Tesfay".equals(r.get("familyName").asString()));
        assertThat(registration.get("bsn").asString()).isEqualTo("999996708");
        assertThat(registration.get("vNumber").asString()).isEqualTo(vNumber);
        assertThat(inbox(UTRECHT).getBody()).contains("Kidane-Tesfay");
    }

    /**
     * A nareiziger (family member arriving later through family reunification) registered at another AZC after the
     * anchor person's link follows the family: their dossier is in the same municipality's inbox at once.
     */
    @Test
    void aNareizigerFollowsTheFamilyToItsMunicipality() {
        String anchorVNumber = IntakeApi.vNumber();
        IntakeApi.Registered anchor = intake.register("Hewan", "Abraha", anchorVNumber);
        ResponseEntity<String> household = intakeApi.put().uri("/api/v1/persons/{id}/household", anchor.id())
                .header("Authorization", "Bearer " + TestTokens.azcStaff("AZC-BUDEL")).contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"version":%d,"partner":{"inNetherlands":false},"children":[{"birthYear":2018,"inNetherlands":true}],
                         "expectedFamilyMembers":[{"relationship":"PARTNER","birthYear":1990}]}""".formatted(anchor.version()))
                .retrieve().toEntity(String.class);
        assertThat(household.getStatusCode().value()).as(household.getBody()).isEqualTo(200);
        intake.link(anchor.id(), AMERSFOORT, JSON.readTree(household.getBody()).get("version").asInt());
        await().atMost(Duration.ofSeconds(15)).until(() -> dossier(AMERSFOORT, anchor.id()).getStatusCode().value() == 200);

        ResponseEntity<String> arrived = intakeApi.post().uri("/api/v1/persons").contentType(MediaType.APPLICATION_JSON)
                .header("Authorization", "Bearer " + TestTokens.azcStaff("AZC-TER-APEL"))
                .body("""
                        {"personalDetails":%s,"receptionLocation":"AZC-TER-APEL",
                         "familyReunification":{"anchorVNumber":"%s","relationship":"PARTNER","permitDate":"%s"}}""".formatted(
                        IntakeApi.personalDetails("Tekle", "Abraha", IntakeApi.vNumber(), null), anchorVNumber, LocalDate.now().minusDays(2)))
                .retrieve().toEntity(String.class);
        assertThat(arrived.getStatusCode().value()).as(arrived.getBody()).isEqualTo(201);
        String nareiziger = JSON.readTree(arrived.getBody()).get("id").asString();

        ResponseEntity<String> found = await("the nareiziger in Amersfoort's inbox").atMost(Duration.ofSeconds(15))
                .until(() -> dossier(AMERSFOORT, nareiziger), response -> response.getStatusCode().value() == 200);
        JsonNode dossier = JSON.readTree(found.getBody());
        assertThat(dossier.at("/registration/givenNames").asString()).isEqualTo("Tekle");
        assertThat(dossier.at("/registration/receptionLocation").asString()).isEqualTo("AZC-TER-APEL");
        assertThat(dossier.at("/link/municipalityCode").asString()).isEqualTo(AMERSFOORT);
        assertThat(dossier(UTRECHT, nareiziger).getStatusCode().value()).isEqualTo(404);
        JsonNode anchorRecord = JSON.readTree(intakeApi.get().uri("/api/v1/persons/{id}", anchor.id())
                .header("Authorization", "Bearer " + TestTokens.azcStaff("AZC-BUDEL")).retrieve().body(String.class));
        assertThat(anchorRecord.at("/household/expectedFamilyMembers/0/arrivedAsPersonId").asString()).isEqualTo(nareiziger);
    }

    /**
     * Measures the warm handover: from sending the link request to the dossier being readable over the
     * municipality's API, for a batch of people; written to target/handover-latency.txt.
     */
    @Test
    void theDossierIsReadableMomentsAfterTheLink() throws IOException {
        int people = 30;
        List<Long> fromRequest = new ArrayList<>();
        List<Long> fromAcknowledgement = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            IntakeApi.Registered person = intake.register("Person" + i, "Meting");
            String id = person.id();
            long sent = System.nanoTime();
            intake.link(id, UTRECHT, person.version());
            long acknowledged = System.nanoTime();
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(2))
                    .until(() -> dossier(UTRECHT, id).getStatusCode().value() == 200);
            long readable = System.nanoTime();
            fromRequest.add((readable - sent) / 1_000_000);
            fromAcknowledgement.add((readable - acknowledged) / 1_000_000);
        }
        String report = """
                warm handover, %d people, one broker and registry, services as processes
                link request sent -> dossier readable: %s
                link acknowledged (201) -> dossier readable: %s
                """.formatted(people, summary(fromRequest), summary(fromAcknowledgement));
        Files.writeString(Path.of("target", "handover-latency.txt"), report);
        System.out.println(report);
        assertThat(percentile(fromRequest, 95)).as("p95 ms").isLessThan(2_000);
    }

    private static String summary(List<Long> millis) {
        return "p50 %d ms, p95 %d ms, max %d ms".formatted(percentile(millis, 50), percentile(millis, 95),
                percentile(millis, 100));
    }

    private static long percentile(List<Long> values, int percentile) {
        List<Long> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }

    private static ResponseEntity<String> inbox(String municipality) {
        return trajectoryApi.get().uri("/api/v1/municipalities/{code}/handovers", municipality)
                .header("Authorization", "Bearer " + TestTokens.caseWorker(municipality)).retrieve().toEntity(String.class);
    }

    private static ResponseEntity<String> dossier(String municipality, String id) {
        return dossierAs(TestTokens.caseWorker(municipality), municipality, id);
    }

    private static ResponseEntity<String> dossierAs(String token, String municipality, String id) {
        return trajectoryApi.get().uri("/api/v1/municipalities/{code}/handovers/{id}", municipality, id)
                .header("Authorization", "Bearer " + token).retrieve().toEntity(String.class);
    }
}
