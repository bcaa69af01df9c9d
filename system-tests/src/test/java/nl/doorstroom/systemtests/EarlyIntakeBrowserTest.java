package nl.doorstroom.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import nl.doorstroom.platform.test.browser.Browser;

/**
 * The early intake from the AZC to the municipality's inbox, in a real browser with the demo accounts signed in at
 * Keycloak: an AZC employee in Budel registers a person, records the household with a partner expected through family
 * reunification, the intake and the consent; COA's placement officer links the person to Utrecht; the partner arrives
 * as a nareiziger and is registered against the anchor person; Utrecht's case worker then finds both dossiers in the
 * inbox. Every page passes axe-core's WCAG 2.1 AA check; each step is kept under target/screenshots/.
 */
class EarlyIntakeBrowserTest {

    @RegisterExtension
    static Browser browser = Browser.chromium();

    private static final DateTimeFormatter DUTCH_DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    @Test
    void fromRegistrationInTheAzcToTheDossierInTheMunicipalitysInbox() {
        String intake = RunningPlatform.service("intake-service").baseUrl();
        String anchorVNumber = randomVNumber();

        browser.signIn(intake + "/personen", "azc-budel", KeycloakServer.DEMO_PASSWORD);
        browser.screenshot("people at Budel");
        browser.assertAccessible();

        browser.awaitVisible(By.id("new-person")).click();
        browser.awaitPage("/personen/nieuw");
        browser.assertAccessible();
        browser.type("personalDetails-givenNames", "Amina");
        browser.type("personalDetails-familyName", "Haddad");
        browser.type("personalDetails-dateOfBirth", "12-03-1994");
        click("personalDetails-sex-FEMALE");
        browser.type("personalDetails-vNumber", anchorVNumber);
        browser.type("personalDetails-bsn", "999996708");
        browser.choose("personalDetails-countryOfOrigin", "SY");
        browser.choose("personalDetails-languagesSpoken-0", "ar");
        click("personalDetails-literateInLatinScript-true");
        browser.screenshot("registration");
        click("save");

        browser.await("the household step", d -> d.getCurrentUrl().endsWith("/huishouden"));
        String person = URI.create(browser.driver().getCurrentUrl()).getPath().replace("/huishouden", "");
        browser.assertAccessible();
        click("partner-inNetherlands-false");
        browser.type("children-0-birthYear", "2016");
        browser.choose("children-0-inNetherlands", "true");
        browser.choose("expectedFamilyMembers-0-relationship", "PARTNER");
        browser.type("expectedFamilyMembers-0-birthYear", "1991");
        browser.screenshot("household with the partner expected as nareiziger");
        click("save");

        browser.awaitPage(person + "/intake");
        browser.assertAccessible();
        browser.choose("education-iscedLevel", "ISCED_6");
        browser.choose("education-dutchComparableLevel", "BACHELOR");
        browser.type("education-yearsOfSchooling", "16");
        browser.type("workExperience-0-jobTitle", "Elektrotechnisch ingenieur");
        browser.type("workExperience-0-iscoCode", "2151");
        browser.type("workExperience-0-years", "6");
        browser.choose("cefr-nl-LISTENING", "A2");
        browser.choose("cefr-nl-READING", "A2");
        browser.choose("cefr-en-READING", "B2");
        browser.type("availability-hoursPerWeek", "32");
        browser.screenshot("early intake");
        click("save");

        browser.awaitPage(person + "/toestemming");
        browser.assertAccessible();
        click("decision-GIVEN");
        browser.screenshot("consent to share a profile with employers");
        click("save");

        browser.awaitPage(person);
        assertThat(browser.awaitVisible(By.id("intake-complete")).getText()).isEqualTo("De intake is compleet.");
        assertThat(browser.awaitVisible(By.tagName("main")).getText()).contains("2016 (in Nederland)")
                .contains("Elektrotechnisch ingenieur").contains("999996708");
        browser.screenshot("person page with the complete intake");
        browser.assertAccessible();

        browser.open(intake + "/personen").awaitPage("/personen");
        browser.choose("nareizigerExpected", "true");
        browser.type("text", anchorVNumber);
        click("search-button");
        assertThat(browser.awaitVisible(By.id("persons")).getText()).contains("Haddad, Amina");
        browser.screenshot("found among the people expecting a nareiziger");
        browser.assertAccessible();

        signOut();
        browser.signIn(intake + person, "coa-plaatsing", KeycloakServer.DEMO_PASSWORD);
        click("link-municipality");
        browser.awaitPage(person + "/koppeling");
        browser.assertAccessible();
        browser.type("municipalityCode", "GM0344");
        browser.type("permitDate", LocalDate.now().minusDays(14).format(DUTCH_DATE));
        browser.screenshot("COA links the person to Utrecht");
        click("save");
        browser.awaitPage(person);
        assertThat(browser.awaitVisible(By.id("versions")).getText()).contains("Gekoppeld aan gemeente: Utrecht");
        browser.screenshot("person page with the link and its timeline");
        browser.assertAccessible();

        signOut();
        browser.signIn(intake + "/personen/nieuw", "azc-budel", KeycloakServer.DEMO_PASSWORD);
        browser.type("personalDetails-givenNames", "Karim");
        browser.type("personalDetails-familyName", "Haddad");
        browser.type("personalDetails-dateOfBirth", "02-07-1991");
        click("personalDetails-sex-MALE");
        browser.type("personalDetails-vNumber", randomVNumber());
        browser.choose("personalDetails-countryOfOrigin", "SY");
        browser.choose("personalDetails-languagesSpoken-0", "ar");
        click("personalDetails-literateInLatinScript-true");
        browser.type("familyReunification-anchorVNumber", anchorVNumber);
        browser.choose("familyReunification-relationship", "PARTNER");
        browser.type("familyReunification-permitDate", LocalDate.now().minusDays(3).format(DUTCH_DATE));
        browser.screenshot("the partner arrives as nareiziger");
        click("save");
        browser.await("the nareiziger's household step", d -> d.getCurrentUrl().endsWith("/huishouden"));
        String nareiziger = URI.create(browser.driver().getCurrentUrl()).getPath().replace("/huishouden", "");
        browser.open(intake + nareiziger).awaitPage(nareiziger);
        assertThat(browser.awaitVisible(By.tagName("main")).getText()).contains("Utrecht");
        browser.screenshot("the nareiziger follows the family to Utrecht");
        browser.assertAccessible();

        signOut();
        String trajectory = RunningPlatform.service("trajectory-service").baseUrl();
        String inbox = "/gemeenten/GM0344/overdrachten";
        browser.signIn(trajectory + inbox, "utrecht", KeycloakServer.DEMO_PASSWORD);
        String personId = person.substring(person.lastIndexOf('/') + 1);
        String nareizigerId = nareiziger.substring(nareiziger.lastIndexOf('/') + 1);
        WebElement dossier = browser.await("both in Utrecht's inbox", d -> {
            d.navigate().refresh();
            return d.findElements(By.cssSelector("a[href$='" + nareizigerId + "']")).isEmpty() ? null
                    : d.findElements(By.cssSelector("a[href$='" + personId + "']")).stream().findFirst().orElse(null);
        });
        browser.screenshot("Utrecht's inbox with the person and the nareiziger");
        browser.assertAccessible();
        dossier.click();
        browser.awaitPage("/gemeenten/GM0344/trajecten/" + personId);
        assertThat(browser.awaitVisible(By.tagName("main")).getText())
                .contains("Amina").contains("Haddad").contains("AZC-BUDEL").contains("Elektrotechnisch ingenieur");
        browser.screenshot("the dossier in Utrecht");
        browser.assertAccessible();
    }

    /** Forgets every session (the services' and Keycloak's), so that the next sign-in is another demo account. */
    private static void signOut() {
        ((ChromeDriver) browser.driver()).executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    private static String randomVNumber() {
        return "%010d".formatted(Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 10_000_000_000L));
    }

    private static void click(String id) {
        browser.awaitVisible(By.id(id)).click();
    }
}
