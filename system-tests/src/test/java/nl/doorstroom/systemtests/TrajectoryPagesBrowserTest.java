package nl.doorstroom.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import nl.doorstroom.platform.test.browser.Browser;

/**
 * The case worker's trajectory pages in a real browser, signed in at Keycloak as Utrecht's demo case worker: a new
 * arrival accepted from the inbox, the brede intake and the PIP recorded, and a language course and a work-experience
 * place planned through the forms so that they overlap; the timeline shows them in their two lanes with the warning that
 * the hours exceed the availability. Every page and the error state pass the WCAG 2.1 AA check; each step is kept as a
 * screenshot under target/screenshots/.
 */
class TrajectoryPagesBrowserTest {

    @RegisterExtension
    static Browser browser = Browser.chromium();

    private static final String UTRECHT = "GM0344";
    private static final DateTimeFormatter DUTCH = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private static String trajectory;
    private static String personId;

    /** Registered in AZC Budel with an early intake (32 hours a week available), linked to Utrecht. */
    @BeforeAll
    static void aPersonLinkedToUtrecht() {
        personId = IntakeApi.linkedWithDossier("Yara", "Mansour", UTRECHT);
        trajectory = RunningPlatform.service("trajectory-service").baseUrl();
    }

    @Test
    void theCaseWorkerAcceptsANewArrivalAndPlansLanguageAndWorkSideBySide() {
        String inbox = "/gemeenten/" + UTRECHT + "/overdrachten";
        String page = "/gemeenten/" + UTRECHT + "/trajecten/" + personId;
        LocalDate today = LocalDate.now();
        browser.signIn(trajectory + inbox, "utrecht", KeycloakServer.DEMO_PASSWORD);

        WebElement accept = browser.awaitVisible(By.id("accept-" + personId));
        assertThat(row(personId).getText()).contains("Yara Mansour", "nieuw", "Overdracht nog niet geaccepteerd");
        browser.screenshot("inbox with a new arrival");
        browser.assertAccessible();
        accept.click();
        browser.awaitPage(inbox);
        assertThat(browser.awaitVisible(By.cssSelector("[role=status]")).getText()).isEqualTo("De overdracht is geaccepteerd.");
        assertThat(row(personId).getText()).contains("Geaccepteerd").doesNotContain("nieuw");
        browser.screenshot("inbox after accepting");
        browser.assertAccessible();

        browser.driver().findElement(By.cssSelector("a[href$='" + page + "']")).click();
        browser.awaitPage(page);
        assertThat(browser.awaitVisible(By.tagName("h1")).getText()).isEqualTo("Yara Mansour");
        browser.screenshot("person page");
        browser.assertAccessible();

        browser.driver().findElement(By.linkText("Brede intake vastleggen")).click();
        browser.awaitPage(page + "/brede-intake");
        browser.type("date", "31-02-" + today.getYear());
        browser.driver().findElement(By.id("record-brede-intake")).click();
        WebElement summary = browser.awaitVisible(By.cssSelector(".error-summary"));
        assertThat(summary.getText()).contains("Datum van de brede intake: vul een bestaande datum in",
                "Uitkomst van de leerbaarheidstoets: vul dit veld in");
        assertThat(browser.driver().findElement(By.id("date")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.driver().findElement(By.id("date")).getAttribute("value")).isEqualTo("31-02-" + today.getYear());
        browser.screenshot("brede intake with errors");
        browser.assertAccessible();
        browser.type("date", DUTCH.format(today.minusDays(14)));
        browser.choose("learnabilityTestOutcome", "B1_ATTAINABLE");
        browser.type("workFindings", "Elektricien, tien jaar ervaring");
        browser.driver().findElement(By.id("record-brede-intake")).click();
        browser.awaitPage(page);

        browser.open(trajectory + page + "/plan").awaitPage(page + "/plan");
        browser.choose("learningRoute", "B1_ROUTE");
        browser.type("adoptedOn", today.minusDays(7).toString());
        browser.screenshot("PIP form");
        browser.assertAccessible();
        browser.driver().findElement(By.id("adopt-plan")).click();
        browser.awaitPage(page);

        planActivity(page, Map.of("kind", "LANGUAGE_COURSE", "plannedStart", DUTCH.format(today.plusDays(7)),
                "plannedEnd", DUTCH.format(today.plusMonths(10)), "hoursPerWeek", "16", "provider", "Taalschool Utrecht"));
        planActivity(page, Map.of("kind", "WORK_EXPERIENCE_PLACE", "plannedStart", DUTCH.format(today.plusMonths(1)),
                "plannedEnd", DUTCH.format(today.plusMonths(6)), "hoursPerWeek", "20", "provider", "Werkbedrijf Utrecht"));

        assertThat(browser.awaitVisible(By.id("lane-language")).getText()).contains("Taalcursus").doesNotContain("Werkervaringsplek");
        assertThat(browser.awaitVisible(By.id("lane-work")).getText()).contains("Werkervaringsplek").doesNotContain("Taalcursus");
        assertThat(browser.awaitVisible(By.id("dual-trajectory")).getText()).contains("Duaal traject");
        WebElement warning = browser.awaitVisible(By.id("hours-warning"));
        assertThat(warning.getAttribute("role")).isEqualTo("alert");
        assertThat(warning.getText()).contains("36 uur per week gepland, 32 uur per week beschikbaar");
        assertThat(browser.awaitVisible(By.id("integration-deadline")).getText())
                .isEqualTo(DUTCH.format(today.minusDays(7).plusYears(3)));
        assertThat(browser.awaitVisible(By.id("activities")).getText()).contains("Taalschool Utrecht", "Werkbedrijf Utrecht");
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView()", warning);
        browser.screenshot("timeline with two lanes and the hours warning");
        browser.assertAccessible();

        browser.open(trajectory + page + "?lang=en").awaitPage(page);
        assertThat(browser.awaitVisible(By.id("hours-warning")).getText()).contains("Warning: more hours planned than available");
        browser.screenshot("timeline in English");
        browser.assertAccessible();
        browser.open(trajectory + page + "?lang=nl").awaitPage(page);
    }

    private static void planActivity(String page, Map<String, String> fields) {
        browser.open(trajectory + page + "/activiteiten/nieuw").awaitPage(page + "/activiteiten/nieuw");
        browser.choose("kind", fields.get("kind"));
        fields.forEach((field, value) -> {
            if (!field.equals("kind")) {
                browser.type(field, value);
            }
        });
        browser.screenshot("plan " + fields.get("kind"));
        browser.assertAccessible();
        browser.driver().findElement(By.id("plan-activity")).click();
        browser.awaitPage(page);
        assertThat(browser.awaitVisible(By.cssSelector("[role=status]")).getText()).isEqualTo("De activiteit is gepland.");
    }

    private static WebElement row(String person) {
        return browser.driver().findElement(By.xpath("//a[contains(@href, '" + person + "')]/ancestor::tr"));
    }
}
