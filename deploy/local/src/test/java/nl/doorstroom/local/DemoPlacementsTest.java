package nl.doorstroom.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The demo placements are what employer-service takes, and the seeding reads its answers right. */
class DemoPlacementsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void everyPlacementIsAWholePostingOfADemoEmployerThatStartsInTheFuture() {
        Set<String> employers = DemoAccounts.ALL.stream().filter(a -> a.role().equals("employer"))
                .map(DemoAccounts.Account::username).collect(Collectors.toSet());
        for (DemoPlacements.Placement placement : DemoPlacements.PLACEMENTS) {
            JsonNode body = JSON.readTree(DemoPlacements.withStartDate(placement.body(), LocalDate.now().plusWeeks(placement.startInWeeks())));
            assertTrue(employers.contains(placement.employer()), placement.key());
            for (String field : new String[] {"employerName", "kind", "title", "iscoCode", "hoursPerWeek", "places", "municipalityCode"}) {
                assertTrue(body.has(field), placement.key() + " has " + field);
            }
            assertTrue(LocalDate.parse(body.get("startDate").asString()).isAfter(LocalDate.now()), placement.key());
            assertEquals(4, body.get("iscoCode").asString().length(), placement.key());
        }
        assertEquals(DemoPlacements.PLACEMENTS.size(), DemoPlacements.PLACEMENTS.stream()
                .map(DemoPlacements.Placement::key).distinct().count(), "keys are Idempotency-Keys: unique");
        assertTrue(DemoPlacements.PLACEMENTS.stream().anyMatch(p -> p.key().equals(DemoPlacements.INTRODUCED_PLACEMENT)));
    }

    @Test
    void theFirstCandidatePseudonymIsReadFromTheList() {
        String pseudonym = "employer-" + "abcdefghijklmnopqrstuvwxyz234567";
        assertEquals(Optional.of(pseudonym), DemoPlacements.pseudonymIn("""
                {"candidates":[{"candidate":{"candidatePseudonym":"%s","iscoCodes":["7411"]},"bestPlacements":[]}],"total":1}"""
                .formatted(pseudonym)));
        assertEquals(Optional.empty(), DemoPlacements.pseudonymIn("{\"candidates\":[],\"total\":0}"));
    }
}
