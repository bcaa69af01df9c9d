package nl.doorstroom.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.web.client.RestClient;

import nl.doorstroom.platform.test.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every endpoint of every service against every role and scope. The endpoints are read from each running service's
 * own request mappings ({@code /actuator/mappings}), so a new endpoint without an entry in {@link #MATRIX} fails this
 * test. Each cell is a real HTTP call with a real token: allowed means the request was served, refused means 401,
 * 403 or 404 (404 where the data belongs to another tenant, so it cannot even be found). A list or search that an
 * actor may use answers them, but holds the fixture person only for those who may see that person.
 * <p>
 * A change must name the record's current version (409 otherwise), and each cell is called once per actor: so every
 * cell that changes a record has a person of its own, registered for it at version 1, and only the allowed actor's
 * call gets as far as the version check.
 */
class AuthorizationMatrixTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Someone calling, with the token their identity provider would give them (none for anonymous). */
    record Actor(String name, String token) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final Actor ANONYMOUS = new Actor("anonymous", null);
    static final Actor AZC_BUDEL = new Actor("azc-staff@AZC-BUDEL", TestTokens.azcStaff("AZC-BUDEL"));
    static final Actor AZC_TER_APEL = new Actor("azc-staff@AZC-TER-APEL", TestTokens.azcStaff("AZC-TER-APEL"));
    static final Actor COA = new Actor("coa-placement-officer", TestTokens.coaPlacementOfficer());
    static final Actor UTRECHT = new Actor("case-worker@GM0344", TestTokens.caseWorker("GM0344"));
    static final Actor AMERSFOORT = new Actor("case-worker@GM0307", TestTokens.caseWorker("GM0307"));
    static final Actor EMPLOYER_A = new Actor("employer@12345678", TestTokens.employer("12345678"));
    static final Actor EMPLOYER_B = new Actor("employer@87654321", TestTokens.employer("87654321"));
    static final Actor ANALYST_REGION = new Actor("analyst@AM13", TestTokens.analyst("AM13"));
    static final Actor ANALYST_NATIONAL = new Actor("analyst@NL", TestTokens.analyst("NL"));
    static final Actor WORK_DESK = new Actor("work-desk@AM13", TestTokens.workDesk("AM13"));
    static final Actor WORK_DESK_AMERSFOORT = new Actor("work-desk@AM14", TestTokens.workDesk("AM14"));
    static final Actor OPERATOR = new Actor("platform-operator", TestTokens.platformOperator());

    static final List<Actor> ACTORS = List.of(ANONYMOUS, AZC_BUDEL, AZC_TER_APEL, COA, UTRECHT, AMERSFOORT,
            EMPLOYER_A, EMPLOYER_B, ANALYST_REGION, ANALYST_NATIONAL, WORK_DESK, WORK_DESK_AMERSFOORT, OPERATOR);

    static final Predicate<Actor> EVERYONE = actor -> true;
    static final Predicate<Actor> SIGNED_IN = actor -> actor != ANONYMOUS;

    /** How to call an endpoint (path variables filled in with the fixture person), and who may. */
    record Cell(String path, Supplier<String> body, MediaType contentType, Predicate<Actor> allowed,
                Supplier<Map<String, String>> headers) {

        Cell(String path, Supplier<String> body, MediaType contentType, Predicate<Actor> allowed) {
            this(path, body, contentType, allowed, Map::of);
        }

        /** A JSON body, the same for every call. */
        Cell(String path, String body, Predicate<Actor> allowed) {
            this(path, body == null ? null : () -> body, MediaType.APPLICATION_JSON, allowed);
        }

        /** A page's form, made anew for each call (a registration needs a V-number of its own). */
        static Cell form(String path, Supplier<String> body, Predicate<Actor> allowed) {
            return new Cell(path, body, MediaType.APPLICATION_FORM_URLENCODED, allowed);
        }

        /** A CSV file uploaded through a page's form, with a submission key of its own for each call. */
        static Cell upload(String path, String csv, Predicate<Actor> allowed) {
            String boundary = "matrix-" + UUID.randomUUID();
            return new Cell(path, () -> """
                    --%1$s\r
                    Content-Disposition: form-data; name="submissionKey"\r
                    \r
                    %2$s\r
                    --%1$s\r
                    Content-Disposition: form-data; name="file"; filename="plaatsingen.csv"\r
                    Content-Type: text/csv\r
                    \r
                    %3$s\r
                    --%1$s--\r
                    """.formatted(boundary, UUID.randomUUID(), csv),
                    MediaType.parseMediaType("multipart/form-data; boundary=" + boundary), allowed);
        }

        /** A CSV file, with an Idempotency-Key of its own for each call (an import requires one). */
        static Cell csv(String path, String body, Predicate<Actor> allowed) {
            return new Cell(path, () -> body, new MediaType("text", "csv", StandardCharsets.UTF_8), allowed,
                    () -> Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        }
    }

    /** A registered person: the id, and the V-number to find them by. */
    record Registered(String id, String vNumber) {
    }

    /** The person every call is about: registered at AZC-BUDEL, linked to Utrecht (GM0344). */
    private static String person;

    /** The privacy model of DESIGN §5, endpoint by endpoint ("service METHOD pattern"). */
    private static final Map<String, Cell> MATRIX = new LinkedHashMap<>();

    /** Lists and searches: who finds the fixture person in the answer (everyone else it serves gets an answer without). */
    private static final Map<String, Predicate<Actor>> LISTS_THE_PERSON = new LinkedHashMap<>();

    @BeforeAll
    static void aPersonAtBudelLinkedToUtrecht() {
        Registered fixture = register();
        person = fixture.id();
        linkToUtrecht(person);

        MATRIX.put("intake-service POST /api/v1/persons",
                new Cell("/api/v1/persons", registration(), actor -> actor == AZC_BUDEL));
        MATRIX.put("intake-service GET /api/v1/persons/{personId}",
                new Cell("/api/v1/persons/" + person, null, actor -> actor == AZC_BUDEL || actor == COA));
        MATRIX.put("intake-service GET /api/v1/persons",
                new Cell("/api/v1/persons?receptionLocation=AZC-BUDEL&linked=true&pageSize=100", null,
                        actor -> actor == AZC_BUDEL || actor == AZC_TER_APEL || actor == COA));
        LISTS_THE_PERSON.put("intake-service GET /api/v1/persons", actor -> actor == AZC_BUDEL || actor == COA);
        MATRIX.put("intake-service POST /api/v1/person-searches",
                new Cell("/api/v1/person-searches", "{\"text\":\"" + fixture.vNumber() + "\"}",
                        actor -> actor == AZC_BUDEL || actor == AZC_TER_APEL || actor == COA));
        LISTS_THE_PERSON.put("intake-service POST /api/v1/person-searches", actor -> actor == AZC_BUDEL || actor == COA);
        MATRIX.put("intake-service GET /api/v1/persons/{personId}/versions",
                new Cell("/api/v1/persons/" + person + "/versions", null, actor -> actor == AZC_BUDEL || actor == COA));
        // every change has a person of its own at version 1 (see the class comment)
        String intakeOf = register().id();
        MATRIX.put("intake-service PUT /api/v1/persons/{personId}/early-intake",
                new Cell("/api/v1/persons/" + intakeOf + "/early-intake", earlyIntake(1), actor -> actor == AZC_BUDEL));
        String householdOf = register().id();
        MATRIX.put("intake-service PUT /api/v1/persons/{personId}/household",
                new Cell("/api/v1/persons/" + householdOf + "/household", household(1), actor -> actor == AZC_BUDEL));
        Registered corrected = register();
        MATRIX.put("intake-service PUT /api/v1/persons/{personId}/personal-details",
                new Cell("/api/v1/persons/" + corrected.id() + "/personal-details",
                        "{\"version\":1,\"personalDetails\":" + personalDetails(corrected.vNumber(), "123456721") + "}",
                        actor -> actor == AZC_BUDEL));
        String consentOf = register().id();
        MATRIX.put("intake-service POST /api/v1/persons/{personId}/consents",
                new Cell("/api/v1/persons/" + consentOf + "/consents", consent(1), actor -> actor == AZC_BUDEL));
        String linkedBy = register().id();
        MATRIX.put("intake-service POST /api/v1/persons/{personId}/municipality-links",
                new Cell("/api/v1/persons/" + linkedBy + "/municipality-links", link(1), actor -> actor == COA));
        MATRIX.put("intake-service GET /api/v1/persons/{personId}/processing-log-entries",
                new Cell("/api/v1/persons/" + person + "/processing-log-entries", null, actor -> actor == OPERATOR));
        MATRIX.put("intake-service GET /api/v1/code-lists/{name}",
                new Cell("/api/v1/code-lists/countries", null, SIGNED_IN));
        // the intake pages: the same roles and scopes as the API; a change is sent as the page's form
        Predicate<Actor> azcStaff = actor -> actor == AZC_BUDEL || actor == AZC_TER_APEL;
        Predicate<Actor> seesPeople = actor -> actor == AZC_BUDEL || actor == AZC_TER_APEL || actor == COA;
        Predicate<Actor> seesThePerson = actor -> actor == AZC_BUDEL || actor == COA;
        MATRIX.put("intake-service GET /", new Cell("/", null, EVERYONE));
        MATRIX.put("intake-service GET /personen", new Cell("/personen?linked=true", null, seesPeople));
        LISTS_THE_PERSON.put("intake-service GET /personen", seesThePerson);
        // a search is posted into the session and answered with a redirect to the list, which holds the person
        MATRIX.put("intake-service POST /personen", Cell.form("/personen", () -> "text=" + fixture.vNumber(), seesPeople));
        MATRIX.put("intake-service GET /personen/nieuw", new Cell("/personen/nieuw", null, azcStaff));
        MATRIX.put("intake-service POST /personen/nieuw", Cell.form("/personen/nieuw",
                () -> personalDetailsForm(randomVNumber()), azcStaff));
        MATRIX.put("intake-service GET /personen/{personId}", new Cell("/personen/" + person, null, seesThePerson));
        Predicate<Actor> budel = actor -> actor == AZC_BUDEL;
        for (String step : List.of("persoonsgegevens", "huishouden", "intake", "toestemming")) {
            MATRIX.put("intake-service GET /personen/{personId}/" + step, new Cell("/personen/" + person + "/" + step, null, budel));
        }
        MATRIX.put("intake-service GET /personen/{personId}/koppeling",
                new Cell("/personen/" + person + "/koppeling", null, actor -> actor == COA));
        Registered correctedOnPage = register();
        MATRIX.put("intake-service POST /personen/{personId}/persoonsgegevens", Cell.form(
                "/personen/" + correctedOnPage.id() + "/persoonsgegevens",
                () -> "version=1&" + personalDetailsForm(correctedOnPage.vNumber()), budel));
        String householdOnPage = register().id();
        MATRIX.put("intake-service POST /personen/{personId}/huishouden", Cell.form("/personen/" + householdOnPage + "/huishouden",
                () -> "version=1&partner.inNetherlands=true&children%5B0%5D.birthYear=2016&children%5B0%5D.inNetherlands=true", budel));
        String intakeOnPage = register().id();
        MATRIX.put("intake-service POST /personen/{personId}/intake", Cell.form("/personen/" + intakeOnPage + "/intake",
                () -> "version=1&education.iscedLevel=ISCED_3&cefr.nl.LISTENING=A2&availability.hoursPerWeek=32", budel));
        String consentOnPage = register().id();
        MATRIX.put("intake-service POST /personen/{personId}/toestemming", Cell.form("/personen/" + consentOnPage + "/toestemming",
                () -> "version=1&purpose=EMPLOYER_PROFILE_SHARING&decision=GIVEN&decidedOn=" + LocalDate.now(), budel));
        String linkedOnPage = register().id();
        MATRIX.put("intake-service POST /personen/{personId}/koppeling", Cell.form("/personen/" + linkedOnPage + "/koppeling",
                () -> "version=1&municipalityCode=GM0344&permitDate=%s&linkDate=%s".formatted(
                        LocalDate.now().minusDays(14), LocalDate.now()), actor -> actor == COA));
        MATRIX.put("trajectory-service GET /api/v1/municipalities/{municipalityCode}/handovers",
                new Cell("/api/v1/municipalities/GM0344/handovers", null, actor -> actor == UTRECHT));
        MATRIX.put("trajectory-service GET /api/v1/municipalities/{municipalityCode}/handovers/{personId}",
                new Cell("/api/v1/municipalities/GM0344/handovers/" + person, null, actor -> actor == UTRECHT));
        MATRIX.put("trajectory-service GET /gemeenten/{municipalityCode}/overdrachten",
                new Cell("/gemeenten/GM0344/overdrachten", null, actor -> actor == UTRECHT));
        MATRIX.put("trajectory-service GET /gemeenten/{municipalityCode}/overdrachten/{personId}",
                new Cell("/gemeenten/GM0344/overdrachten/" + person, null, actor -> actor == UTRECHT));
        // the fixture person's trajectory, one step per cell in the order the steps must come
        String trajectory = "/api/v1/municipalities/GM0344/trajectories/" + person;
        String ofTrajectory = "trajectory-service %s /api/v1/municipalities/{municipalityCode}/trajectories/{personId}";
        MATRIX.put(ofTrajectory.formatted("GET"), new Cell(trajectory, null, actor -> actor == UTRECHT));
        MATRIX.put(ofTrajectory.formatted("PUT") + "/acceptance",
                new Cell(trajectory + "/acceptance", "{\"version\":0}", actor -> actor == UTRECHT));
        MATRIX.put(ofTrajectory.formatted("PUT") + "/brede-intake",
                new Cell(trajectory + "/brede-intake", bredeIntake(1), actor -> actor == UTRECHT));
        MATRIX.put(ofTrajectory.formatted("PUT") + "/plan",
                new Cell(trajectory + "/plan", plan(2), actor -> actor == UTRECHT));
        MATRIX.put(ofTrajectory.formatted("GET") + "/plan", new Cell(trajectory + "/plan", null, actor -> actor == UTRECHT));
        MATRIX.put(ofTrajectory.formatted("POST") + "/activities",
                new Cell(trajectory + "/activities", activity(3), actor -> actor == UTRECHT));
        MATRIX.put(ofTrajectory.formatted("POST") + "/milestones",
                new Cell(trajectory + "/milestones", milestone(4), actor -> actor == UTRECHT));
        // an activity and a milestone to read and change, in a trajectory of their own made before the matrix runs
        String planned = "/api/v1/municipalities/GM0344/trajectories/" + linkedToUtrecht();
        asUtrecht(HttpMethod.PUT, planned + "/acceptance", "{\"version\":0}");
        asUtrecht(HttpMethod.PUT, planned + "/brede-intake", bredeIntake(1));
        asUtrecht(HttpMethod.PUT, planned + "/plan", plan(2));
        String activity = asUtrecht(HttpMethod.POST, planned + "/activities", activity(3)).getHeaders().getLocation().getPath();
        String milestone = asUtrecht(HttpMethod.POST, planned + "/milestones", milestone(4)).getHeaders().getLocation().getPath();
        MATRIX.put(ofTrajectory.formatted("GET") + "/activities/{activityId}", new Cell(activity, null, actor -> actor == UTRECHT));
        MATRIX.put(ofTrajectory.formatted("PUT") + "/activities/{activityId}",
                new Cell(activity, activity(5), actor -> actor == UTRECHT));
        MATRIX.put(ofTrajectory.formatted("GET") + "/milestones/{milestoneId}",
                new Cell(milestone, null, actor -> actor == UTRECHT));
        MATRIX.put(ofTrajectory.formatted("PUT") + "/placement-readiness",
                new Cell(trajectory + "/placement-readiness", "{\"version\":5,\"ready\":true}", actor -> actor == UTRECHT));
        MATRIX.put(ofTrajectory.formatted("PUT") + "/closure",
                new Cell(trajectory + "/closure", closure(6), actor -> actor == UTRECHT));
        // a move has a person of its own; it goes to Amsterdam, where none of the actors works, so after Utrecht's
        // call every later actor still finds nobody
        String moving = "/api/v1/municipalities/GM0344/trajectories/" + linkedToUtrecht();
        MATRIX.put(ofTrajectory.formatted("POST") + "/moves", new Cell(moving + "/moves",
                "{\"version\":0,\"toMunicipalityCode\":\"GM0363\",\"moveDate\":\"%s\"}".formatted(LocalDate.now()),
                actor -> actor == UTRECHT));
        MATRIX.put("trajectory-service GET /api/v1/municipalities/{municipalityCode}/signals",
                new Cell("/api/v1/municipalities/GM0344/signals", null, actor -> actor == UTRECHT));
        MATRIX.put("trajectory-service POST /api/v1/municipalities/{municipalityCode}/handover-searches",
                new Cell("/api/v1/municipalities/GM0344/handover-searches", "{\"text\":\"" + fixture.vNumber() + "\"}",
                        actor -> actor == UTRECHT));
        LISTS_THE_PERSON.put("trajectory-service POST /api/v1/municipalities/{municipalityCode}/handover-searches",
                actor -> actor == UTRECHT);
        MATRIX.put("trajectory-service POST /api/v1/municipalities/{municipalityCode}/signal-searches",
                new Cell("/api/v1/municipalities/GM0344/signal-searches", "{\"text\":\"" + fixture.vNumber() + "\"}",
                        actor -> actor == UTRECHT));
        MATRIX.put("trajectory-service GET /", new Cell("/", null, EVERYONE));
        MATRIX.put("trajectory-service GET /overdrachten",
                new Cell("/overdrachten", null, actor -> actor == UTRECHT || actor == AMERSFOORT));
        caseWorkersPages();
        MATRIX.put("employer-service GET /", new Cell("/", null, EVERYONE));
        MATRIX.put("employer-service GET /api/v1/labour-market-regions",
                new Cell("/api/v1/labour-market-regions", null, SIGNED_IN));
        MATRIX.put("employer-service GET /api/v1/labour-market-regions/{regionCode}",
                new Cell("/api/v1/labour-market-regions/AM13", null, SIGNED_IN));
        // a placement of employer A in Utrecht (Midden-Utrecht): its own employer and Utrecht's case workers see it
        String placement = "/api/v1/placements/" + placementOfEmployerA();
        Predicate<Actor> employers = actor -> actor == EMPLOYER_A || actor == EMPLOYER_B;
        MATRIX.put("employer-service POST /api/v1/placements", new Cell("/api/v1/placements", placement(null), employers));
        MATRIX.put("employer-service POST /api/v1/placements/imports",
                Cell.csv("/api/v1/placements/imports", placementsCsv(), employers));
        MATRIX.put("employer-service GET /api/v1/placements", new Cell("/api/v1/placements", null,
                actor -> employers.test(actor) || actor == UTRECHT || actor == AMERSFOORT));
        MATRIX.put("employer-service GET /api/v1/placements/{placementId}",
                new Cell(placement, null, actor -> actor == EMPLOYER_A || actor == UTRECHT));
        MATRIX.put("employer-service GET /api/v1/placements/{placementId}/matches",
                new Cell(placement + "/matches", null, actor -> actor == UTRECHT));
        MATRIX.put("employer-service GET /api/v1/municipalities/{municipalityCode}/candidates",
                new Cell("/api/v1/municipalities/GM0344/candidates", null, actor -> actor == UTRECHT));
        // two candidates of Utrecht (consented, ready for placements): one already introduced, one to introduce
        String introduced = candidateOfUtrecht();
        String toIntroduce = candidateOfUtrecht();
        String introductions = placement + "/introductions";
        asEmployerService(UTRECHT, introductions, "{\"candidatePseudonym\":\"" + introduced + "\"}");
        MATRIX.put("employer-service POST /api/v1/placements/{placementId}/introductions", new Cell(introductions,
                "{\"candidatePseudonym\":\"" + toIntroduce + "\"}", actor -> actor == UTRECHT));
        Predicate<Actor> bothParties = actor -> actor == EMPLOYER_A || actor == UTRECHT;
        MATRIX.put("employer-service GET /api/v1/placements/{placementId}/introductions",
                new Cell(introductions, null, bothParties));
        String introduction = introductions + "/" + introduced;
        MATRIX.put("employer-service GET /api/v1/placements/{placementId}/introductions/{candidatePseudonym}",
                new Cell(introduction, null, bothParties));
        // each party its own step: the case worker records the candidate's agreement, then the employer plans an interview
        MATRIX.put("employer-service POST /api/v1/placements/{placementId}/introductions/{candidatePseudonym}/steps",
                new Cell(introduction + "/steps", () -> introductionStatus(introduction).equals("PROPOSED")
                        ? "{\"version\":1,\"step\":\"AGREE\"}"
                        : "{\"version\":2,\"step\":\"PLAN_INTERVIEW\",\"interviewOn\":\"" + LocalDate.now().plusDays(2) + "\"}",
                        MediaType.APPLICATION_JSON, bothParties));
        MATRIX.put("employer-service GET /api/v1/municipalities/{municipalityCode}/introductions",
                new Cell("/api/v1/municipalities/GM0344/introductions", null, actor -> actor == UTRECHT));
        employerPages(placement.replace("/api/v1/placements/", ""), introduced, candidateOfUtrecht());
        MATRIX.put("employer-service PUT /api/v1/placements/{placementId}",
                new Cell(placement, placement(1), actor -> actor == EMPLOYER_A));
        MATRIX.put("employer-service POST /api/v1/placements/{placementId}/closure",
                new Cell(placement + "/closure", "{\"version\":2,\"reason\":\"WITHDRAWN\"}", actor -> actor == EMPLOYER_A));
        // the work desk's open places: only its own region (Midden-Utrecht, where the placement is)
        MATRIX.put("employer-service GET /api/v1/labour-market-regions/{regionCode}/open-places",
                new Cell("/api/v1/labour-market-regions/AM13/open-places", null, actor -> actor == WORK_DESK));
        MATRIX.put("employer-service GET /regios/{regionCode}/open-plaatsen",
                new Cell("/regios/AM13/open-plaatsen", null, actor -> actor == WORK_DESK));
        MATRIX.put("employer-service GET /open-plaatsen",
                new Cell("/open-plaatsen", null, actor -> actor == WORK_DESK || actor == WORK_DESK_AMERSFOORT));
        MATRIX.put("analytics-service GET /", new Cell("/", null, EVERYONE));
        MATRIX.put("analytics-service GET /api/v1/municipalities", new Cell("/api/v1/municipalities", null, SIGNED_IN));
        // another instance's read of a read model: only with the instances' shared secret, which no user token is
        for (String service : List.of("intake-service", "trajectory-service", "employer-service")) {
            String store = switch (service) {
                case "intake-service" -> "person-records";
                case "trajectory-service" -> "handover-dossiers";
                default -> "placements";
            };
            MATRIX.put(service + " GET /internal/v1/read-models/{store}/entries",
                    new Cell("/internal/v1/read-models/" + store + "/entries", null, actor -> false));
            MATRIX.put(service + " POST /internal/v1/read-models/{store}/entries",
                    new Cell("/internal/v1/read-models/" + store + "/entries", () -> person, MediaType.TEXT_PLAIN, actor -> false));
        }
        deadLetters();
        // last: the operator's call erases the fixture person (operators come last among the actors too)
        MATRIX.put("intake-service POST /api/v1/persons/{personId}/erasures",
                new Cell("/api/v1/persons/" + person + "/erasures",
                        "{\"ground\":\"DATA_SUBJECT_REQUEST\",\"caseReference\":\"AVG-MATRIX-1\"}", actor -> actor == OPERATOR));
    }

    @Test
    void everyEndpointOfEveryServiceHasAnEntryInTheMatrix() {
        Set<String> endpoints = new TreeSet<>();
        for (String service : RunningPlatform.SERVICES) {
            endpoints.addAll(endpointsOf(service));
        }
        assertThat(endpoints).as("endpoints without an entry in the authorisation matrix")
                .isSubsetOf(MATRIX.keySet());
        assertThat(MATRIX.keySet()).as("matrix entries for endpoints that no longer exist").isSubsetOf(endpoints);
    }

    @Test
    void everyRoleAndScopeGetsExactlyWhatTheModelAllows() {
        List<String> wrong = new ArrayList<>();
        int cells = 0;
        for (var entry : MATRIX.entrySet()) {
            String[] key = entry.getKey().split(" ", 3);
            Cell cell = entry.getValue();
            for (Actor actor : ACTORS) {
                ResponseEntity<String> response = call(key[0], HttpMethod.valueOf(key[1]), cell, actor);
                int status = response.getStatusCode().value();
                boolean served = status < 400;
                boolean refused = status == 401 || status == 403 || status == 404;
                boolean expected = cell.allowed().test(actor);
                cells++;
                if (expected ? !served : !refused) {
                    wrong.add("%s as %s: %d, expected %s".formatted(entry.getKey(), actor, status, expected ? "served" : "refused"));
                }
                if (!expected && status != 401) {
                    assertThat(response.getBody() == null ? "" : response.getBody()).as("refusal leaks the person")
                            .doesNotContain("Haddad");
                }
                Predicate<Actor> listsThePerson = LISTS_THE_PERSON.get(entry.getKey());
                if (listsThePerson != null && served
                        && listsThePerson.test(actor) != (response.getBody() != null && response.getBody().contains(person))) {
                    wrong.add("%s as %s: the answer %s the person".formatted(entry.getKey(), actor,
                            listsThePerson.test(actor) ? "lacks" : "holds"));
                }
            }
        }
        assertThat(wrong).as("cells that disagree with the model").isEmpty();
        assertThat(cells).isEqualTo(MATRIX.size() * ACTORS.size());
        System.out.printf("authorisation matrix: %d endpoints x %d roles/scopes = %d calls%n", MATRIX.size(), ACTORS.size(), cells);
    }

    /** Our own endpoints as the service maps them (framework endpoints such as actuator and docs are left out). */
    private static Set<String> endpointsOf(String service) {
        String body = client(service).get().uri("/actuator/mappings").header("Authorization", "Bearer " + OPERATOR.token())
                .retrieve().body(String.class);
        Set<String> endpoints = new TreeSet<>();
        JSON.readTree(body).get("contexts").forEach(context -> context.get("mappings").get("dispatcherServlets")
                .forEach(servlet -> servlet.forEach(mapping -> {
                    JsonNode details = mapping.get("details");
                    if (details == null || details.get("handlerMethod") == null
                            || !details.get("handlerMethod").get("className").asString().startsWith("nl.doorstroom.")) {
                        return;
                    }
                    JsonNode conditions = details.get("requestMappingConditions");
                    conditions.get("methods").forEach(method -> conditions.get("patterns").forEach(pattern ->
                            endpoints.add(service + " " + method.asString() + " " + pattern.asString())));
                })));
        assertThat(endpoints).as("endpoints of %s", service).isNotEmpty();
        return endpoints;
    }

    private static ResponseEntity<String> call(String service, HttpMethod method, Cell cell, Actor actor) {
        var request = client(service).method(method).uri(cell.path());
        if (actor.token() != null) {
            request.header("Authorization", "Bearer " + actor.token());
        }
        cell.headers().get().forEach(request::header);
        if (cell.body() != null) {
            request.contentType(cell.contentType()).body(cell.body().get());
        }
        return request.retrieve().toEntity(String.class);
    }

    private static RestClient client(String service) {
        return RestClient.builder().baseUrl(RunningPlatform.service(service).baseUrl())
                .defaultStatusHandler(status -> true, (request, response) -> { }).build();
    }

    /** Registers a new person at AZC-BUDEL and links them to Utrecht; returns when Utrecht has the dossier. */
    private static String linkedToUtrecht() {
        String id = register().id();
        linkToUtrecht(id);
        return id;
    }

    private static void linkToUtrecht(String id) {
        ResponseEntity<String> linked = client("intake-service").post().uri("/api/v1/persons/{id}/municipality-links", id)
                .contentType(MediaType.APPLICATION_JSON).header("Authorization", "Bearer " + COA.token())
                .body(link(1)).retrieve().toEntity(String.class);
        assertThat(linked.getStatusCode().value()).as(linked.getBody()).isEqualTo(201);
        await("the handover reaches Utrecht").atMost(Duration.ofSeconds(30)).until(() -> client("trajectory-service").get()
                .uri("/api/v1/municipalities/GM0344/handovers/{id}", id).header("Authorization", "Bearer " + UTRECHT.token())
                .retrieve().toEntity(String.class).getStatusCode().value() == 200);
    }

    /** Registers a new person at AZC-BUDEL (record version 1). */
    private static Registered register() {
        String vNumber = "%010d".formatted(Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 10_000_000_000L));
        ResponseEntity<String> registered = client("intake-service").post().uri("/api/v1/persons")
                .contentType(MediaType.APPLICATION_JSON).header("Authorization", "Bearer " + AZC_BUDEL.token())
                .body(registration(vNumber)).retrieve().toEntity(String.class);
        assertThat(registered.getStatusCode().value()).as(registered.getBody()).isEqualTo(201);
        return new Registered(JSON.readTree(registered.getBody()).get("id").asString(), vNumber);
    }

    private static String registration() {
        return registration(randomVNumber());
    }

    private static String randomVNumber() {
        return "%010d".formatted(Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 10_000_000_000L));
    }

    /** The personal details as the intake pages' form sends them. */
    private static String personalDetailsForm(String vNumber) {
        return "personalDetails.givenNames=Amina&personalDetails.familyName=Haddad&personalDetails.dateOfBirth=12-03-1994"
                + "&personalDetails.sex=FEMALE&personalDetails.vNumber=" + vNumber + "&personalDetails.countryOfOrigin=SY"
                + "&personalDetails.languagesSpoken%5B0%5D=ar";
    }

    private static String registration(String vNumber) {
        return """
                {"personalDetails":%s,"receptionLocation":"AZC-BUDEL"}""".formatted(personalDetails(vNumber, null));
    }

    private static String personalDetails(String vNumber, String bsn) {
        return """
                {"givenNames":"Amina","familyName":"Haddad","dateOfBirth":"1994-03-12","sex":"FEMALE","vNumber":"%s",%s
                 "countryOfOrigin":"SY","languagesSpoken":["ar"]}""".formatted(vNumber,
                bsn == null ? "" : "\"bsn\":\"" + bsn + "\",");
    }

    private static String earlyIntake(int version) {
        return """
                {"version":%d,
                 "education":{"iscedLevel":"ISCED_3","dutchComparableLevel":"MBO_4","yearsOfSchooling":12,"countryOfEducation":"SY"},
                 "workExperience":[{"iscoCode":"7411","jobTitle":"Elektricien","years":6,"sector":"Bouw"}],
                 "languageLevels":[{"language":"nl","skill":"LISTENING","level":"A2"}],
                 "wishes":{"work":"Elektricien","education":"MBO-diploma","sectors":["Techniek"]},
                 "availability":{"hoursPerWeek":32}}""".formatted(version);
    }

    private static String household(int version) {
        return """
                {"version":%d,"partner":{"inNetherlands":false},"children":[{"birthYear":2016,"inNetherlands":true}],
                 "expectedFamilyMembers":[{"relationship":"PARTNER","birthYear":1991}]}""".formatted(version);
    }

    private static String consent(int version) {
        return """
                {"version":%d,"purpose":"EMPLOYER_PROFILE_SHARING","decision":"GIVEN","decidedOn":"%s"}""".formatted(
                version, LocalDate.now());
    }

    /**
     * The dead letters, in every service and for the platform operator only: a record on intake.person-events that is
     * not Avro becomes a real dead letter to replay (the first replay publishes it, later ones answer that it was).
     * Replaying a whole topic is called on one without failing records: a replayed poison record fails again in every
     * service that reads it, so eight replays of intake.person-events would multiply its dead letters.
     */
    private static void deadLetters() {
        String key = UUID.randomUUID().toString();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS)),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>("intake.person-events", key.getBytes(StandardCharsets.UTF_8),
                    "not avro".getBytes(StandardCharsets.UTF_8)));
            producer.flush();
        }
        String deadLetter = await("the dead letter").atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
            JsonNode listed = JSON.readTree(client("intake-service").get().uri("/api/v1/dead-letters?topic=intake.person-events&pageSize=100")
                    .header("Authorization", "Bearer " + OPERATOR.token()).retrieve().body(String.class));
            for (JsonNode letter : listed.path("deadLetters")) {
                if (key.equals(letter.path("key").asString(""))) {
                    return letter.get("id").asString();
                }
            }
            return null;
        }, id -> id != null);
        Predicate<Actor> operator = actor -> actor == OPERATOR;
        for (String service : RunningPlatform.SERVICES) {
            MATRIX.put(service + " GET /api/v1/dead-letters",
                    new Cell("/api/v1/dead-letters?topic=intake.person-events", null, operator));
            MATRIX.put(service + " POST /api/v1/dead-letters/{id}/replays",
                    new Cell("/api/v1/dead-letters/" + deadLetter + "/replays", null, operator));
            MATRIX.put(service + " POST /api/v1/dead-letter-replays",
                    new Cell("/api/v1/dead-letter-replays", "{\"topic\":\"audit.processing-log\"}", operator));
            MATRIX.put(service + " GET /beheer/dode-letters", new Cell("/beheer/dode-letters", null, operator));
            MATRIX.put(service + " POST /beheer/dode-letters/{id}/herhalingen",
                    Cell.form("/beheer/dode-letters/" + deadLetter + "/herhalingen", () -> "", operator));
            MATRIX.put(service + " POST /beheer/dode-letters/herhalingen",
                    Cell.form("/beheer/dode-letters/herhalingen", () -> "topic=audit.processing-log", operator));
        }
    }

    /** A change made by Utrecht's case worker to prepare the matrix; it must succeed. */
    /**
     * The case worker's pages on a trajectory of their own: every page, then every form post in the order the steps
     * must come (each form names the version the previous one left), and the change of an activity planned beforehand.
     */
    private static void caseWorkersPages() {
        String of = linkedToUtrecht();
        String pages = "trajectory-service %s /gemeenten/{municipalityCode}/trajecten/{personId}";
        String page = "/gemeenten/GM0344/trajecten/" + of;
        String planned = linkedToUtrecht();
        String api = "/api/v1/municipalities/GM0344/trajectories/" + planned;
        asUtrecht(HttpMethod.PUT, api + "/acceptance", "{\"version\":0}");
        asUtrecht(HttpMethod.PUT, api + "/brede-intake", bredeIntake(1));
        asUtrecht(HttpMethod.PUT, api + "/plan", plan(2));
        String activityId = asUtrecht(HttpMethod.POST, api + "/activities", activity(3)).getHeaders().getLocation().getPath()
                .replaceAll(".*/", "");
        String activity = "/gemeenten/GM0344/trajecten/" + planned + "/activiteiten/" + activityId;
        String today = LocalDate.now().toString();
        MATRIX.put(pages.formatted("GET"), new Cell(page, null, actor -> actor == UTRECHT));
        for (String form : List.of("/acceptatie", "/brede-intake", "/plan", "/activiteiten/nieuw", "/mijlpalen/nieuw", "/afsluiting",
                "/verhuizing")) {
            MATRIX.put(pages.formatted("GET") + form, new Cell(page + form, null, actor -> actor == UTRECHT));
        }
        MATRIX.put(pages.formatted("GET") + "/activiteiten/{activityId}", new Cell(activity, null, actor -> actor == UTRECHT));
        MATRIX.put("trajectory-service POST /gemeenten/{municipalityCode}/overdrachten/{personId}/acceptatie",
                Cell.form("/gemeenten/GM0344/overdrachten/" + of + "/acceptatie", () -> "version=0", actor -> actor == UTRECHT));
        MATRIX.put(pages.formatted("POST") + "/acceptatie",
                Cell.form(page + "/acceptatie", () -> "version=1&caseWorkerAccountId=collega", actor -> actor == UTRECHT));
        MATRIX.put(pages.formatted("POST") + "/brede-intake", Cell.form(page + "/brede-intake",
                () -> "version=2&date=" + today + "&learnabilityTestOutcome=B1_ATTAINABLE", actor -> actor == UTRECHT));
        MATRIX.put(pages.formatted("POST") + "/plan", Cell.form(page + "/plan",
                () -> "version=3&learningRoute=B1_ROUTE&adoptedOn=" + today, actor -> actor == UTRECHT));
        MATRIX.put(pages.formatted("POST") + "/activiteiten", Cell.form(page + "/activiteiten",
                () -> "version=4&kind=PAID_WORK&plannedStart=" + today + "&hoursPerWeek=20", actor -> actor == UTRECHT));
        MATRIX.put(pages.formatted("POST") + "/activiteiten/{activityId}", Cell.form(activity,
                () -> "version=4&kind=LANGUAGE_COURSE&plannedStart=" + today + "&hoursPerWeek=8", actor -> actor == UTRECHT));
        MATRIX.put(pages.formatted("POST") + "/mijlpalen", Cell.form(page + "/mijlpalen",
                () -> "version=5&kind=FIRST_PAID_JOB&date=" + today, actor -> actor == UTRECHT));
        MATRIX.put(pages.formatted("POST") + "/afsluiting", Cell.form(page + "/afsluiting",
                () -> "version=6&closedOn=" + today + "&outcome=COMPLETED", actor -> actor == UTRECHT));
        MATRIX.put("trajectory-service GET /gemeenten/{municipalityCode}/signalen",
                new Cell("/gemeenten/GM0344/signalen", null, actor -> actor == UTRECHT));
        MATRIX.put("trajectory-service POST /gemeenten/{municipalityCode}/signalen",
                Cell.form("/gemeenten/GM0344/signalen", () -> "text=Haddad&nareiziger=false", actor -> actor == UTRECHT));
        MATRIX.put("trajectory-service POST /gemeenten/{municipalityCode}/overdrachten",
                Cell.form("/gemeenten/GM0344/overdrachten", () -> "text=Haddad&status=ACCEPTED", actor -> actor == UTRECHT));
        // readiness needs an accepted handover; a move goes to Nieuwegein, where none of the actors works
        String ready = linkedToUtrecht();
        asUtrecht(HttpMethod.PUT, "/api/v1/municipalities/GM0344/trajectories/" + ready + "/acceptance", "{\"version\":0}");
        MATRIX.put(pages.formatted("POST") + "/plaatsbaarheid", Cell.form("/gemeenten/GM0344/trajecten/" + ready + "/plaatsbaarheid",
                () -> "version=1&ready=true", actor -> actor == UTRECHT));
        String moving = linkedToUtrecht();
        MATRIX.put(pages.formatted("POST") + "/verhuizing", Cell.form("/gemeenten/GM0344/trajecten/" + moving + "/verhuizing",
                () -> "version=0&toMunicipalityCode=GM0356&moveDate=" + today, actor -> actor == UTRECHT));
    }

    /**
     * The employer-service pages: the same roles and scopes as the API. The employer's forms change a placement of
     * employer A of their own (changed at version 1, opened to Amersfoort at 2, closed at 3); the case worker's pages
     * show employer A's placement of the API cells (before its own change and closure), and propose {@code toPropose},
     * whose introduction then takes a step from each party, as the API's introduction does.
     */
    private static void employerPages(String placementId, String introduced, String toPropose) {
        String pages = "employer-service %s /werkgever/plaatsingen";
        Predicate<Actor> employers = actor -> actor == EMPLOYER_A || actor == EMPLOYER_B;
        String formed = "/werkgever/plaatsingen/" + placementOfEmployerA();
        MATRIX.put("employer-service GET /plaatsingen", new Cell("/plaatsingen", null,
                actor -> actor == UTRECHT || actor == AMERSFOORT));
        MATRIX.put(pages.formatted("GET"), new Cell("/werkgever/plaatsingen", null, employers));
        MATRIX.put(pages.formatted("GET") + "/nieuw", new Cell("/werkgever/plaatsingen/nieuw", null, employers));
        MATRIX.put(pages.formatted("GET") + "/importeren", new Cell("/werkgever/plaatsingen/importeren", null, employers));
        MATRIX.put(pages.formatted("POST") + "/importeren",
                Cell.upload("/werkgever/plaatsingen/importeren", placementsCsv(), employers));
        MATRIX.put(pages.formatted("POST") + "/nieuw", Cell.form("/werkgever/plaatsingen/nieuw", () -> placementForm(null)
                + "&employerName=Bakkerij+De+Korenaar", employers));
        MATRIX.put(pages.formatted("GET") + "/{placementId}", new Cell(formed, null, actor -> actor == EMPLOYER_A));
        for (String form : List.of("/wijzigen", "/regios", "/afsluiting")) {
            MATRIX.put(pages.formatted("GET") + "/{placementId}" + form, new Cell(formed + form, null, actor -> actor == EMPLOYER_A));
        }
        MATRIX.put(pages.formatted("POST") + "/{placementId}/wijzigen",
                Cell.form(formed + "/wijzigen", () -> placementForm(1), actor -> actor == EMPLOYER_A));
        MATRIX.put(pages.formatted("POST") + "/{placementId}/regios",
                Cell.form(formed + "/regios", () -> "version=2&neighbouringRegionCodes=AM14", actor -> actor == EMPLOYER_A));
        MATRIX.put(pages.formatted("POST") + "/{placementId}/afsluiting",
                Cell.form(formed + "/afsluiting", () -> "version=3&reason=WITHDRAWN", actor -> actor == EMPLOYER_A));
        String caseWork = "employer-service %s /gemeenten/{municipalityCode}";
        String placement = "/gemeenten/GM0344/plaatsingen/" + placementId;
        MATRIX.put(caseWork.formatted("GET") + "/plaatsingen",
                new Cell("/gemeenten/GM0344/plaatsingen", null, actor -> actor == UTRECHT));
        MATRIX.put(caseWork.formatted("GET") + "/plaatsingen/{placementId}", new Cell(placement, null, actor -> actor == UTRECHT));
        MATRIX.put(caseWork.formatted("POST") + "/plaatsingen/{placementId}/kennismakingen", Cell.form(
                placement + "/kennismakingen", () -> "candidatePseudonym=" + toPropose, actor -> actor == UTRECHT));
        MATRIX.put(caseWork.formatted("GET") + "/kennismakingen",
                new Cell("/gemeenten/GM0344/kennismakingen", null, actor -> actor == UTRECHT));
        Predicate<Actor> bothParties = actor -> actor == EMPLOYER_A || actor == UTRECHT;
        String introductions = "employer-service %s /plaatsingen/{placementId}/kennismakingen/{candidatePseudonym}";
        MATRIX.put(introductions.formatted("GET"), new Cell("/plaatsingen/" + placementId + "/kennismakingen/" + introduced,
                null, bothParties));
        String proposed = "/plaatsingen/" + placementId + "/kennismakingen/" + toPropose;
        MATRIX.put(introductions.formatted("POST") + "/stappen", Cell.form(proposed + "/stappen",
                () -> introductionStatus("/api/v1/placements/" + placementId + "/introductions/" + toPropose).equals("PROPOSED")
                        ? "version=1&step=AGREE"
                        : "version=2&step=PLAN_INTERVIEW&interviewOn=" + LocalDate.now().plusDays(2), bothParties));
    }

    /** A work-experience place in Utrecht as the placement form sends it; a change names its version. */
    private static String placementForm(Integer version) {
        return (version == null ? "" : "version=" + version + "&") + "kind=WORK_EXPERIENCE_PLACE&title=Medewerker+bakkerij"
                + "&iscoCode=7512&requiredSkills%5B0%5D=hygi%C3%ABnecode&minimumLanguageLevels%5B0%5D.skill=LISTENING"
                + "&minimumLanguageLevels%5B0%5D.level=A2&languageSupport=true&hoursPerWeek=24&startDate="
                + LocalDate.now().plusWeeks(2) + "&places=2&municipalityCode=GM0344";
    }

    /**
     * A person of Utrecht who consented to sharing a profile with employers and whom the case worker marked ready:
     * their candidate pseudonym, once employer-service has the profile trajectory published.
     */
    private static String candidateOfUtrecht() {
        Set<String> before = candidatesOfUtrecht();
        String id = register().id();
        ResponseEntity<String> consented = client("intake-service").post().uri("/api/v1/persons/{id}/consents", id)
                .contentType(MediaType.APPLICATION_JSON).header("Authorization", "Bearer " + AZC_BUDEL.token())
                .body(consent(1)).retrieve().toEntity(String.class);
        assertThat(consented.getStatusCode().is2xxSuccessful()).as(consented.getBody()).isTrue();
        ResponseEntity<String> linked = client("intake-service").post().uri("/api/v1/persons/{id}/municipality-links", id)
                .contentType(MediaType.APPLICATION_JSON).header("Authorization", "Bearer " + COA.token())
                .body(link(2)).retrieve().toEntity(String.class);
        assertThat(linked.getStatusCode().value()).as(linked.getBody()).isEqualTo(201);
        String trajectory = "/api/v1/municipalities/GM0344/trajectories/" + id;
        await("the handover reaches Utrecht").atMost(Duration.ofSeconds(30)).until(() -> client("trajectory-service").get()
                .uri("/api/v1/municipalities/GM0344/handovers/{id}", id).header("Authorization", "Bearer " + UTRECHT.token())
                .retrieve().toEntity(String.class).getStatusCode().value() == 200);
        asUtrecht(HttpMethod.PUT, trajectory + "/acceptance", "{\"version\":0}");
        asUtrecht(HttpMethod.PUT, trajectory + "/placement-readiness", "{\"version\":1,\"ready\":true}");
        Set<String> after = await("the candidate reaches employer-service").atMost(Duration.ofSeconds(30))
                .until(AuthorizationMatrixTest::candidatesOfUtrecht, candidates -> candidates.size() > before.size());
        after.removeAll(before);
        assertThat(after).hasSize(1);
        return after.iterator().next();
    }

    private static Set<String> candidatesOfUtrecht() {
        String body = client("employer-service").get().uri("/api/v1/municipalities/GM0344/candidates?pageSize=100")
                .header("Authorization", "Bearer " + UTRECHT.token()).retrieve().body(String.class);
        Set<String> pseudonyms = new TreeSet<>();
        JSON.readTree(body).get("candidates").forEach(c -> pseudonyms.add(c.get("candidate").get("candidatePseudonym").asString()));
        return pseudonyms;
    }

    private static String introductionStatus(String introduction) {
        return JSON.readTree(client("employer-service").get().uri(introduction)
                .header("Authorization", "Bearer " + UTRECHT.token()).retrieve().body(String.class)).get("status").asString();
    }

    private static void asEmployerService(Actor actor, String path, String body) {
        ResponseEntity<String> response = client("employer-service").post().uri(path).contentType(MediaType.APPLICATION_JSON)
                .header("Authorization", "Bearer " + actor.token()).body(body).retrieve().toEntity(String.class);
        assertThat(response.getStatusCode().is2xxSuccessful()).as(response.getBody()).isTrue();
    }

    /** A work-experience place of employer A in Utrecht; its id. */
    private static String placementOfEmployerA() {
        ResponseEntity<String> response = client("employer-service").post().uri("/api/v1/placements")
                .contentType(MediaType.APPLICATION_JSON).header("Authorization", "Bearer " + EMPLOYER_A.token())
                .body(placement(null)).retrieve().toEntity(String.class);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
        return JSON.readTree(response.getBody()).get("id").asString();
    }

    private static String placement(Integer version) {
        return """
                {%s"employerName":"Bakkerij De Korenaar","kind":"WORK_EXPERIENCE_PLACE","title":"Medewerker bakkerij",
                 "iscoCode":"7512","hoursPerWeek":24,"startDate":"%s","places":2,"municipalityCode":"GM0344"}""".formatted(
                version == null ? "" : "\"version\":" + version + ",", LocalDate.now().plusWeeks(2));
    }

    /** Two placements in Utrecht as a CSV file, the way employers import many at once. */
    private static String placementsCsv() {
        String start = LocalDate.now().plusWeeks(2).toString();
        return """
                employerName;kind;title;iscoCode;hoursPerWeek;startDate;places;municipalityCode
                Bakkerij De Korenaar;WORK_EXPERIENCE_PLACE;Medewerker bakkerij;7512;24;%s;2;GM0344
                Bakkerij De Korenaar;PAID_JOB;Chauffeur;8322;32;%s;1;GM0344
                """.formatted(start, start);
    }

    private static ResponseEntity<String> asUtrecht(HttpMethod method, String path, String body) {
        ResponseEntity<String> response = client("trajectory-service").method(method).uri(path)
                .contentType(MediaType.APPLICATION_JSON).header("Authorization", "Bearer " + UTRECHT.token())
                .body(body).retrieve().toEntity(String.class);
        assertThat(response.getStatusCode().is2xxSuccessful()).as(response.getBody()).isTrue();
        return response;
    }

    private static String bredeIntake(int version) {
        return """
                {"version":%d,"date":"%s","learnabilityTestOutcome":"B1_ATTAINABLE","educationFindings":"MBO-4",
                 "workFindings":"Elektricien","circumstancesFindings":"32 uur per week"}""".formatted(version, LocalDate.now());
    }

    private static String plan(int version) {
        return """
                {"version":%d,"learningRoute":"B1_ROUTE","adoptedOn":"%s"}""".formatted(version, LocalDate.now());
    }

    private static String activity(int version) {
        return """
                {"version":%d,"kind":"LANGUAGE_COURSE","plannedStart":"%s","hoursPerWeek":12,"provider":"Taalschool"}"""
                .formatted(version, LocalDate.now().plusDays(7));
    }

    private static String milestone(int version) {
        return """
                {"version":%d,"kind":"EXAM_PASSED","date":"%s","skill":"READING","level":"B1"}""".formatted(
                version, LocalDate.now());
    }

    private static String closure(int version) {
        return """
                {"version":%d,"closedOn":"%s","outcome":"COMPLETED"}""".formatted(version, LocalDate.now());
    }

    private static String link(int version) {
        return """
                {"version":%d,"municipalityCode":"GM0344","permitDate":"%s","linkDate":"%s"}""".formatted(
                version, LocalDate.now().minusDays(14), LocalDate.now());
    }
}
