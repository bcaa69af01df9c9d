package nl.doorstroom.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import nl.doorstroom.platform.test.browser.Browser;

/**
 * employer-service's pages signed in at Keycloak with the demo accounts, so the roles and scopes come from the local
 * realm's ID tokens: the regional work desk of Midden-Utrecht ({@code wsp-midden-utrecht}) sees the open places of its
 * region and no other; employer A ({@code werkgever-a}) posts a placement through the form of its session. The pages
 * themselves are tested in depth by employer-service's EmployerPagesBrowserTest.
 */
class EmployerPagesSignInBrowserTest {

    @RegisterExtension
    static Browser browser = Browser.chromium();

    @Test
    void theWorkDeskSignsInAndSeesTheOpenPlacesOfItsOwnRegionOnly() {
        String employer = RunningPlatform.service("employer-service").baseUrl();
        browser.signIn(employer + "/regios/AM13/open-plaatsen", "wsp-midden-utrecht", KeycloakServer.DEMO_PASSWORD);

        assertThat(browser.awaitVisible(By.tagName("h1")).getText()).isEqualTo("Open plaatsen in Midden-Utrecht");
        assertThat(browser.awaitVisible(By.id("signed-in-organisation")).getText()).isEqualTo("Midden-Utrecht");
        assertThat(browser.awaitVisible(By.id("municipality-GM0344")).getText()).startsWith("Utrecht");
        browser.screenshot("the work desk of Midden-Utrecht");
        browser.assertAccessible();

        browser.open(employer + "/regios/AM14/open-plaatsen").awaitPage("/regios/AM14/open-plaatsen");
        assertThat(browser.awaitVisible(By.tagName("h1")).getText()).as("another region").isEqualTo("Niet gevonden");
    }

    @Test
    void anEmployerSignsInAndPostsAPlacementThroughTheForm() {
        String employer = RunningPlatform.service("employer-service").baseUrl();
        browser.signIn(employer + "/werkgever/plaatsingen/nieuw", "werkgever-a", KeycloakServer.DEMO_PASSWORD);
        assertThat(browser.awaitVisible(By.id("signed-in-organisation")).getText()).isEqualTo("KvK 12345678");

        String title = "Medewerker bakkerij " + UUID.randomUUID().toString().substring(0, 8);
        browser.type("employerName", "Bakkerij De Korenaar");
        browser.driver().findElement(By.id("kind-LEARN_WORK_PLACE")).click();
        browser.type("title", title);
        browser.type("iscoCode", "7512");
        new Select(browser.awaitVisible(By.id("minimumLanguageLevels-0-skill"))).selectByValue("SPOKEN_INTERACTION");
        new Select(browser.awaitVisible(By.id("minimumLanguageLevels-0-level"))).selectByValue("A1");
        browser.type("hoursPerWeek", "20");
        browser.type("startDate", LocalDate.now().plusWeeks(2).format(DateTimeFormatter.ofPattern("dd-MM-yyyy")));
        browser.type("places", "1");
        browser.type("municipalityCode", "Utrecht");
        browser.screenshot("a placement of employer A");
        browser.driver().findElement(By.id("save")).click();

        browser.await("the placement's page", d -> d.getCurrentUrl().matches(".*/werkgever/plaatsingen/[0-9a-f-]{36}"));
        assertThat(browser.awaitVisible(By.tagName("h1")).getText()).isEqualTo(title);
        assertThat(browser.awaitVisible(By.id("placement-facts")).getText()).contains("Leerwerkplek", "Gesprekken voeren: A1");
        browser.screenshot("posted in the employer's session");
        browser.assertAccessible();
    }
}
