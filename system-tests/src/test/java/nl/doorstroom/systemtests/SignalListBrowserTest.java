package nl.doorstroom.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import nl.doorstroom.platform.test.browser.Browser;

/**
 * The signal list and a move in a real browser, signed in at Keycloak as Utrecht's demo case worker: from the inbox to
 * the signal list and back, then the move form with the municipality picker, first with an error and then moving the
 * person to Amersfoort; Utrecht is sent to its inbox with the confirmation and no longer finds the person, and
 * Amersfoort's demo case worker, signed in afresh, sees the person arrive with "verhuisd uit Utrecht". Every page and
 * the error state pass the WCAG 2.1 AA check; each step is kept as a screenshot under target/screenshots/.
 * <p>
 * A link is recorded when it happens, so the platform cannot show a link older than the signal period here; the list
 * with signalled people (nareizigers counted and filtered) is covered by trajectory-service's TrajectoryPagesIntegrationTest.
 */
class SignalListBrowserTest {

    @RegisterExtension
    static Browser browser = Browser.chromium();

    private static final String UTRECHT = "GM0344";
    private static final String AMERSFOORT = "GM0307";
    private static final DateTimeFormatter DUTCH = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private static String trajectory;
    private static String personId;

    /** Registered in AZC Budel with an early intake, linked to Utrecht. */
    @BeforeAll
    static void aPersonLinkedToUtrecht() {
        personId = IntakeApi.linkedWithDossier("Nadia", "Saleh", UTRECHT);
        trajectory = RunningPlatform.service("trajectory-service").baseUrl();
    }

    @Test
    void theCaseWorkerSeesTheSignalListAndMovesAPersonToAmersfoort() {
        String inbox = "/gemeenten/" + UTRECHT + "/overdrachten";
        String signals = "/gemeenten/" + UTRECHT + "/signalen";
        String page = "/gemeenten/" + UTRECHT + "/trajecten/" + personId;
        browser.signIn(trajectory + inbox, "utrecht", KeycloakServer.DEMO_PASSWORD);

        browser.awaitVisible(By.id("to-signals")).click();
        browser.awaitPage(signals);
        assertThat(browser.awaitVisible(By.tagName("h1")).getText()).isEqualTo("Signaleringslijst van gemeente Utrecht");
        assertThat(browser.awaitVisible(By.id("threshold")).getText()).contains("langer dan 4 weken");
        assertThat(browser.awaitVisible(By.cssSelector("label[for=nareiziger]")).getText()).isEqualTo("Nareizigers");
        assertThat(browser.awaitVisible(By.id("persons-empty")).getText()).contains("Er wacht niemand");
        assertThat(browser.driver().findElement(By.tagName("main")).getText()).doesNotContain("Nadia Saleh");
        browser.screenshot("signal list");
        browser.assertAccessible();
        browser.awaitVisible(By.id("to-inbox")).click();
        browser.awaitPage(inbox);

        browser.open(trajectory + page).awaitPage(page);
        browser.awaitVisible(By.id("to-move")).click();
        browser.awaitPage(page + "/verhuizing");
        assertThat(browser.awaitVisible(By.id("toMunicipalityCode")).getAttribute("list")).isEqualTo("toMunicipalityCode-options");
        assertThat(browser.driver().findElements(By.cssSelector("#toMunicipalityCode-options option"))).hasSize(342);
        type("toMunicipalityCode", "Atlantis");
        browser.driver().findElement(By.id("move")).click();
        WebElement summary = browser.awaitVisible(By.cssSelector(".error-summary"));
        assertThat(summary.getText()).contains("Nieuwe gemeente: is geen bestaande gemeentecode",
                "Verhuisdatum: vul dit veld in");
        assertThat(browser.driver().findElement(By.id("toMunicipalityCode")).getAttribute("value")).isEqualTo("Atlantis");
        assertThat(browser.driver().findElement(By.id("toMunicipalityCode")).getAttribute("aria-invalid")).isEqualTo("true");
        browser.screenshot("move form with errors");
        browser.assertAccessible();

        type("toMunicipalityCode", AMERSFOORT);
        type("moveDate", DUTCH.format(LocalDate.now()));
        browser.screenshot("move form");
        browser.assertAccessible();
        browser.driver().findElement(By.id("move")).click();
        browser.awaitPage(inbox);
        assertThat(browser.awaitVisible(By.id("moved")).getText())
                .isEqualTo("Nadia Saleh is verhuisd naar Amersfoort; het dossier staat nu in hun inbox.");
        assertThat(browser.driver().findElements(By.cssSelector("a[href$='" + page + "']"))).isEmpty();
        browser.screenshot("Utrecht's inbox after the move");
        browser.assertAccessible();
        browser.open(trajectory + page).awaitPage(page);
        assertThat(browser.awaitVisible(By.tagName("h1")).getText()).isEqualTo("Niet gevonden");

        ((ChromeDriver) browser.driver()).executeCdpCommand("Network.clearBrowserCookies", Map.of());
        String amersfoortInbox = "/gemeenten/" + AMERSFOORT + "/overdrachten";
        browser.signIn(trajectory + amersfoortInbox, "amersfoort", KeycloakServer.DEMO_PASSWORD);
        WebElement row = browser.awaitVisible(By.xpath("//a[contains(@href, '" + personId + "')]/ancestor::tr"));
        assertThat(row.getText()).contains("Nadia Saleh", "nieuw", "verhuisd uit Utrecht op " + DUTCH.format(LocalDate.now()));
        browser.screenshot("Amersfoort's inbox with the person who moved in");
        browser.assertAccessible();
    }

    private static void type(String id, String text) {
        WebElement field = browser.awaitVisible(By.id(id));
        field.clear();
        // Tab closes the picker's suggestions, so that they cannot take the next click
        field.sendKeys(text, Keys.TAB);
    }
}
