package nl.doorstroom.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import nl.doorstroom.platform.test.browser.Browser;

/**
 * The warm handover as the municipality's case worker sees it, in a real browser: signed in at Keycloak with a demo
 * account, the person linked to Utrecht is in Utrecht's inbox and their dossier opens; another municipality's case
 * worker finds nothing. Every page passes the WCAG 2.1 AA check; the steps are kept as screenshots under
 * target/screenshots/. Each test has a browser of its own, so one sign-in per test.
 */
class HandoverPagesBrowserTest {

    @RegisterExtension
    static Browser browser = Browser.chromium();

    private static final String UTRECHT = "GM0344";
    private static final String AMERSFOORT = "GM0307";

    private static String trajectory;
    private static String personId;

    /** Registered in AZC Budel, interviewed, and linked to Utrecht through intake-service's API. */
    @BeforeAll
    static void aPersonLinkedToUtrecht() {
        personId = IntakeApi.linkedWithDossier("Noor", "Al-Khatib", UTRECHT);
        trajectory = RunningPlatform.service("trajectory-service").baseUrl();
    }

    @Test
    void utrechtsCaseWorkerFindsThePersonInTheInboxAndOpensTheDossier() {
        String inbox = "/gemeenten/" + UTRECHT + "/overdrachten";
        browser.signIn(trajectory + inbox, "utrecht", KeycloakServer.DEMO_PASSWORD);

        String personPage = "/gemeenten/" + UTRECHT + "/trajecten/" + personId;
        WebElement person = browser.awaitVisible(By.cssSelector("a[href$='" + personPage + "']"));
        assertThat(person.getText()).isEqualTo("Noor Al-Khatib");
        assertThat(browser.awaitVisible(By.tagName("h1")).getText()).contains("Utrecht");
        browser.screenshot("inbox");
        browser.assertAccessible();

        person.click();
        browser.awaitPage(personPage);
        String dossier = browser.awaitVisible(By.tagName("main")).getText();
        assertThat(dossier).contains("Overdrachtsdossier").contains("Noor").contains("Al-Khatib")
                .contains("AZC-BUDEL").contains("Elektricien");
        browser.screenshot("dossier");
        browser.assertAccessible();
    }

    @Test
    void amersfoortsCaseWorkerDoesNotFindUtrechtsDossier() {
        browser.signIn(trajectory + "/gemeenten/" + UTRECHT + "/overdrachten/" + personId, "amersfoort",
                KeycloakServer.DEMO_PASSWORD);

        assertThat(browser.awaitVisible(By.tagName("h1")).getText()).isEqualTo("Niet gevonden");
        assertThat(browser.driver().getTitle()).isEqualTo("Niet gevonden");
        assertThat(browser.awaitVisible(By.tagName("main")).getText()).doesNotContain("Al-Khatib");
        browser.screenshot("utrecht dossier not found");
        browser.assertAccessible();

        String ownInbox = "/gemeenten/" + AMERSFOORT + "/overdrachten";
        browser.open(trajectory + ownInbox).awaitPage(ownInbox);
        assertThat(browser.awaitVisible(By.tagName("h1")).getText()).contains("Amersfoort");
        assertThat(browser.driver().findElements(By.cssSelector("a[href*='" + personId + "']"))).isEmpty();
        browser.screenshot("own inbox without the person");
        browser.assertAccessible();
    }
}
