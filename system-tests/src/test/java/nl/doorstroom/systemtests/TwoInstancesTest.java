package nl.doorstroom.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import nl.doorstroom.platform.test.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two instances of intake-service and two of trajectory-service on one broker and registry (DESIGN §1: nothing
 * assumes it is alone): one writer per person and per V-number whichever instance takes the request, the same answers
 * through either instance, and an instance that stops gives no wrong answer at the other.
 */
class TwoInstancesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String UTRECHT = "GM0344";
    private static final String STAFF = TestTokens.azcStaff("AZC-BUDEL");
    private static final String COA = TestTokens.coaPlacementOfficer();
    private static final String CASE_WORKER = TestTokens.caseWorker(UTRECHT);
    /** The family name of this run's people, so lists can be compared on them alone. */
    private static final String FAMILY = "Tweevoud" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "");

    private static ServiceProcess secondIntake;
    private static ServiceProcess secondTrajectory;
    private static List<RestClient> intakes;
    private static List<RestClient> trajectories;

    @BeforeAll
    static void startSecondInstances() {
        secondIntake = RunningPlatform.startAnother("intake-service", "intake-service-2");
        secondTrajectory = RunningPlatform.startAnother("trajectory-service", "trajectory-service-2");
        intakes = List.of(IntakeApi.lenientClient(RunningPlatform.service("intake-service").baseUrl()),
                IntakeApi.lenientClient(secondIntake.baseUrl()));
        trajectories = List.of(IntakeApi.lenientClient(RunningPlatform.service("trajectory-service").baseUrl()),
                IntakeApi.lenientClient(secondTrajectory.baseUrl()));
    }

    @AfterAll
    static void stopSecondInstances() {
        if (secondIntake != null) {
            secondIntake.close();
        }
        if (secondTrajectory != null) {
            secondTrajectory.close();
        }
    }

    @Test
    void eightRegistrationsOfOneVNumberThroughTwoInstancesMakeOnePerson() throws Exception {
        String vNumber = IntakeApi.vNumber();
        List<Integer> statuses = together(8, i -> register(intakes.get(i % 2), "Race", vNumber).getStatusCode().value());
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(7);
    }

    @Test
    void concurrentChangesToTheSamePeopleThroughBothInstancesHaveOneWinnerPerVersion() throws Exception {
        for (int person = 0; person < 4; person++) {
            String id = id(register(intakes.get(person % 2), "Versie" + person, IntakeApi.vNumber()));
            List<ResponseEntity<String>> answers = together(6, i -> intakes.get(i % 2).put()
                    .uri("/api/v1/persons/{id}/household", id).header("Authorization", "Bearer " + STAFF)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"version\":1,\"partner\":{\"inNetherlands\":false},\"children\":[{\"birthYear\":%d,\"inNetherlands\":true}]}"
                            .formatted(2010 + i))
                    .retrieve().toEntity(String.class));
            assertThat(answers).filteredOn(a -> a.getStatusCode().value() == 200).as("winners").hasSize(1);
            assertThat(answers).filteredOn(a -> a.getStatusCode().value() == 409).hasSize(5)
                    .allSatisfy(refused -> assertThat(JSON.readTree(refused.getBody()).get("currentVersion").asInt()).isEqualTo(2));
        }
    }

    @Test
    void readsAndListsThroughEitherInstanceGiveTheSameAnswers() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String id = id(register(intakes.get(i % 2), "Lezen" + i, IntakeApi.vNumber()));
            link(intakes.get((i + 1) % 2), id);
            ids.add(id);
        }
        for (String id : ids) {
            await("the dossier of " + id + " through both instances").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                for (RestClient trajectory : trajectories) {
                    assertThat(status(trajectory, "/api/v1/municipalities/" + UTRECHT + "/handovers/" + id, CASE_WORKER))
                            .isEqualTo(200);
                }
            });
            assertThat(body(intakes.get(0), "/api/v1/persons/" + id, STAFF)).isEqualTo(body(intakes.get(1), "/api/v1/persons/" + id, STAFF));
        }
        assertThat(personIds(intakes.get(0))).containsAll(ids).isEqualTo(personIds(intakes.get(1)));
        assertThat(inbox(trajectories.get(0))).containsAll(ids).isEqualTo(inbox(trajectories.get(1)));
    }

    @Test
    void anInstanceThatStopsGivesNoWrongAnswerAtTheOther() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ids.add(id(register(intakes.get(i % 2), "Blijft" + i, IntakeApi.vNumber())));
        }
        await("every person readable through the first instance").atMost(Duration.ofSeconds(30)).until(() ->
                ids.stream().allMatch(id -> status(intakes.get(0), "/api/v1/persons/" + id, STAFF) == 200));

        secondIntake.close();
        Set<Integer> seen = new TreeSet<>();
        await("every person readable again after the hand-over").atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(200)).until(() -> {
                    boolean all = true;
                    for (String id : ids) {
                        ResponseEntity<String> read = intakes.get(0).get().uri("/api/v1/persons/{id}", id)
                                .header("Authorization", "Bearer " + STAFF).retrieve().toEntity(String.class);
                        int status = read.getStatusCode().value();
                        seen.add(status);
                        assertThat(status).as("a read while the partitions move: %s", read.getBody()).isIn(200, 503);
                        if (status == 503) {
                            assertThat(read.getHeaders().getFirst("Retry-After")).isNotBlank();
                        }
                        all &= status == 200;
                    }
                    return all;
                });
        assertThat(seen).contains(200);
        // and the remaining instance takes changes again
        await().atMost(Duration.ofSeconds(60)).until(() ->
                register(intakes.get(0), "Daarna", IntakeApi.vNumber()).getStatusCode().value() == 201);
    }

    private static <T> List<T> together(int count, Function<Integer, T> call) throws Exception {
        CyclicBarrier start = new CyclicBarrier(count);
        List<T> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(count)) {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.apply(index);
                }));
            }
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
        }
        return results;
    }

    private static ResponseEntity<String> register(RestClient intake, String givenNames, String vNumber) {
        return intake.post().uri("/api/v1/persons").contentType(MediaType.APPLICATION_JSON)
                .header("Authorization", "Bearer " + STAFF)
                .body("{\"personalDetails\":%s,\"receptionLocation\":\"AZC-BUDEL\"}".formatted(
                        IntakeApi.personalDetails(givenNames, FAMILY, vNumber, null)))
                .retrieve().toEntity(String.class);
    }

    private static void link(RestClient intake, String id) {
        ResponseEntity<String> linked = intake.post().uri("/api/v1/persons/{id}/municipality-links", id)
                .header("Authorization", "Bearer " + COA).contentType(MediaType.APPLICATION_JSON)
                .body("{\"version\":1,\"municipalityCode\":\"%s\",\"permitDate\":\"%s\",\"linkDate\":\"%s\"}".formatted(
                        UTRECHT, LocalDate.now().minusDays(7), LocalDate.now()))
                .retrieve().toEntity(String.class);
        assertThat(linked.getStatusCode().value()).as(linked.getBody()).isEqualTo(201);
    }

    private static String id(ResponseEntity<String> registered) {
        assertThat(registered.getStatusCode().value()).as(registered.getBody()).isEqualTo(201);
        return JSON.readTree(registered.getBody()).get("id").asString();
    }

    private static int status(RestClient client, String path, String token) {
        return client.get().uri(path).header("Authorization", "Bearer " + token).retrieve().toBodilessEntity()
                .getStatusCode().value();
    }

    private static JsonNode body(RestClient client, String path, String token) {
        ResponseEntity<String> read = client.get().uri(path).header("Authorization", "Bearer " + token).retrieve()
                .toEntity(String.class);
        assertThat(read.getStatusCode().value()).as(read.getBody()).isEqualTo(200);
        return JSON.readTree(read.getBody());
    }

    private static Set<String> personIds(RestClient intake) {
        ResponseEntity<String> found = intake.post().uri("/api/v1/person-searches").contentType(MediaType.APPLICATION_JSON)
                .header("Authorization", "Bearer " + STAFF).body("{\"text\":\"%s\",\"pageSize\":100}".formatted(FAMILY))
                .retrieve().toEntity(String.class);
        assertThat(found.getStatusCode().value()).as(found.getBody()).isEqualTo(200);
        Set<String> ids = new TreeSet<>();
        JSON.readTree(found.getBody()).get("persons").forEach(p -> ids.add(p.get("id").asString()));
        return ids;
    }

    private static Set<String> inbox(RestClient trajectory) {
        Set<String> ids = new TreeSet<>();
        JsonNode page = body(trajectory, "/api/v1/municipalities/" + UTRECHT + "/handovers?pageSize=100", CASE_WORKER);
        ids.add("total " + page.get("total").asInt());
        page.get("handovers").forEach(h -> ids.add(h.get("personId").asString()));
        return ids;
    }
}
