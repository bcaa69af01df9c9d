package nl.doorstroom.local;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.doorstroom.local.DemoData.DemoException;
import nl.doorstroom.local.DemoData.TokenSource;

/**
 * Posts the demo placements through employer-service's REST API, as the employers {@code werkgever-a} (in Utrecht and
 * Nieuwegein, Midden-Utrecht) and {@code werkgever-b} (in Amersfoort, opened to Midden-Utrecht) would, and takes one
 * introduction as far as the candidate's agreement: Utrecht's case worker proposes Amina Haddad (ready for placements,
 * consented at intake) for the place as apprentice electrician and records that she agreed, so werkgever-a sees her
 * name and whom to contact.
 *
 * <p>Seeding again does not duplicate anything: each placement is posted with an {@code Idempotency-Key} of its own
 * (employer-service derives the placement's id from it), and the introduction is proposed and agreed only when
 * employer-service does not show it that far yet. Start dates are counted from the day of seeding, so they are never in
 * the past.
 */
final class DemoPlacements {

    /**
     * A demo placement. The body is written without a start date: it is added when sent.
     *
     * @param key          stable name, part of the Idempotency-Key
     * @param employer     the employer's demo account
     * @param startInWeeks the start date, in weeks from the day of seeding
     */
    record Placement(String key, String employer, String body, int startInWeeks) {
    }

    static final List<Placement> PLACEMENTS = List.of(
            new Placement("leerling-elektricien", "werkgever-a", """
                    {"employerName":"Installatiebedrijf Van Vliet","kind":"WORK_EXPERIENCE_PLACE","title":"Leerling-elektricien","description":"Meewerken aan installaties in woningen, naast je taalcursus; een vaste collega begeleidt je.","iscoCode":"7411","requiredSkills":["Veilig werken"],"preferredSkills":["Ervaring met elektra"],"minimumLanguageLevels":[{"skill":"LISTENING","level":"A2"}],"languageSupport":true,"hoursPerWeek":16,"schedule":"ma-di 8:00-16:30","places":2,"municipalityCode":"GM0344"}""",
                    2),
            new Placement("magazijnmedewerker", "werkgever-a", """
                    {"employerName":"Installatiebedrijf Van Vliet","kind":"PAID_JOB","title":"Magazijnmedewerker","iscoCode":"4321","requiredSkills":["Heftruckcertificaat of bereid het te halen"],"minimumLanguageLevels":[{"skill":"LISTENING","level":"A2"},{"skill":"READING","level":"A1"}],"languageSupport":false,"hoursPerWeek":24,"schedule":"ochtenddiensten","places":1,"municipalityCode":"GM0356"}""",
                    4),
            new Placement("zorgassistent", "werkgever-b", """
                    {"employerName":"Zorggroep Eemland","kind":"LEARN_WORK_PLACE","title":"Leerling zorgassistent","description":"Leren en werken in de ouderenzorg, met een mbo-opleiding niveau 2 en taalles op de werkvloer.","iscoCode":"5321","minimumLanguageLevels":[{"skill":"SPOKEN_INTERACTION","level":"A2"}],"languageSupport":true,"hoursPerWeek":20,"places":3,"municipalityCode":"GM0307","neighbouringRegionCodes":["AM13"]}""",
                    6),
            new Placement("vrijwilliger-repaircafe", "werkgever-b", """
                    {"employerName":"Zorggroep Eemland","kind":"VOLUNTEERING","title":"Vrijwilliger repaircafé","iscoCode":"7421","languageSupport":true,"hoursPerWeek":4,"schedule":"zaterdagochtend","places":4,"municipalityCode":"GM0307"}""",
                    1));

    /** The introduction in progress: Amina Haddad, proposed by Utrecht's case worker for the first placement. */
    static final String INTRODUCED_PLACEMENT = "leerling-elektricien";
    static final String INTRODUCING_CASE_WORKER = "utrecht";
    static final String INTRODUCED_FROM = "GM0344";

    /** How long the candidate may take to reach employer-service after trajectory marked her ready. */
    private static final Duration CANDIDATE_WAIT = Duration.ofSeconds(60);
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");
    private static final Pattern PSEUDONYM = Pattern.compile("\"candidatePseudonym\"\\s*:\\s*\"(employer-[a-z2-7]{32})\"");
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"");

    private final DemoRequests employerService;

    DemoPlacements(URI employerBaseUri, TokenSource tokens) {
        this.employerService = new DemoRequests(employerBaseUri, tokens, Duration.ofSeconds(30));
    }

    /** Posts every placement and seeds the introduction; returns how many of both are complete. Problems are printed. */
    int seed() {
        int complete = 0;
        String introducedPlacementId = null;
        for (Placement placement : PLACEMENTS) {
            try {
                String id = post(placement);
                if (placement.key().equals(INTRODUCED_PLACEMENT)) {
                    introducedPlacementId = id;
                }
                complete++;
            } catch (DemoException e) {
                System.out.println("  demo placement " + placement.key() + ": " + e.getMessage());
            }
        }
        try {
            if (introducedPlacementId == null) {
                throw new DemoException("its placement was not posted");
            }
            introduce(introducedPlacementId);
            complete++;
        } catch (DemoException e) {
            System.out.println("  demo introduction: " + e.getMessage());
        }
        return complete;
    }

    /** How many {@link #seed} completes when all goes well: the placements and the introduction. */
    static int total() {
        return PLACEMENTS.size() + 1;
    }

    /** Posts the placement (again: the same key gives the same placement) and returns its id. */
    private String post(Placement placement) throws DemoException {
        String answer = employerService.send(placement.employer(), "POST", "/api/v1/placements",
                withStartDate(placement.body(), LocalDate.now().plusWeeks(placement.startInWeeks())),
                "doorstroom-demo-placement-" + placement.key(), false, false).body();
        Matcher id = ID.matcher(answer);
        if (!id.find()) {
            throw new DemoException("no id in the answer: " + answer);
        }
        return id.group(1);
    }

    /** Proposes the first candidate of Utrecht for the placement and records her agreement, unless already done. */
    private void introduce(String placementId) throws DemoException {
        String candidate = firstCandidate().orElseThrow(() -> new DemoException(
                "no candidate of " + INTRODUCED_FROM + " reached employer-service within " + CANDIDATE_WAIT.toSeconds() + " s"));
        String introductions = "/api/v1/placements/" + placementId + "/introductions";
        employerService.send(INTRODUCING_CASE_WORKER, "POST", introductions, "{\"candidatePseudonym\":\"" + candidate + "\"}",
                "doorstroom-demo-introduction-" + INTRODUCED_PLACEMENT, false, true);
        String introduction = employerService.send(INTRODUCING_CASE_WORKER, "GET", introductions + "/" + candidate, null,
                null, true, false).body();
        Matcher status = STATUS.matcher(introduction);
        if (status.find() && status.group(1).equals("PROPOSED")) {
            int version = DemoData.version(introduction).orElseThrow(() -> new DemoException("no version: " + introduction));
            employerService.send(INTRODUCING_CASE_WORKER, "POST", introductions + "/" + candidate + "/steps",
                    "{\"version\":" + version + ",\"step\":\"AGREE\"}", "doorstroom-demo-introduction-agreed", false, true);
        }
    }

    /** The pseudonym of the first candidate in Utrecht's list, waiting for trajectory's profile to arrive. */
    private Optional<String> firstCandidate() throws DemoException {
        long deadline = System.nanoTime() + CANDIDATE_WAIT.toNanos();
        while (true) {
            String list = employerService.send(INTRODUCING_CASE_WORKER, "GET",
                    "/api/v1/municipalities/" + INTRODUCED_FROM + "/candidates", null, null, false, false).body();
            Optional<String> found = pseudonymIn(list);
            if (found.isPresent() || System.nanoTime() > deadline) {
                return found;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DemoException("interrupted");
            }
        }
    }

    static Optional<String> pseudonymIn(String candidates) {
        Matcher found = PSEUDONYM.matcher(candidates);
        return found.find() ? Optional.of(found.group(1)) : Optional.empty();
    }

    static String withStartDate(String json, LocalDate start) {
        String body = json.strip();
        return body.substring(0, body.length() - 1) + ",\"startDate\":\"" + start + "\"}";
    }
}
