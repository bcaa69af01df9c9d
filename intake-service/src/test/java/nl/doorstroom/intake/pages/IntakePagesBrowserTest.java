package nl.doorstroom.intake.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

import nl.doorstroom.platform.test.DemoPrivacyKeys;
import nl.doorstroom.platform.test.TestTokens;
import nl.doorstroom.platform.test.browser.Browser;

/**
 * The intake pages in headless Chromium, checked with axe-core on every page and in the error state: an AZC employee
 * registers a person and records household, intake and consent; a COA placement officer links them. Signed in with
 * the test tokens (sent by the browser as a bearer token), so no identity provider is needed here; the system tests
 * sign in through Keycloak.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DemoPrivacyKeys
class IntakePagesBrowserTest {

    @RegisterExtension
    static Browser browser = Browser.chromium();

    @LocalServerPort
    int port;
    @Autowired
    StreamsBuilderFactoryBean streams;

    @BeforeEach
    void streamsRunning() {
        await("intake streams running").atMost(Duration.ofSeconds(60)).until(() -> {
            KafkaStreams kafkaStreams = streams.getKafkaStreams();
            return kafkaStreams != null && kafkaStreams.state() == KafkaStreams.State.RUNNING;
        });
    }

    @Test
    void anAzcEmployeeRegistersAndInterviewsAPersonAndAPlacementOfficerLinksThem() {
        browser.signInWith(TestTokens.azcStaff("AZC-BUDEL"));
        browser.open(url("/personen")).awaitPage("/personen");
        browser.screenshot("people at Budel");
        browser.assertAccessible();

        browser.awaitVisible(By.id("new-person")).click();
        browser.awaitPage("/personen/nieuw");
        browser.assertAccessible();
        browser.awaitVisible(By.id("save")).click();
        assertThat(browser.awaitVisible(By.id("error-summary")).getText()).contains("Voornamen: is verplicht");
        browser.screenshot("registration with mistakes");
        browser.assertAccessible();

        browser.type("personalDetails-givenNames", "Amina");
        browser.type("personalDetails-familyName", "Haddad");
        browser.type("personalDetails-dateOfBirth", "12-03-1994");
        browser.driver().findElement(By.id("personalDetails-sex-FEMALE")).click();
        browser.type("personalDetails-vNumber", IntakePagesIntegrationTest.randomVNumber());
        browser.choose("personalDetails-countryOfOrigin", "SY");
        browser.choose("personalDetails-languagesSpoken-0", "ar");
        browser.driver().findElement(By.id("personalDetails-literateInLatinScript-true")).click();
        browser.screenshot("registration filled in");
        browser.driver().findElement(By.id("save")).click();

        browser.await("the household step", d -> d.getCurrentUrl().endsWith("/huishouden"));
        String personPath = browser.driver().getCurrentUrl().replaceAll("^https?://[^/]+", "").replace("/huishouden", "");
        browser.assertAccessible();
        browser.driver().findElement(By.id("partner-inNetherlands-false")).click();
        browser.type("children-0-birthYear", "2016");
        browser.choose("children-0-inNetherlands", "true");
        browser.choose("expectedFamilyMembers-0-relationship", "PARTNER");
        browser.type("expectedFamilyMembers-0-birthYear", "1991");
        browser.screenshot("household");
        browser.driver().findElement(By.id("save")).click();

        browser.awaitPage(personPath + "/intake");
        browser.assertAccessible();
        browser.choose("education-iscedLevel", "ISCED_3");
        browser.choose("education-dutchComparableLevel", "MBO_4");
        browser.type("workExperience-0-jobTitle", "Elektricien");
        browser.type("workExperience-0-iscoCode", "7411");
        browser.type("workExperience-0-years", "6");
        browser.choose("cefr-nl-LISTENING", "A2");
        browser.choose("cefr-en-READING", "B1");
        browser.type("availability-hoursPerWeek", "32");
        browser.screenshot("early intake");
        browser.driver().findElement(By.id("save")).click();

        browser.awaitPage(personPath + "/toestemming");
        browser.assertAccessible();
        browser.driver().findElement(By.id("decision-GIVEN")).click();
        browser.screenshot("consent");
        browser.driver().findElement(By.id("save")).click();

        browser.awaitPage(personPath);
        assertThat(browser.awaitVisible(By.id("intake-complete")).getText()).isEqualTo("De intake is compleet.");
        browser.screenshot("person page");
        browser.assertAccessible();

        browser.signInWith(TestTokens.coaPlacementOfficer());
        browser.open(url(personPath)).awaitPage(personPath);
        browser.awaitVisible(By.id("link-municipality")).click();
        browser.awaitPage(personPath + "/koppeling");
        browser.assertAccessible();
        browser.type("municipalityCode", "GM0344");
        browser.type("permitDate", LocalDate.now().minusDays(14).format(DateTimeFormatter.ofPattern("dd-MM-yyyy")));
        browser.screenshot("link to Utrecht");
        browser.driver().findElement(By.id("save")).click();

        browser.awaitPage(personPath);
        assertThat(browser.awaitVisible(By.id("versions")).getText()).contains("Gekoppeld aan gemeente: Utrecht");
        browser.screenshot("person page with the link");
        browser.assertAccessible();

        browser.open(url(personPath + "?lang=en")).awaitPage(personPath);
        assertThat(browser.awaitVisible(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(browser.awaitVisible(By.id("versions")).getText()).contains("Linked to a municipality: Utrecht");
        browser.screenshot("person page in English");
        browser.assertAccessible();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
