package nl.doorstroom.trajectory.handover;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpMethod;

import nl.doorstroom.platform.kafka.EventNotPublishedException;
import nl.doorstroom.platform.kafka.EventPublisher;
import nl.doorstroom.platform.privacy.PersonIdentities;
import nl.doorstroom.platform.test.Timing;
import nl.doorstroom.platform.test.TopicContents;
import nl.doorstroom.schemas.Topics;
import nl.doorstroom.schemas.intake.PersonEvent;
import nl.doorstroom.schemas.intake.PersonIdentity;
import nl.doorstroom.schemas.intake.PersonRegistered;
import nl.doorstroom.trajectory.CaseWorkerClient;
import nl.doorstroom.trajectory.TrajectoryServiceIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The inbox of a municipality with 5,000 people, their identities sealed per person as intake-service seals them and
 * their events produced straight onto {@code intake.person-events}: a page and a search by name stay fast, since only
 * the rows shown (and, for a text, the names left after the filters) are opened, and only the rows shown are logged.
 * The times are printed as {@code MEASURED} lines.
 */
class InboxAtScaleIntegrationTest extends TrajectoryServiceIntegrationTest {

    /** Only this test links people to The Hague. */
    private static final String THE_HAGUE = "GM0518";
    private static final int PEOPLE = 5000;

    @Autowired
    private EventPublisher publisher;

    @Autowired
    private PersonIdentities identities;

    @Value("${spring.kafka.bootstrap-servers}")
    private String bootstrapServers;

    @Test
    void aPageAndASearchAmongFiveThousandPeopleOpenAndLogOnlyWhatIsShown() {
        long seeding = System.nanoTime();
        List<String> people = IntStream.range(0, PEOPLE).mapToObj(i -> UUID.randomUUID().toString()).toList();
        Instant at = Instant.now().minus(Duration.ofDays(3));
        List<Map.Entry<String, PersonEvent>> events = new ArrayList<>();
        // each seal creates the person's data key (published and read back): many at once
        List<PersonEvent> sealed;
        try (ForkJoinPool sealing = new ForkJoinPool(4)) {
            sealed = sealing.submit(() -> IntStream.range(0, PEOPLE).parallel().mapToObj(i -> registered(people.get(i), at,
                    i == PEOPLE / 2 ? "Zeynep" : "Persoon" + i, i == PEOPLE / 2 ? "Çelik" : "Schaal" + i % 97)).toList()).join();
        }
        sealed.forEach(event -> events.add(Map.entry(event.getPersonId(), event)));
        for (int i = 0; i < PEOPLE; i++) {
            events.add(Map.entry(people.get(i), PersonEvents.linked(people.get(i), at.plusSeconds(i), THE_HAGUE)));
        }
        for (int from = 0; from < events.size(); from += 1000) {
            publisher.publishAll(Topics.INTAKE_PERSON_EVENTS, events.subList(from, Math.min(events.size(), from + 1000)));
        }
        CaseWorkerClient theHague = new CaseWorkerClient(http, THE_HAGUE);
        String inbox = "/api/v1/municipalities/" + THE_HAGUE + "/handovers";
        Awaitility.await("5,000 people in the inbox").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .until(() -> json(theHague.get(inbox)).get("total").asInt() == PEOPLE);
        System.out.printf("MEASURED seeding: %d people sealed, produced and in the inbox in %d s%n", PEOPLE,
                Duration.ofNanos(System.nanoTime() - seeding).toSeconds());

        long logged = processingLogEntries();
        JsonNode first = json(theHague.get(inbox));
        assertThat(processingLogEntries() - logged).as("one entry per row shown").isEqualTo(25);
        assertThat(first.get("handovers")).hasSize(25);
        assertThat(first.get("handovers").get(0).get("personId").asString()).as("the most recent link first")
                .isEqualTo(people.getLast());
        Supplier<JsonNode> search = () -> json(theHague.send(HttpMethod.POST,
                "/api/v1/municipalities/" + THE_HAGUE + "/handover-searches", Map.of("text", "celik")));
        JsonNode found = search.get();
        assertThat(found.get("total").asInt()).isEqualTo(1);
        assertThat(found.get("handovers").get(0).get("personId").asString()).isEqualTo(people.get(PEOPLE / 2));

        long page = Timing.medianMillis(() -> json(theHague.get(inbox)));
        long last = Timing.medianMillis(() -> json(theHague.get(inbox + "?page=200&pageSize=25")));
        long byName = Timing.medianMillis(search::get);
        long html = Timing.medianMillis(() -> assertThat(get("/gemeenten/" + THE_HAGUE + "/overdrachten", "text/html")
                .getBody()).contains("van 5.000"));
        long pending = Timing.medianMillis(() -> assertThat(get("/gemeenten/" + THE_HAGUE
                + "/overdrachten?status=HANDOVER_PENDING", "text/html").getBody()).contains("van 5.000"));
        System.out.printf("MEASURED %d people: API page 1 %d ms, page 200 %d ms, search by name %d ms, inbox page "
                + "(HTML) %d ms, inbox filtered by status %d ms (medians of 5)%n", PEOPLE, page, last, byName, html, pending);
        assertThat(byName).as("a search by name opens only what it needs").isLessThan(5000);
    }

    private PersonEvent registered(String personId, Instant at, String givenNames, String familyName) {
        PersonIdentity identity = PersonIdentity.newBuilder().setGivenNames(givenNames).setFamilyName(familyName)
                .setDateOfBirth(LocalDate.of(1990, 1, 1))
                .setVNumber("%010d".formatted(Math.floorMod(personId.hashCode(), 1_000_000_000))).build();
        return PersonEvents.event(personId, at, PersonRegistered.newBuilder()
                .setIdentity(ByteBuffer.wrap(seal(personId, identity)))
                .setCountryOfOrigin("SY").setReceptionLocation("AZC-TER-APEL").build());
    }

    /** Seals, creating the person's key; a key not acknowledged in time (a busy machine) is asked for again. */
    private byte[] seal(String personId, PersonIdentity identity) {
        for (int attempt = 1; ; attempt++) {
            try {
                return identities.seal(personId, identity);
            } catch (EventNotPublishedException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private long processingLogEntries() {
        return TopicContents.endOffsets(bootstrapServers, Topics.AUDIT_PROCESSING_LOG.name());
    }
}
