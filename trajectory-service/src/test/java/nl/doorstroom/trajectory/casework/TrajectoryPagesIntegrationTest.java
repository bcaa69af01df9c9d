package nl.doorstroom.trajectory.casework;

import static nl.doorstroom.trajectory.handover.PersonEvents.intake;
import static nl.doorstroom.trajectory.handover.PersonEvents.linked;
import static nl.doorstroom.trajectory.handover.PersonEvents.registered;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import nl.doorstroom.platform.kafka.EventPublisher;
import nl.doorstroom.platform.test.TestTokens;
import nl.doorstroom.platform.test.TopicContents;
import nl.doorstroom.schemas.Topics;
import nl.doorstroom.schemas.intake.ConsentDecision;
import nl.doorstroom.schemas.intake.ConsentPurpose;
import nl.doorstroom.schemas.intake.ConsentRecorded;
import nl.doorstroom.schemas.intake.FamilyRelationship;
import nl.doorstroom.schemas.intake.FamilyReunification;
import nl.doorstroom.schemas.intake.PersonEvent;
import nl.doorstroom.schemas.intake.PersonRegistered;
import nl.doorstroom.trajectory.CaseWorkerClient;
import nl.doorstroom.trajectory.TrajectoryServiceIntegrationTest;
import nl.doorstroom.trajectory.handover.PersonEvents;
import nl.doorstroom.trajectory.signals.SignalProperties;
import tools.jackson.databind.JsonNode;

/**
 * The case worker's pages over HTTP, as a browser sends them (form posts with the CSRF token of the session the page
 * opened), signed in with a bearer token: from the inbox through the whole trajectory, with the validation, stale
 * version and other-municipality answers along the way.
 */
class TrajectoryPagesIntegrationTest extends TrajectoryServiceIntegrationTest {

    private static final String UTRECHT = "GM0344";
    private static final String AMERSFOORT = "GM0307";
    private static final DateTimeFormatter DUTCH = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\"(?: id=\"[^\"]*\")? value=\"([^\"]*)\"");

    /** Only the paging test links people to Arnhem, so it knows the whole inbox. */
    private static final String ARNHEM = "GM0202";

    /** Only this class links people to Groningen, so its signal list starts empty. */
    private static final String GRONINGEN = "GM0014";

    @Autowired
    private EventPublisher publisher;

    @Autowired
    private SignalProperties signalProperties;

    @Value("${spring.kafka.bootstrap-servers}")
    private String bootstrapServers;

    @Test
    void aCaseWorkerFollowsThePersonFromTheInboxToClosureThroughThePages() {
        String person = linkedPerson(UTRECHT, "Samira", "Youssef");
        Session utrecht = new Session(TestTokens.caseWorker(UTRECHT));
        String inbox = "/gemeenten/" + UTRECHT + "/overdrachten";
        String page = "/gemeenten/" + UTRECHT + "/trajecten/" + person;

        ResponseEntity<String> inboxPage = utrecht.get(inbox);
        assertThat(inboxPage.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(row(inboxPage.getBody(), person)).contains("Samira Youssef", "nieuw", "Overdracht nog niet geaccepteerd",
                "id=\"accept-" + person + "\"", "href=\"" + page + "\"");

        // a bearer token is exempt from CSRF (Spring Security's resource server); a signed-in browser session sends the token
        assertThat(inboxPage.getBody()).contains("name=\"_csrf\"");
        ResponseEntity<String> accepted = utrecht.post(inbox, inbox + "/" + person + "/acceptatie",
                Map.of("version", "0", "submissionKey", UUID.randomUUID().toString()));
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(accepted.getHeaders().getLocation().getPath()).isEqualTo(inbox);
        assertThat(row(utrecht.get(inbox).getBody(), person)).contains("Geaccepteerd").doesNotContain("nieuw")
                .doesNotContain("accept-" + person);

        LocalDate today = LocalDate.now();
        ResponseEntity<String> invalidIntake = utrecht.submit(page + "/brede-intake",
                Map.of("date", "31-02-2026", "learnabilityTestOutcome", "", "educationFindings", "HBO civiele techniek"));
        assertThat(invalidIntake.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(invalidIntake.getBody()).contains("role=\"alert\"", "href=\"#date\"", "href=\"#learnabilityTestOutcome\"",
                "vul een bestaande datum in", "Uitkomst van de leerbaarheidstoets: vul dit veld in", "aria-invalid=\"true\"", "aria-describedby=\"date-hint date-error\"",
                "value=\"31-02-2026\"", "HBO civiele techniek", "<title>Fout: Brede intake");
        ResponseEntity<String> invalidInEnglish = utrecht.submit(page + "/brede-intake?lang=en",
                Map.of("date", "31-02-2026", "learnabilityTestOutcome", "B1_ATTAINABLE"));
        assertThat(invalidInEnglish.getBody()).contains("lang=\"en\"", "enter an existing date", "Something is not filled in correctly")
                .doesNotContain("vul een bestaande datum in");
        utrecht.get(page + "?lang=nl");
        assertThat(utrecht.submit(page + "/brede-intake", Map.of("date", DUTCH.format(today.minusDays(30)),
                "learnabilityTestOutcome", "B1_ATTAINABLE", "workFindings", "Zes jaar ingenieur")).getStatusCode())
                .isEqualTo(HttpStatus.FOUND);

        ResponseEntity<String> deviating = utrecht.submit(page + "/plan",
                Map.of("learningRoute", "Z_ROUTE", "adoptedOn", today.minusDays(20).toString()));
        assertThat(deviating.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(deviating.getBody()).contains("href=\"#deviationReason\"", "wijkt af van de uitkomst van de leerbaarheidstoets",
                "<option value=\"Z_ROUTE\" selected=\"selected\">");
        LocalDate adopted = today.minusDays(20);
        assertThat(utrecht.submit(page + "/plan", Map.of("learningRoute", "B1_ROUTE", "adoptedOn", adopted.toString()))
                .getStatusCode()).isEqualTo(HttpStatus.FOUND);

        ResponseEntity<String> invalidActivity = utrecht.submit(page + "/activiteiten/nieuw", page + "/activiteiten",
                Map.of("kind", "LANGUAGE_COURSE", "plannedStart", DUTCH.format(today.plusDays(10)),
                        "plannedEnd", DUTCH.format(today), "hoursPerWeek", "61"));
        assertThat(invalidActivity.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(invalidActivity.getBody()).contains("href=\"#hoursPerWeek\"", "value=\"61\"");
        assertThat(utrecht.submit(page + "/activiteiten/nieuw", page + "/activiteiten",
                Map.of("kind", "LANGUAGE_COURSE", "plannedStart", DUTCH.format(today), "plannedEnd", DUTCH.format(today.minusDays(1)),
                        "hoursPerWeek", "16")).getBody()).contains("href=\"#plannedEnd\"", "de einddatum ligt voor de begindatum");
        assertThat(utrecht.submit(page + "/activiteiten/nieuw", page + "/activiteiten",
                Map.of("kind", "LANGUAGE_COURSE", "plannedStart", DUTCH.format(today.plusDays(7)),
                        "plannedEnd", DUTCH.format(today.plusYears(1)), "hoursPerWeek", "16", "provider", "Taalschool Utrecht"))
                .getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(utrecht.submit(page + "/activiteiten/nieuw", page + "/activiteiten",
                Map.of("kind", "WORK_EXPERIENCE_PLACE", "plannedStart", today.plusDays(30).toString(),
                        "plannedEnd", today.plusMonths(7).toString(), "hoursPerWeek", "16", "provider", "Gemeentewerf"))
                .getStatusCode()).isEqualTo(HttpStatus.FOUND);

        String plan = utrecht.get(page).getBody();
        assertThat(section(plan, "lane-language")).contains("Taalcursus: " + DUTCH.format(today.plusDays(7)))
                .doesNotContain("Werkervaringsplek");
        assertThat(section(plan, "lane-work")).contains("Werkervaringsplek: " + DUTCH.format(today.plusDays(30))
                + " tot en met " + DUTCH.format(today.plusMonths(7)) + ", 16 uur per week").doesNotContain("Taalcursus");
        assertThat(plan).contains("id=\"hours-warning\" role=\"alert\"", "Let op: meer uren gepland dan beschikbaar",
                "32 uur per week gepland, 24 uur per week beschikbaar", "Duaal traject",
                "id=\"integration-deadline\">" + DUTCH.format(adopted.plusYears(3)), "B1-route",
                "<caption>Activiteiten</caption>", "Taalschool Utrecht", "Gemeentewerf",
                "<caption class=\"visually-hidden\">Geschiedenis van het traject</caption>", "Overdrachtsdossier", "Civil engineer");

        Map<String, String> staleMilestone = utrecht.hiddenFields(page + "/mijlpalen/nieuw");
        assertThat(utrecht.submit(page + "/plan", Map.of("learningRoute", "B1_ROUTE", "adoptedOn", adopted.toString()))
                .getStatusCode()).as("someone else changes the trajectory meanwhile").isEqualTo(HttpStatus.FOUND);
        Map<String, String> milestone = new HashMap<>(staleMilestone);
        milestone.putAll(Map.of("kind", "EXAM_PASSED", "date", DUTCH.format(today), "skill", "READING", "level", "B1"));
        ResponseEntity<String> stale = utrecht.post(page + "/mijlpalen", milestone);
        assertThat(stale.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        int current = Integer.parseInt(staleMilestone.get("version")) + 1;
        assertThat(stale.getBody()).contains("het staat nu op versie " + current, "Er is niets opgeslagen",
                "name=\"version\" id=\"version\" value=\"" + current + "\"", "<option value=\"READING\" selected=\"selected\">");
        assertThat(utrecht.get(page).getBody()).contains("Er zijn nog geen mijlpalen vastgelegd.");

        assertThat(utrecht.submit(page + "/mijlpalen/nieuw", page + "/mijlpalen",
                Map.of("kind", "EXAM_PASSED", "date", DUTCH.format(today), "skill", "READING", "level", "B1"))
                .getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(utrecht.submit(page + "/afsluiting", Map.of("closedOn", DUTCH.format(today), "outcome", "COMPLETED",
                "note", "Examens gehaald")).getStatusCode()).isEqualTo(HttpStatus.FOUND);
        String closed = utrecht.get(page).getBody();
        assertThat(closed).contains("id=\"trajectory-status\">Afgesloten", "id=\"closure-outcome\">Inburgering voltooid",
                "Examen gehaald", "Lezen B1", "Examens gehaald").doesNotContain("/afsluiting\"");
        ResponseEntity<String> afterClosure = utrecht.submit(page + "/mijlpalen/nieuw", page + "/mijlpalen",
                Map.of("kind", "DIPLOMA", "date", DUTCH.format(today)));
        assertThat(afterClosure.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(afterClosure.getBody()).contains("Dit traject is afgesloten");

        Session amersfoort = new Session(TestTokens.caseWorker(AMERSFOORT));
        ResponseEntity<String> elsewhere = amersfoort.get("/gemeenten/" + AMERSFOORT + "/trajecten/" + person);
        assertThat(elsewhere.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(elsewhere.getBody()).contains("<h1>Niet gevonden</h1>").doesNotContain("Samira");
        assertThat(amersfoort.get(page).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(amersfoort.get(page + "/plan").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(amersfoort.get(page).getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(utrecht.get("/gemeenten/GM34/trajecten/" + person).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(utrecht.get(page + "/activiteiten/not-an-id").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<String> azc = new Session(TestTokens.azcStaff("AZC-BUDEL")).get(page);
        assertThat(azc.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(azc.getBody()).contains("<h1>Geen toegang</h1>").doesNotContain("Samira");
    }

    @Test
    void aColleagueIsAssignedOnTheAcceptanceFormAndAStaleInboxButtonSavesNothing() {
        String person = linkedPerson(UTRECHT, "Omar", "Haddad");
        Session utrecht = new Session(TestTokens.caseWorker(UTRECHT));
        String inbox = "/gemeenten/" + UTRECHT + "/overdrachten";
        String page = "/gemeenten/" + UTRECHT + "/trajecten/" + person;
        Map<String, String> inboxButton = Map.of("version", "0", "submissionKey", UUID.randomUUID().toString());

        ResponseEntity<String> form = utrecht.get(page + "/acceptatie?lang=en");
        assertThat(form.getBody()).contains("<label for=\"caseWorkerAccountId\">", "id=\"accept\"",
                "aria-describedby=\"caseWorkerAccountId-hint\"", "Leave empty to assign the trajectory to yourself");
        utrecht.get(page + "?lang=nl");
        assertThat(utrecht.submit(page + "/acceptatie", Map.of("caseWorkerAccountId", "collega-ans")).getStatusCode())
                .isEqualTo(HttpStatus.FOUND);
        assertThat(row(utrecht.get(inbox).getBody(), person)).contains("klantmanager collega-ans");

        ResponseEntity<String> late = utrecht.post(inbox, inbox + "/" + person + "/acceptatie", inboxButton);
        assertThat(late.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(late.getBody()).contains("role=\"alert\"", "het staat nu op versie 1");
        assertThat(row(late.getBody(), person)).contains("klantmanager collega-ans");
    }

    @Test
    void theSignalListShowsWhoWaitsTooLongInWordsWithNareizigersCountedAndFiltered() {
        Session groningen = new Session(TestTokens.caseWorker(GRONINGEN));
        String signals = "/gemeenten/" + GRONINGEN + "/signalen";
        String inbox = "/gemeenten/" + GRONINGEN + "/overdrachten";
        int threshold = signalProperties.signalAfterWeeks();

        ResponseEntity<String> empty = groningen.get(signals);
        assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(empty.getBody()).contains("<h1>Signaleringslijst van gemeente Groningen</h1>",
                "langer dan " + threshold + " weken aan de gemeente gekoppeld",
                "id=\"persons-empty\">Er wacht niemand langer dan " + threshold + " weken op een volgende stap.",
                "id=\"to-inbox\" href=\"" + inbox + "\"").doesNotContain("<table");
        assertThat(groningen.get(inbox).getBody()).contains("id=\"to-signals\" href=\"" + signals + "\"");

        CaseWorkerClient api = new CaseWorkerClient(http, GRONINGEN);
        Instant longAgo = Instant.now().minus(Duration.ofDays(7L * (threshold + 1) + 1));
        String forgotten = api.linkedPerson(publisher, longAgo);
        String nareiziger = api.linkedPerson(publisher, longAgo, familyReunification(longAgo));
        String recent = api.linkedPerson(publisher, Instant.now());
        String arrived = DUTCH.format(longAgo.atZone(ZoneId.of("Europe/Amsterdam")));

        String list = groningen.get(signals).getBody();
        String persons = table(list, "persons-signals");
        assertThat(row(persons, forgotten)).contains("Rania Darwish", arrived, "<td>" + (threshold + 1) + "</td>",
                "Overdracht niet geaccepteerd", "Geen brede intake", "Geen activiteit gepland",
                "href=\"/gemeenten/" + GRONINGEN + "/trajecten/" + forgotten + "\"");
        assertThat(row(persons, forgotten)).contains("<td>Nee</td>");
        assertThat(row(persons, nareiziger)).contains("Noor Darwish", "Overdracht niet geaccepteerd", "<td>Ja</td>");
        assertThat(persons).doesNotContain(recent)
                .contains("<caption>Personen met een signaal, langst wachtend eerst: rij 1 tot en met 2 van 2");
        assertThat(list).contains("Onder hen 1 nareiziger(s).", "href=\"" + signals + "?nareiziger=true\" id=\"only-nareizigers\"")
                .doesNotContain("persons-empty");
        String onlyNareizigers = table(groningen.get(signals + "?nareiziger=true").getBody(), "persons-signals");
        assertThat(onlyNareizigers).contains(nareiziger).doesNotContain(forgotten);

        String english = groningen.get(signals + "?lang=en").getBody();
        assertThat(english).contains("lang=\"en\"", "Signal list of the municipality of Groningen",
                "more than " + threshold + " weeks ago", "Handover not accepted", "No brede intake", "No activity planned",
                "Among them 1 nareiziger(s) (family reunification).");
        groningen.get(signals + "?lang=nl");

        assertThat(new Session(TestTokens.caseWorker(UTRECHT)).get(signals).getStatusCode())
                .as("another municipality's signal list").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(groningen.get("/gemeenten/GM14/signalen").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        ResponseEntity<String> azc = new Session(TestTokens.azcStaff("AZC-BUDEL")).get(signals);
        assertThat(azc.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(azc.getBody()).contains("<h1>Geen toegang</h1>").doesNotContain("Darwish");
    }

    @Test
    void theInboxPagesSearchesAndFiltersOnTheServerAndLogsOnlyTheRowsShown() {
        List<String> people = new ArrayList<>();
        for (int i = 1; i <= 11; i++) {
            people.add(linkedPerson(ARNHEM, "Persoon" + i, "Testnaam"));
        }
        String zeynep = linkedPerson(ARNHEM, "Zeynep", "Çelik");
        String token = TestTokens.token(Map.of("roles", List.of("case-worker"), "municipality", ARNHEM,
                "name", "Fatima de Vries"));
        Session arnhem = new Session(token);
        String inbox = "/gemeenten/" + ARNHEM + "/overdrachten";

        long logged = processingLogEntries();
        String first = arnhem.get(inbox + "?pageSize=10").getBody();
        assertThat(processingLogEntries() - logged).as("one entry per row shown").isEqualTo(10);
        assertThat(first).contains("id=\"signed-in-name\">Fatima de Vries</strong>", "id=\"signed-in-organisation\">Arnhem</span>",
                "rij 1 tot en met 10 van 12", "<nav class=\"pager\" id=\"pager\" aria-label=\"Paginering\">",
                "aria-current=\"page\" aria-label=\"Pagina 1\">1</a>", "href=\"" + inbox + "?page=2&amp;pageSize=10\"",
                "<option value=\"10\" selected=\"selected\">10</option>", "href=\"" + inbox + "?status=HANDOVER_PENDING\"")
                .doesNotContain("id=\"sign-out\"");
        // the most recent link first, the same order on every page
        assertThat(first).contains(zeynep).doesNotContain(people.getFirst());
        String second = arnhem.get(inbox + "?page=2&pageSize=10").getBody();
        assertThat(second).contains("rij 11 tot en met 12 van 12", people.getFirst(), people.get(1)).doesNotContain(zeynep);

        ResponseEntity<String> beyond = arnhem.get(inbox + "?page=999999999&pageSize=10");
        assertThat(beyond.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(beyond.getBody()).contains("id=\"beyond-end\"", "de lijst heeft 2 pagina&#39;s").doesNotContain("id=\"inbox\"");

        ResponseEntity<String> searched = arnhem.post(inbox, inbox, Map.of("text", "celik", "status", "", "pageSize", "10"));
        assertThat(searched.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        String location = searched.getHeaders().getLocation().toString();
        assertThat(location).endsWith(inbox + "?page=1&pageSize=10").doesNotContainIgnoringCase("celik");
        logged = processingLogEntries();
        String found = arnhem.get(location).getBody();
        assertThat(processingLogEntries() - logged).isEqualTo(1);
        assertThat(table(found, "inbox")).contains("Zeynep Çelik").doesNotContain(people.getFirst());
        assertThat(found).contains("value=\"celik\"", "rij 1 tot en met 1 van 1");

        arnhem.post(inbox, inbox, Map.of("clear", "true"));
        arnhem.post(inbox + "/" + people.getFirst() + "/acceptatie",
                Map.of("version", "0", "submissionKey", UUID.randomUUID().toString()));
        assertThat(arnhem.get(inbox + "?status=HANDOVER_PENDING").getBody()).contains("van 11")
                .doesNotContain("id=\"only-new\"");
        String accepted = arnhem.get(inbox + "?status=ACCEPTED").getBody();
        assertThat(table(accepted, "inbox")).contains(people.getFirst()).doesNotContain(zeynep);
        assertThat(accepted).contains("<option value=\"ACCEPTED\" selected=\"selected\">", "rij 1 tot en met 1 van 1");
        assertThat(arnhem.get(inbox + "?linkedFrom=2026-01-20").getBody()).contains("id=\"no-results\"");
        assertThat(arnhem.get(inbox + "?linkedFrom=2026-01-19&linkedTo=2026-01-19&nareiziger=false").getBody())
                .contains("van 12");
        assertThat(arnhem.get(inbox + "?nareiziger=true").getBody()).contains("id=\"no-results\"");
        assertThat(arnhem.get(inbox + "?page=x&pageSize=7&status=NONSENSE").getBody()).as("lenient on edited URLs")
                .contains("rij 1 tot en met 12 van 12");

        CaseWorkerClient api = new CaseWorkerClient(http, ARNHEM);
        String handovers = "/api/v1/municipalities/" + ARNHEM + "/handovers";
        JsonNode page = json(api.get(handovers + "?page=2&pageSize=5"));
        assertThat(page.get("total").asInt()).isEqualTo(12);
        assertThat(page.get("page").asInt()).isEqualTo(2);
        assertThat(page.get("handovers")).hasSize(5);
        assertThat(json(api.get(handovers + "?page=2147483647&pageSize=100")).get("handovers")).isEmpty();
        assertThat(api.get(handovers + "?pageSize=101").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(api.get(handovers + "?page=0").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        logged = processingLogEntries();
        JsonNode search = json(api.send(HttpMethod.POST,
                "/api/v1/municipalities/" + ARNHEM + "/handover-searches", Map.of("text", "ÇELIK", "pageSize", 10)));
        assertThat(processingLogEntries() - logged).isEqualTo(1);
        assertThat(search.get("total").asInt()).isEqualTo(1);
        assertThat(search.get("handovers").get(0).get("personId").asString()).isEqualTo(zeynep);
    }

    @Test
    void aMoveThroughTheFormSendsThePersonToTheNewMunicipalitysInboxAndUtrechtLosesSight() {
        String person = linkedPerson(UTRECHT, "Layla", "Karimi");
        Session utrecht = new Session(TestTokens.caseWorker(UTRECHT));
        String page = "/gemeenten/" + UTRECHT + "/trajecten/" + person;
        String form = page + "/verhuizing";
        String moveDate = DUTCH.format(LocalDate.now());

        assertThat(utrecht.get(page).getBody()).contains("id=\"to-move\" href=\"" + form + "\"");
        String blank = utrecht.get(form).getBody();
        assertThat(blank).contains("<h1>Verhuizing vastleggen</h1>", "list=\"toMunicipalityCode-options\"",
                "<datalist id=\"toMunicipalityCode-options\">",
                "<option value=\"GM0356\" label=\"Nieuwegein – arbeidsmarktregio Midden-Utrecht\">",
                "aria-describedby=\"toMunicipalityCode-hint\"", "id=\"move\"");
        assertThat(Pattern.compile("<option value=\"GM\\d{4}\"").matcher(blank).results().count())
                .as("today's municipalities").isEqualTo(342);

        ResponseEntity<String> same = utrecht.submit(form, Map.of("toMunicipalityCode", "Utrecht", "moveDate", moveDate));
        assertThat(same.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(same.getBody()).contains("role=\"alert\"", "href=\"#toMunicipalityCode\"",
                "Nieuwe gemeente: de persoon woont al in deze gemeente", "value=\"Utrecht\"", "value=\"" + moveDate + "\"",
                "<title>Fout: Verhuizing vastleggen");
        ResponseEntity<String> unknown = utrecht.submit(form, Map.of("toMunicipalityCode", "GM9999", "moveDate", ""));
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknown.getBody()).contains("Nieuwe gemeente: is geen bestaande gemeentecode", "href=\"#moveDate\"",
                "Verhuisdatum: vul dit veld in", "value=\"GM9999\"");
        ResponseEntity<String> sameInEnglish = utrecht.submit(form + "?lang=en",
                Map.of("toMunicipalityCode", "GM0344", "moveDate", moveDate));
        assertThat(sameInEnglish.getBody()).contains("lang=\"en\"", "New municipality: the person already lives in this municipality",
                "Utrecht – labour-market region Midden-Utrecht").doesNotContain("woont al");
        ResponseEntity<String> unknownInEnglish = utrecht.submit(form + "?lang=en", Map.of("toMunicipalityCode", "Atlantis", "moveDate", moveDate));
        assertThat(unknownInEnglish.getBody()).contains("New municipality: is not a current municipality code", "value=\"Atlantis\"");
        utrecht.get(page + "?lang=nl");

        ResponseEntity<String> moved = utrecht.submit(form, Map.of("toMunicipalityCode", "Amersfoort", "moveDate", moveDate));
        assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(moved.getHeaders().getLocation().getPath()).isEqualTo("/gemeenten/" + UTRECHT + "/overdrachten");
        String utrechtInbox = utrecht.get("/gemeenten/" + UTRECHT + "/overdrachten").getBody();
        assertThat(utrechtInbox).contains("id=\"moved\" role=\"status\"",
                "Layla Karimi is verhuisd naar Amersfoort; het dossier staat nu in hun inbox.").doesNotContain("/trajecten/" + person);
        ResponseEntity<String> gone = utrecht.get(page);
        assertThat(gone.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(gone.getBody()).contains("<h1>Niet gevonden</h1>").doesNotContain("Layla");
        assertThat(utrecht.get(form).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        Session amersfoort = new Session(TestTokens.caseWorker(AMERSFOORT));
        String amersfoortInbox = amersfoort.get("/gemeenten/" + AMERSFOORT + "/overdrachten").getBody();
        assertThat(row(amersfoortInbox, person)).contains("Layla Karimi", "nieuw", "Overdracht nog niet geaccepteerd",
                "id=\"moved-from-" + person + "\">verhuisd uit Utrecht op " + moveDate);
        String there = amersfoort.get("/gemeenten/" + AMERSFOORT + "/trajecten/" + person).getBody();
        assertThat(there).contains("id=\"moved-from\">verhuisd uit Utrecht op " + moveDate,
                "Verhuisd van Utrecht naar Amersfoort op " + moveDate);
        assertThat(amersfoort.get("/gemeenten/" + AMERSFOORT + "/trajecten/" + person + "?lang=en").getBody())
                .contains("Moved from Utrecht to Amersfoort on " + moveDate, "moved from Utrecht on " + moveDate);
    }

    @Test
    void thePersonIsMarkedReadyForPlacementsAndTheMarkTakenAwayWithTheConsentShown() {
        String person = linkedPerson(UTRECHT, "Hamid", "Rahimi");
        publish(PersonEvents.event(person, Instant.now(),
                new ConsentRecorded(ConsentPurpose.EMPLOYER_PROFILE_SHARING, ConsentDecision.GIVEN, LocalDate.now())));
        Session utrecht = new Session(TestTokens.caseWorker(UTRECHT));
        String page = "/gemeenten/" + UTRECHT + "/trajecten/" + person;
        String readiness = page + "/plaatsbaarheid";
        Awaitility.await("the consent in the dossier").atMost(DEADLINE).pollInterval(Duration.ofMillis(20))
                .until(() -> utrecht.get(page).getBody().contains("id=\"profile-consent\">Ja"));

        String pending = utrecht.get(page).getBody();
        assertThat(pending).contains("id=\"readiness-state\">Nee", "id=\"profile-shared\">Wordt niet gedeeld",
                "alleen met werkgevers in de regio gedeeld als de persoon klaar is voor plaatsing én",
                "Accepteer eerst de overdracht; daarna kan de persoon").doesNotContain("mark-ready");
        assertThat(utrecht.submit(page + "/acceptatie", Map.of()).getStatusCode()).isEqualTo(HttpStatus.FOUND);

        Map<String, String> mark = utrecht.hiddenFields(page);
        assertThat(utrecht.get(page).getBody()).contains("id=\"mark-ready\"", "name=\"ready\" value=\"true\"");
        ResponseEntity<String> marked = utrecht.post(readiness, mark);
        assertThat(marked.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        String ready = utrecht.get(page).getBody();
        assertThat(ready).contains("De persoon is gemarkeerd als klaar voor plaatsing.", "id=\"readiness-state\">Ja",
                "id=\"profile-shared\">Wordt gedeeld met werkgevers", "id=\"unmark-ready\"",
                "Gemarkeerd als klaar voor plaatsing").doesNotContain("id=\"mark-ready\"");

        Map<String, String> again = new HashMap<>(mark);
        again.put("submissionKey", UUID.randomUUID().toString());
        ResponseEntity<String> stale = utrecht.post(readiness, again);
        assertThat(stale.getStatusCode()).as("the same button, sent again with a new key").isEqualTo(HttpStatus.CONFLICT);
        assertThat(stale.getBody()).contains("id=\"problem\" role=\"alert\"", "het staat nu op versie 2",
                "id=\"readiness-state\">Ja");
        Map<String, String> invalid = new HashMap<>(utrecht.hiddenFields(page));
        invalid.put("ready", "misschien");
        assertThat(utrecht.post(readiness, invalid).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        assertThat(utrecht.post(readiness, utrecht.hiddenFields(page)).getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(utrecht.get(page + "?lang=en").getBody()).contains("The mark ready for placements has been taken away.",
                "id=\"readiness-state\">No", "id=\"profile-shared\">Not shared", "id=\"mark-ready\"",
                "Mark ready for placements taken away");
        utrecht.get(page + "?lang=nl");
        assertThat(new Session(TestTokens.caseWorker(AMERSFOORT)).post(page, readiness, utrecht.hiddenFields(page))
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private static PersonEvent familyReunification(Instant at) {
        // the client sets the person id; this later registration with the family reunification replaces the first
        return PersonEvents.event("set-by-client", at.plusMillis(1), PersonRegistered.newBuilder()
                .setGivenNames("Noor").setFamilyName("Darwish").setDateOfBirth(LocalDate.of(2015, 4, 2))
                .setVNumber("1234567892").setCountryOfOrigin("SY").setReceptionLocation("AZC-TER-APEL")
                .setFamilyReunification(FamilyReunification.newBuilder().setAnchorPersonId("anchor-2")
                        .setRelationship(FamilyRelationship.CHILD).build())
                .build());
    }

    /** The table with this id. */
    private static String table(String page, String id) {
        int at = page.indexOf("id=\"" + id + "\"");
        assertThat(at).as(id).isPositive();
        return page.substring(at, page.indexOf("</table>", at));
    }

    private String linkedPerson(String municipality, String givenNames, String familyName) {
        String person = UUID.randomUUID().toString();
        Instant t = Instant.now();
        publish(registered(person, t, givenNames, familyName));
        publish(intake(person, t.plusMillis(1)));
        publish(linked(person, t.plusMillis(2), municipality));
        Awaitility.await(person + " in the inbox").atMost(DEADLINE).pollInterval(Duration.ofMillis(20))
                .until(() -> get("/gemeenten/" + municipality + "/trajecten/" + person, "text/html").getStatusCode() == HttpStatus.OK);
        return person;
    }

    private long processingLogEntries() {
        return TopicContents.endOffsets(bootstrapServers, Topics.AUDIT_PROCESSING_LOG.name());
    }

    private void publish(PersonEvent event) {
        publisher.publish(Topics.INTAKE_PERSON_EVENTS, event.getPersonId(), event);
    }

    /** The inbox row of the person. */
    private static String row(String inbox, String person) {
        int at = inbox.indexOf("/trajecten/" + person);
        assertThat(at).as("the person is in the inbox").isPositive();
        return inbox.substring(inbox.lastIndexOf("<tr", at), inbox.indexOf("</tr>", at));
    }

    /** The element with this id, up to the end of its lane. */
    private static String section(String page, String id) {
        int at = page.indexOf("id=\"" + id + "\"");
        assertThat(at).as(id).isPositive();
        return page.substring(at, page.indexOf("</ul>", at) > 0 ? page.indexOf("</ul>", at) : page.length());
    }

    /** A browser's session on the pages: the cookie that holds the CSRF token, and the user's bearer token. */
    private final class Session {

        private final String token;
        private String cookie;
        private String csrf;

        Session(String token) {
            this.token = token;
        }

        ResponseEntity<String> get(String path) {
            ResponseEntity<String> response = http.get().uri(path).header(HttpHeaders.ACCEPT, "text/html")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                    .headers(headers -> { if (cookie != null) headers.add(HttpHeaders.COOKIE, cookie); })
                    .retrieve().toEntity(String.class);
            remember(response);
            return response;
        }

        /** The hidden fields of the form on the page (version, submission key, CSRF token). */
        Map<String, String> hiddenFields(String path) {
            ResponseEntity<String> response = get(path);
            assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
            Map<String, String> fields = new LinkedHashMap<>();
            Matcher hidden = HIDDEN.matcher(response.getBody());
            while (hidden.find()) {
                fields.putIfAbsent(hidden.group(1), hidden.group(2));
            }
            return fields;
        }

        /** Opens the form at {@code path} and sends it back there with these fields filled in. */
        ResponseEntity<String> submit(String path, Map<String, String> fields) {
            return submit(path.replaceAll("\\?.*", ""), path, fields);
        }

        ResponseEntity<String> submit(String formPath, String action, Map<String, String> fields) {
            Map<String, String> sent = new HashMap<>(hiddenFields(formPath));
            sent.putAll(fields);
            return post(action, sent);
        }

        /** Opens {@code pagePath} for its CSRF token, then posts these fields to {@code action}. */
        ResponseEntity<String> post(String pagePath, String action, Map<String, String> fields) {
            get(pagePath);
            return post(action, fields);
        }

        ResponseEntity<String> post(String action, Map<String, String> fields) {
            Map<String, String> sent = new HashMap<>(fields);
            sent.put("_csrf", csrf);
            MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
            sent.forEach(form::add);
            ResponseEntity<String> response = http.post().uri(action).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .header(HttpHeaders.ACCEPT, "text/html").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                    .headers(headers -> { if (cookie != null) headers.add(HttpHeaders.COOKIE, cookie); })
                    .body(form).retrieve().toEntity(String.class);
            remember(response);
            return response;
        }

        private void remember(ResponseEntity<String> response) {
            List<String> cookies = response.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE);
            cookies.stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
                    .ifPresent(c -> cookie = c.substring(0, c.indexOf(';')));
            if (response.getBody() != null) {
                Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(response.getBody());
                if (token.find()) {
                    csrf = token.group(1);
                }
            }
        }
    }
}
