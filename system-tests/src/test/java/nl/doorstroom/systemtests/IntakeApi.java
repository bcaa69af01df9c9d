package nl.doorstroom.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import nl.doorstroom.platform.test.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A person's way through intake-service's REST API as the end-to-end tests need it: registered and interviewed by AZC
 * staff at AZC Budel, linked to a municipality by COA, each step checked to have been accepted.
 */
final class IntakeApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestClient client;

    IntakeApi(String baseUrl) {
        this.client = lenientClient(baseUrl);
    }

    /** The client itself, for calls beyond these steps; it returns every status instead of throwing. */
    RestClient client() {
        return client;
    }

    /** A registered person and the version of their intake record. */
    record Registered(String id, int version) {
    }

    Registered register(String givenNames, String familyName) {
        return register(givenNames, familyName, vNumber());
    }

    /** Registers a person at AZC Budel (record version 1). */
    Registered registerOnly(String givenNames, String familyName, String vNumber) {
        ResponseEntity<String> registered = client.post().uri("/api/v1/persons").contentType(MediaType.APPLICATION_JSON)
                .header("Authorization", "Bearer " + TestTokens.azcStaff("AZC-BUDEL"))
                .body("""
                        {"personalDetails":%s,"receptionLocation":"AZC-BUDEL"}""".formatted(
                        personalDetails(givenNames, familyName, vNumber, null)))
                .retrieve().toEntity(String.class);
        assertThat(registered.getStatusCode().value()).as(registered.getBody()).isEqualTo(201);
        JsonNode person = JSON.readTree(registered.getBody());
        return new Registered(person.get("id").asString(), person.get("version").asInt());
    }

    /** Registers a person at AZC Budel and records the early intake (record version 2). */
    Registered register(String givenNames, String familyName, String vNumber) {
        Registered person = registerOnly(givenNames, familyName, vNumber);
        String id = person.id();
        ResponseEntity<String> intakeRecorded = client.put().uri("/api/v1/persons/{id}/early-intake", id)
                .header("Authorization", "Bearer " + TestTokens.azcStaff("AZC-BUDEL"))
                .contentType(MediaType.APPLICATION_JSON).body("""
                        {"version":%d,
                         "education":{"iscedLevel":"ISCED_3","dutchComparableLevel":"MBO_4","yearsOfSchooling":12,"countryOfEducation":"SY",
                           "diplomas":[{"title":"Diploma elektrotechniek","country":"SY","yearObtained":2012,"documentAvailable":true}],
                           "credentialEvaluation":{"status":"REQUESTED","reference":"IDW-2026-1234"}},
                         "workExperience":[{"iscoCode":"7411","jobTitle":"Elektricien","years":6,"sector":"Bouw"}],
                         "languageLevels":[{"language":"nl","skill":"LISTENING","level":"A2"}],
                         "wishes":{"work":"Elektricien","education":"MBO-diploma","sectors":["Techniek"]},
                         "availability":{"hoursPerWeek":32,"careDuties":["CHILDREN"]}}""".formatted(person.version()))
                .retrieve().toEntity(String.class);
        assertThat(intakeRecorded.getStatusCode().value()).as(intakeRecorded.getBody()).isEqualTo(200);
        return new Registered(id, JSON.readTree(intakeRecorded.getBody()).get("version").asInt());
    }

    /** The personal details as AZC staff record them; {@code bsn} may be {@code null}. */
    static String personalDetails(String givenNames, String familyName, String vNumber, String bsn) {
        return """
                {"givenNames":"%s","familyName":"%s","dateOfBirth":"1994-03-12","sex":"FEMALE","vNumber":"%s",%s
                 "countryOfOrigin":"SY","languagesSpoken":["ar","en"],"literateInLatinScript":true}""".formatted(
                givenNames, familyName, vNumber, bsn == null ? "" : "\"bsn\":\"" + bsn + "\",");
    }

    /** The current version of the person's record, as COA sees it before linking. */
    int currentVersion(String id) {
        ResponseEntity<String> person = client.get().uri("/api/v1/persons/{id}", id)
                .header("Authorization", "Bearer " + TestTokens.coaPlacementOfficer()).retrieve().toEntity(String.class);
        assertThat(person.getStatusCode().value()).as(person.getBody()).isEqualTo(200);
        return JSON.readTree(person.getBody()).get("version").asInt();
    }

    /** Links the person; {@code version} is the record's current version. */
    void link(String id, String municipality, int version) {
        ResponseEntity<String> linked = client.post().uri("/api/v1/persons/{id}/municipality-links", id)
                .header("Authorization", "Bearer " + TestTokens.coaPlacementOfficer())
                .contentType(MediaType.APPLICATION_JSON).body("""
                        {"version":%d,"municipalityCode":"%s","permitDate":"%s","linkDate":"%s"}""".formatted(
                        version, municipality, LocalDate.now().minusDays(14), LocalDate.now()))
                .retrieve().toEntity(String.class);
        assertThat(linked.getStatusCode().value()).as(linked.getBody()).isEqualTo(201);
    }

    /**
     * Registers and interviews a person at AZC Budel, links them to {@code municipality} and returns their id once the
     * municipality's case worker can read the dossier in trajectory-service.
     */
    static String linkedWithDossier(String givenNames, String familyName, String municipality) {
        IntakeApi intake = new IntakeApi(RunningPlatform.service("intake-service").baseUrl());
        Registered person = intake.register(givenNames, familyName);
        intake.link(person.id(), municipality, person.version());
        RestClient trajectory = lenientClient(RunningPlatform.service("trajectory-service").baseUrl());
        Awaitility.await("the dossier in " + municipality + "'s inbox").atMost(Duration.ofSeconds(15)).until(() -> trajectory.get()
                .uri("/api/v1/municipalities/{code}/handovers/{id}", municipality, person.id())
                .header("Authorization", "Bearer " + TestTokens.caseWorker(municipality))
                .retrieve().toBodilessEntity().getStatusCode().value() == 200);
        return person.id();
    }

    /** A client that hands every answer, error statuses included, to the test. */
    static RestClient lenientClient(String baseUrl) {
        return RestClient.builder().baseUrl(baseUrl).defaultStatusHandler(status -> true, (request, response) -> { }).build();
    }

    static String vNumber() {
        return String.format("%010d", Math.abs(UUID.randomUUID().getLeastSignificantBits()) % 10_000_000_000L);
    }
}
