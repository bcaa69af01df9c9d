package nl.doorstroom.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import nl.doorstroom.platform.test.TestTokens;
import nl.doorstroom.platform.test.Timing;
import nl.doorstroom.platform.test.browser.Browser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Amsterdam's inbox with 5,000 people linked to it, seeded for real through intake-service's API (registration and
 * link, many calls at once), searched and paged in Chromium by the demo case worker signed in at Keycloak: every
 * page stays one page of rows, the search text never shows in a URL, and every state passes the WCAG 2.1 AA check.
 * Signing out ends the session at Keycloak too: the next page asks for a fresh sign-in. The time a page and a search
 * take with 5,000 people is printed as {@code MEASURED} lines.
 */
class InboxAtScaleBrowserTest {

    @RegisterExtension
    static Browser browser = Browser.chromium();

    private static final String AMSTERDAM = "GM0363";
    private static final int PEOPLE = Integer.getInteger("doorstroom.scale.people", 5000);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static String trajectory;
    private static String celik;
    private static int total;

    @BeforeAll
    static void fiveThousandPeopleLinkedToAmsterdam() throws Exception {
        trajectory = RunningPlatform.service("trajectory-service").baseUrl();
        IntakeApi intake = new IntakeApi(RunningPlatform.service("intake-service").baseUrl());
        int before = inbox().get("total").asInt();
        long start = System.nanoTime();
        List<Future<String>> linked = new ArrayList<>();
        try (ExecutorService callers = Executors.newFixedThreadPool(24)) {
            for (int i = 1; i <= PEOPLE; i++) {
                String given = i == PEOPLE / 2 ? "Zeynep" : "Persoon" + i;
                String family = i == PEOPLE / 2 ? "Çelik" : "Schaal" + (i % 97);
                linked.add(callers.submit(() -> {
                    IntakeApi.Registered person = intake.registerOnly(given, family, IntakeApi.vNumber());
                    intake.link(person.id(), AMSTERDAM, person.version());
                    return person.id();
                }));
            }
        }
        celik = linked.get(PEOPLE / 2 - 1).get();
        total = before + PEOPLE;
        Awaitility.await("all of them in Amsterdam's inbox").atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(1)).until(() -> inbox().get("total").asInt() == total);
        System.out.printf("MEASURED seeding: %d people registered and linked through the API in %d s%n", PEOPLE,
                Duration.ofNanos(System.nanoTime() - start).toSeconds());
        measureTheApi();
    }

    @Test
    void theCaseWorkerPagesAndSearchesFiveThousandPeopleAndSignsOut() {
        String inbox = "/gemeenten/" + AMSTERDAM + "/overdrachten";
        browser.signIn(trajectory + inbox, "amsterdam", KeycloakServer.DEMO_PASSWORD);
        assertThat(browser.awaitVisible(By.id("signed-in-organisation")).getText()).isEqualTo("Amsterdam");
        assertThat(browser.driver().findElement(By.id("signed-in-name")).getText()).isNotBlank().doesNotContain("-");
        assertThat(caption()).contains("rij 1 tot en met 25 van " + dutch(total));
        assertThat(rows()).hasSize(25);
        assertThat(browser.driver().findElement(By.cssSelector("#pager a[aria-current=page]")).getText()).isEqualTo("1");
        browser.screenshot("the first page of 5000");
        browser.assertAccessible();

        browser.driver().findElement(By.cssSelector("#pager a[aria-label='Pagina 2']")).click();
        browser.await("page 2", d -> d.getCurrentUrl().contains("page=2"));
        assertThat(caption()).contains("rij 26 tot en met 50 van " + dutch(total));
        assertThat(browser.driver().findElement(By.cssSelector("#pager a[aria-current=page]")).getText()).isEqualTo("2");
        browser.driver().findElement(By.id("pager-next")).click();
        browser.await("page 3", d -> d.getCurrentUrl().contains("page=3"));
        assertThat(caption()).contains("rij 51 tot en met 75 van " + dutch(total));

        new Select(browser.driver().findElement(By.id("pageSize"))).selectByValue("100");
        browser.driver().findElement(By.id("search-button")).click();
        browser.await("100 rows a page", d -> d.getCurrentUrl().contains("pageSize=100"));
        assertThat(rows()).hasSize(100);
        browser.assertAccessible();

        WebElement text = browser.driver().findElement(By.id("text"));
        text.clear();
        text.sendKeys("çelik");
        long searched = System.nanoTime();
        browser.driver().findElement(By.id("search-button")).click();
        browser.await("one person found", d -> rows().size() == 1);
        System.out.printf("MEASURED browser: search among %d people, click to result shown: %d ms%n", total,
                Duration.ofNanos(System.nanoTime() - searched).toMillis());
        assertThat(browser.driver().getCurrentUrl()).doesNotContainIgnoringCase("elik");
        assertThat(rows().getFirst().getText()).contains("Zeynep Çelik");
        assertThat(browser.driver().findElement(By.id("text")).getAttribute("value")).isEqualTo("çelik");
        browser.screenshot("searched by name");
        browser.assertAccessible();

        browser.driver().findElement(By.id("clear-button")).click();
        browser.await("the whole inbox again", d -> caption().contains("van " + dutch(total)));
        browser.open(trajectory + inbox + "?page=999999&pageSize=25").awaitPage(inbox);
        assertThat(browser.awaitVisible(By.id("beyond-end")).getText()).contains("Deze pagina bestaat niet");
        browser.assertAccessible();

        browser.driver().findElement(By.id("sign-out")).click();
        browser.await("Keycloak asks to sign in again", d -> atKeycloakSignIn());
        browser.screenshot("signed out: Keycloak asks to sign in");
        browser.open(trajectory + inbox);
        browser.await("a fresh sign-in, not a silent one", d -> atKeycloakSignIn());
    }

    /** Keycloak's login form, not a page of the service. */
    private static boolean atKeycloakSignIn() {
        URI now = URI.create(browser.driver().getCurrentUrl());
        return now.getPort() != URI.create(trajectory).getPort()
                && !browser.driver().findElements(By.id("username")).isEmpty();
    }

    /** A number as the Dutch page writes it (5.000). */
    private static String dutch(int number) {
        return String.format(Locale.forLanguageTag("nl"), "%,d", number);
    }

    private static String caption() {
        return browser.awaitVisible(By.cssSelector("#inbox caption")).getText();
    }

    private static List<WebElement> rows() {
        return browser.driver().findElements(By.cssSelector("#inbox tbody tr"));
    }

    /** The API's times for one page and for a search by name, with every person in the inbox, as the median of 5. */
    private static void measureTheApi() {
        String handovers = "/api/v1/municipalities/" + AMSTERDAM + "/handovers";
        System.out.printf("MEASURED api: page 1 of %d (25 rows): %d ms median; page 200: %d ms; search \"celik\": %d ms%n",
                total, Timing.medianMillis(InboxAtScaleBrowserTest::inbox),
                Timing.medianMillis(() -> get(handovers + "?page=200&pageSize=25")),
                Timing.medianMillis(() -> JSON.readTree(client().post().uri("/api/v1/municipalities/{code}/handover-searches", AMSTERDAM)
                        .header("Authorization", "Bearer " + TestTokens.caseWorker(AMSTERDAM))
                        .contentType(MediaType.APPLICATION_JSON).body("{\"text\":\"celik\"}")
                        .retrieve().body(String.class))));
        JsonNode found = JSON.readTree(client().post().uri("/api/v1/municipalities/{code}/handover-searches", AMSTERDAM)
                .header("Authorization", "Bearer " + TestTokens.caseWorker(AMSTERDAM))
                .contentType(MediaType.APPLICATION_JSON).body("{\"text\":\"celik\"}").retrieve().body(String.class));
        assertThat(found.get("total").asInt()).isEqualTo(1);
        assertThat(found.get("handovers").get(0).get("personId").asString()).isEqualTo(celik);
    }

    private static JsonNode inbox() {
        return get("/api/v1/municipalities/" + AMSTERDAM + "/handovers");
    }

    private static JsonNode get(String path) {
        return JSON.readTree(client().get().uri(path).header("Authorization", "Bearer " + TestTokens.caseWorker(AMSTERDAM))
                .retrieve().body(String.class));
    }

    private static RestClient client() {
        return IntakeApi.lenientClient(trajectory);
    }
}
