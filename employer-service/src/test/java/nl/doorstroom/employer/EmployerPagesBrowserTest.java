package nl.doorstroom.employer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;

import nl.doorstroom.platform.test.ApiConventions;
import nl.doorstroom.platform.test.DemoPrivacyKeys;
import nl.doorstroom.platform.test.TestTokens;
import nl.doorstroom.platform.test.browser.Browser;
import nl.doorstroom.schemas.Topics;
import nl.doorstroom.schemas.intake.CefrLevel;
import nl.doorstroom.schemas.intake.CefrSkill;
import nl.doorstroom.schemas.intake.IscedLevel;
import nl.doorstroom.schemas.trajectory.CandidateEducationLevel;
import nl.doorstroom.schemas.trajectory.CandidateLanguageLevel;
import nl.doorstroom.schemas.trajectory.CandidateProfile;

/**
 * The employer-service pages in headless Chromium, every page checked with axe-core (no violation of any impact) and
 * kept as a screenshot: an employer posts a placement through the form, a case worker in Houten sees it with their
 * candidate's match and its explanation, proposes the candidate and records the agreement, and the employer sees the
 * introduction, plans an interview, opens the placement to another region, changes and closes it; the regional work desk sees the open places of its region, in Dutch and in
 * English. Signed in with test tokens, which the browser sends as a bearer token; the system tests sign in through
 * Keycloak. Houten, Bunnik and Wijk bij Duurstede are this test's own: no other test of the module uses them.
 */
@DemoPrivacyKeys
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EmployerPagesBrowserTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final DateTimeFormatter DUTCH_DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    @RegisterExtension
    static Browser browser = Browser.chromium();

    @LocalServerPort
    int port;
    @Autowired
    KafkaTemplate<Object, Object> kafka;

    @BeforeEach
    void ready() {
        await("ready, Streams included").atMost(Duration.ofSeconds(60)).until(() ->
                ApiConventions.get(port, "/actuator/health/readiness", "application/json", null, null).statusCode() == 200);
    }

    @Test
    void anEmployerPostsAPlacementAndACaseWorkerProposesACandidateWhoAgrees() throws Exception {
        String employer = named("Recruiter Kwekerij Het Groene Hart", "employer", "kvk", kvk());
        String houten = named("Klantmanager Houten", "case-worker", "municipality", "GM0321");
        String candidate = pseudonym();
        publishCandidate(candidate, "GM0321");
        String title = "Medewerker kas " + UUID.randomUUID().toString().substring(0, 8);

        browser.signInWith(employer);
        browser.open(url("/werkgever/plaatsingen")).awaitPage("/werkgever/plaatsingen");
        assertThat(browser.awaitVisible(By.id("no-placements")).getText()).isEqualTo("Er zijn geen plaatsingen om te tonen.");
        browser.screenshot("no placements yet");
        browser.assertFullyAccessible();

        browser.awaitVisible(By.id("new-placement")).click();
        browser.awaitPage("/werkgever/plaatsingen/nieuw");
        browser.assertFullyAccessible();
        browser.type("employerName", "Kwekerij Het Groene Hart");
        browser.driver().findElement(By.id("kind-WORK_EXPERIENCE_PLACE")).click();
        browser.type("title", title);
        browser.type("description", "Planten oppotten, sorteren en klaarzetten voor transport");
        browser.type("iscoCode", "9999");
        browser.type("requiredSkills-0", "heftruckcertificaat");
        browser.type("preferredSkills-0", "ervaring in een kas");
        browser.choose("minimumEducation", "ISCED_1");
        browser.choose("minimumLanguageLevels-0-skill", "LISTENING");
        browser.choose("minimumLanguageLevels-0-level", "A2");
        browser.driver().findElement(By.id("languageSupport-true")).click();
        browser.type("hoursPerWeek", "24");
        browser.type("schedule", "ma-wo-vr 7-13 uur");
        browser.type("startDate", LocalDate.now().plusWeeks(3).format(DUTCH_DATE));
        browser.type("places", "2");
        browser.type("municipalityCode", "Houten");
        browser.screenshot("placement with an unknown occupation");
        browser.driver().findElement(By.id("save")).click();

        WebElement problems = browser.awaitVisible(By.id("error-summary"));
        assertThat(problems.getText()).contains("Beroep (ISCO-08-code): is geen bestaande ISCO-08-beroepsgroep (vier cijfers)");
        assertThat(browser.driver().getTitle()).startsWith("Fout: Nieuwe plaatsing");
        assertThat(browser.driver().findElement(By.id("iscoCode")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.driver().findElement(By.id("municipalityCode")).getAttribute("value")).isEqualTo("Houten");
        browser.screenshot("the form says what is wrong");
        browser.assertFullyAccessible();
        assertThat(send("GET", "/api/v1/placements", employer, null).body()).as("nothing published").contains("\"total\":0");

        browser.type("iscoCode", "6113");
        browser.driver().findElement(By.id("save")).click();
        browser.await("the placement's page", d -> d.getCurrentUrl().matches(".*/werkgever/plaatsingen/[0-9a-f-]{36}"));
        String placementId = browser.driver().getCurrentUrl().replaceAll(".*/", "");
        assertThat(browser.awaitVisible(By.id("saved")).getText()).startsWith("De plaatsing is gepubliceerd.");
        assertThat(browser.awaitVisible(By.id("placement-facts")).getText())
                .contains("Werkervaringsplaats", "6113 – ", "heftruckcertificaat", "Luisteren: A2", "24 uur per week", "Houten");
        assertThat(browser.awaitVisible(By.id("no-introductions")).isDisplayed()).isTrue();
        browser.screenshot("the placement is published");
        browser.assertFullyAccessible();

        browser.signInWith(houten);
        browser.open(url("/plaatsingen")).awaitPage("/gemeenten/GM0321/plaatsingen");
        browser.assertFullyAccessible();
        browser.awaitVisible(By.cssSelector("#placement-" + placementId + " a")).click();
        String placementPage = "/gemeenten/GM0321/plaatsingen/" + placementId;
        browser.awaitPage(placementPage);
        WebElement match = browser.await("the candidate's match", d -> {
            var rows = d.findElements(By.id("match-" + candidate));
            if (rows.isEmpty()) {
                d.navigate().refresh();
                return null;
            }
            return rows.getFirst();
        });
        scrollTo(match);
        assertThat(match.getText()).contains("Beroep: 35 van 35 – Ervaring in hetzelfde beroep (ISCO 6113)",
                "Afstand: 15 van 15 – Woont in dezelfde gemeente", "Woont in Houten");
        browser.screenshot("the case worker's candidates with the explanation of their scores");
        browser.assertFullyAccessible();

        browser.awaitVisible(By.id("propose-" + candidate)).click();
        String introductionPage = "/plaatsingen/" + placementId + "/kennismakingen/" + candidate;
        browser.awaitPage(introductionPage);
        assertThat(browser.awaitVisible(By.id("introduction-status")).getText()).isEqualTo("Voorgesteld");
        assertThat(browser.awaitVisible(By.id("saved")).getText()).startsWith("De kandidaat is voorgesteld.");
        browser.screenshot("the candidate is proposed");
        browser.assertFullyAccessible();

        browser.awaitVisible(By.id("step-AGREE")).click();
        browser.await("the agreement", d -> "Kandidaat wil kennismaken".equals(
                d.findElement(By.id("introduction-status")).getText()));
        assertThat(browser.driver().findElements(By.id("step-AGREE"))).as("recorded once").isEmpty();
        scrollTo(browser.awaitVisible(By.id("next-steps")));
        browser.screenshot("the candidate agrees");
        browser.assertFullyAccessible();

        browser.awaitVisible(By.id("to-introductions")).click();
        browser.awaitPage("/gemeenten/GM0321/kennismakingen");
        assertThat(browser.awaitVisible(By.id("introduction-" + placementId + "-" + candidate)).getText())
                .contains(title, "Kwekerij Het Groene Hart", "Kandidaat wil kennismaken", "Afwijzen");
        browser.screenshot("the municipality's introductions");
        browser.assertFullyAccessible();

        browser.signInWith(employer);
        browser.open(url("/werkgever/plaatsingen/" + placementId)).awaitPage("/werkgever/plaatsingen/" + placementId);
        WebElement introduced = browser.awaitVisible(By.id("introduction-" + candidate));
        scrollTo(introduced);
        assertThat(introduced.getText()).contains(candidate, "Kandidaat wil kennismaken", "Woont in Houten");
        browser.screenshot("the employer sees the introduction");
        browser.assertFullyAccessible();

        introduced.findElement(By.tagName("a")).click();
        browser.awaitPage(introductionPage);
        browser.type("interviewOn", "31-02-2030");
        browser.awaitVisible(By.id("step-PLAN_INTERVIEW")).click();
        assertThat(browser.awaitVisible(By.id("error-summary")).getText()).contains("Datum van het gesprek: vul een bestaande datum in");
        scrollTo(browser.awaitVisible(By.id("interviewOn")));
        browser.screenshot("an interview on a day that does not exist");
        browser.assertFullyAccessible();
        browser.type("interviewOn", LocalDate.now().plusDays(5).format(DUTCH_DATE));
        browser.awaitVisible(By.id("step-PLAN_INTERVIEW")).click();
        browser.await("the interview", d -> "Gesprek gepland".equals(d.findElement(By.id("introduction-status")).getText()));
        assertThat(browser.awaitVisible(By.id("interview-on")).getText()).isEqualTo(LocalDate.now().plusDays(5).format(DUTCH_DATE));
        browser.screenshot("the employer planned an interview");
        browser.assertFullyAccessible();

        browser.open(url("/werkgever/plaatsingen")).awaitPage("/werkgever/plaatsingen");
        assertThat(cells("placement-" + placementId)).containsExactly(title, "Werkervaringsplaats", "Open", "2", "0",
                LocalDate.now().plusWeeks(3).format(DUTCH_DATE), "Houten");
        browser.screenshot("my placements");
        browser.assertFullyAccessible();

        String employerPage = "/werkgever/plaatsingen/" + placementId;
        browser.awaitVisible(By.cssSelector("#placement-" + placementId + " a")).click();
        browser.awaitPage(employerPage);
        browser.awaitVisible(By.id("open-to-regions")).click();
        browser.awaitPage(employerPage + "/regios");
        browser.awaitVisible(By.id("neighbouringRegionCodes-AM14")).click();
        browser.screenshot("open the placement to Amersfoort");
        browser.assertFullyAccessible();
        browser.driver().findElement(By.id("open-regions")).click();
        browser.awaitPage(employerPage);
        assertThat(browser.awaitVisible(By.id("opened-to")).getText()).isEqualTo("Amersfoort (AM14)");

        browser.awaitVisible(By.id("change-placement")).click();
        browser.awaitPage(employerPage + "/wijzigen");
        assertThat(browser.awaitVisible(By.id("hoursPerWeek")).getAttribute("value")).isEqualTo("24");
        browser.type("hoursPerWeek", "28");
        browser.screenshot("change the hours");
        browser.assertFullyAccessible();
        browser.driver().findElement(By.id("save")).click();
        browser.awaitPage(employerPage);
        assertThat(browser.awaitVisible(By.id("placement-facts")).getText()).contains("28 uur per week");
        assertThat(browser.awaitVisible(By.id("opened-to")).getText()).as("a change keeps the regions").isEqualTo("Amersfoort (AM14)");

        browser.awaitVisible(By.id("close-placement")).click();
        browser.awaitPage(employerPage + "/afsluiting");
        browser.awaitVisible(By.id("reason-FILLED")).click();
        browser.screenshot("close the placement");
        browser.assertFullyAccessible();
        browser.driver().findElement(By.id("close")).click();
        browser.awaitPage(employerPage);
        assertThat(browser.awaitVisible(By.id("placement-status")).getText()).startsWith("Gesloten (Vervuld) op ");
        assertThat(browser.driver().findElements(By.id("change-placement"))).as("a closed placement does not change").isEmpty();
        browser.screenshot("the placement is closed");
        browser.assertFullyAccessible();
    }

    @Test
    void anEmployerUploadsAFileOfPlacementsAndSeesEachMistakeByLineFirst() throws Exception {
        browser.signInWith(named("Recruiter Bakkerij De Korenaar", "employer", "kvk", kvk()));
        browser.open(url("/werkgever/plaatsingen")).awaitPage("/werkgever/plaatsingen");
        browser.awaitVisible(By.id("import-placements")).click();
        browser.awaitPage("/werkgever/plaatsingen/importeren");
        assertThat(browser.awaitVisible(By.id("import-header")).getText()).startsWith("employerName;kind;title;");
        browser.assertFullyAccessible();

        String start = LocalDate.now().plusWeeks(2).format(DUTCH_DATE);
        String title = "Medewerker bakkerij " + UUID.randomUUID().toString().substring(0, 8);
        Path wrong = Files.writeString(Files.createTempFile("plaatsingen", ".csv"), """
                employerName;kind;title;iscoCode;hoursPerWeek;startDate;places;municipalityCode
                Bakkerij De Korenaar;WORK_EXPERIENCE_PLACE;%s;7512;24;%s;2;GM0344
                Bakkerij De Korenaar;PAID_JOB;Chauffeur;8322;32;%s;1;GM0344
                Bakkerij De Korenaar;INTERNSHIP;Stagiair;7512;16;%s;0;GM0344
                """.formatted(title, start, LocalDate.now().minusDays(3).format(DUTCH_DATE), start));
        browser.awaitVisible(By.id("file")).sendKeys(wrong.toString());
        browser.awaitVisible(By.id("import")).click();
        List<String> problems = browser.awaitVisible(By.id("import-problems")).findElements(By.tagName("li")).stream()
                .map(WebElement::getText).toList();
        assertThat(problems).anyMatch(p -> p.startsWith("Regel 3, kolom startDate: "))
                .anyMatch(p -> p.startsWith("Regel 4, kolom places: "));
        browser.screenshot("the file's mistakes by line and column");
        browser.assertFullyAccessible();

        Path right = Files.writeString(Files.createTempFile("plaatsingen", ".csv"), """
                employerName;kind;title;iscoCode;hoursPerWeek;startDate;places;municipalityCode
                Bakkerij De Korenaar;WORK_EXPERIENCE_PLACE;%s;7512;24;%s;2;GM0344
                Bakkerij De Korenaar;PAID_JOB;Chauffeur;8322;32;%s;1;GM0344
                """.formatted(title, start, start));
        browser.awaitVisible(By.id("file")).sendKeys(right.toString());
        browser.awaitVisible(By.id("import")).click();
        browser.awaitPage("/werkgever/plaatsingen");
        assertThat(browser.awaitVisible(By.id("saved")).getText()).startsWith("De plaatsingen uit het bestand zijn gepubliceerd.");
        assertThat(browser.awaitVisible(By.tagName("main")).getText()).contains(title, "Chauffeur");
        browser.screenshot("the placements from the file are published");
        browser.assertFullyAccessible();
    }

    @Test
    void theWorkDeskSeesTheOpenPlacesOfItsRegionInDutchAndInEnglish() throws Exception {
        String employer = TestTokens.employer(kvk());
        post(employer, "GM0352", "7411", 3);
        post(employer, "GM0312", "7412", 1);

        browser.signInWith(named("Werkgeversservicepunt Midden-Utrecht", "work-desk", "region", "AM13"));
        browser.open(url("/")).awaitPage("/");
        browser.assertFullyAccessible();
        browser.awaitVisible(By.id("menu-open-places")).click();
        browser.awaitPage("/regios/AM13/open-plaatsen");
        assertThat(browser.awaitVisible(By.tagName("h1")).getText()).isEqualTo("Open plaatsen in Midden-Utrecht");
        assertThat(cells("municipality-GM0352")).containsExactly("Wijk bij Duurstede", "1", "3");
        assertThat(cells("municipality-GM0312")).containsExactly("Bunnik", "1", "1");
        assertThat(browser.awaitVisible(By.id("group-74")).getText()).startsWith("subgroep 74 – ");
        browser.screenshot("open places of Midden-Utrecht");
        browser.assertFullyAccessible();

        browser.open(url("/regios/AM13/open-plaatsen?lang=en")).awaitPage("/regios/AM13/open-plaatsen");
        assertThat(browser.awaitVisible(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(browser.awaitVisible(By.tagName("h1")).getText()).isEqualTo("Open places in Midden-Utrecht");
        assertThat(browser.awaitVisible(By.id("group-74")).getText()).startsWith("sub-major group 74 – ");
        browser.screenshot("open places of Midden-Utrecht in English");
        browser.assertFullyAccessible();

        browser.open(url("/regios/AM14/open-plaatsen")).awaitPage("/regios/AM14/open-plaatsen");
        assertThat(browser.awaitVisible(By.tagName("h1")).getText()).as("another region").isEqualTo("Not found");
    }

    private List<String> cells(String rowId) {
        return browser.awaitVisible(By.id(rowId)).findElements(By.cssSelector("th, td")).stream().map(WebElement::getText).toList();
    }

    /** A test token of one role in one scope, with a name for the page headers (as the identity provider gives). */
    private static String named(String name, String role, String scope, String value) {
        return TestTokens.token(Map.of("roles", List.of(role), scope, value, "name", name));
    }

    /** Brings an element into view, so the screenshot that follows shows it. */
    private static void scrollTo(WebElement element) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    }

    /** A candidate ready for placements, as trajectory publishes one: a gardener with some Dutch, for 32 hours. */
    private void publishCandidate(String pseudonym, String municipality) throws Exception {
        kafka.send(Topics.TRAJECTORY_CANDIDATE_PROFILES.name(), pseudonym, CandidateProfile.newBuilder()
                .setCandidatePseudonym(pseudonym).setIscoCodes(List.of("6113"))
                .setEducationLevel(new CandidateEducationLevel(IscedLevel.ISCED_2, null))
                .setLanguageLevels(List.of(new CandidateLanguageLevel("nl", CefrSkill.LISTENING, CefrLevel.A2)))
                .setAvailableHoursPerWeek(32).setMunicipalityCode(municipality).setLabourMarketRegionCode("AM13").build()).get();
    }

    private void post(String token, String municipality, String iscoCode, int places) throws Exception {
        HttpResponse<String> posted = send("POST", "/api/v1/placements", token, """
                {"employerName":"Installatiebedrijf Lek","kind":"PAID_JOB","title":"Monteur","iscoCode":"%s",
                 "hoursPerWeek":36,"startDate":"%s","places":%d,"municipalityCode":"%s"}""".formatted(iscoCode,
                LocalDate.now().plusWeeks(4), places, municipality));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
    }

    private HttpResponse<String> send(String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).header("Accept", "application/json")
                .header("Authorization", "Bearer " + token)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String kvk() {
        return "3" + (int) (Math.random() * 9_000_000 + 1_000_000);
    }

    private static String pseudonym() {
        return "employer-" + UUID.randomUUID().toString().replace("-", "").substring(0, 32).replaceAll("[0189]", "a");
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
