package nl.doorstroom.platform.test.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import com.sun.net.httpserver.HttpServer;

/** The browser extension against static pages served by the JDK's own HTTP server. */
class BrowserTest {

    @RegisterExtension
    static Browser browser = Browser.chromium();

    private static final String PAGE = """
            <!doctype html>
            <html lang="nl">
            <head><meta charset="utf-8"><title>Aanmelden</title></head>
            <body><main><h1>Aanmelden</h1><form>%s<button type="submit">Verstuur</button></form></main></body>
            </html>""";

    private static final Map<String, String> PAGES = Map.of(
            "/labelled", PAGE.formatted("<label for=\"naam\">Naam</label><input id=\"naam\" name=\"naam\">"),
            "/unlabelled", PAGE.formatted("<input id=\"naam\" name=\"naam\">"));

    private static final AtomicReference<String> acceptLanguage = new AtomicReference<>();
    private static HttpServer server;

    @BeforeAll
    static void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            acceptLanguage.set(exchange.getRequestHeaders().getFirst("Accept-Language"));
            String page = PAGES.get(exchange.getRequestURI().getPath());
            byte[] body = (page == null ? "" : page).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(page == null ? 404 : 200, body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @Test
    void opensAPageInDutchAndKeepsNumberedScreenshotsOfTheSteps() throws IOException {
        browser.open(url("/labelled")).awaitPage("/labelled");
        assertThat(browser.awaitVisible(By.cssSelector("label[for=naam]")).getText()).isEqualTo("Naam");
        assertThat(acceptLanguage.get()).startsWith("nl");

        Path first = browser.screenshot("Labelled page");
        browser.awaitVisible(By.id("naam")).sendKeys("Amina");
        Path second = browser.screenshot("name typed");

        Path dir = Path.of("target", "screenshots", "BrowserTest.opensAPageInDutchAndKeepsNumberedScreenshotsOfTheSteps");
        assertThat(first).isEqualTo(dir.resolve("01-labelled-page.png"));
        assertThat(second).isEqualTo(dir.resolve("02-name-typed.png"));
        byte[] png = Files.readAllBytes(second);
        assertThat(png).hasSizeGreaterThan(1000).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void aFormFieldWithoutALabelFailsTheAccessibilityCheckNamingRuleAndElement() {
        browser.open(url("/unlabelled")).awaitPage("/unlabelled");

        assertThatThrownBy(browser::assertAccessible).isInstanceOf(AssertionError.class)
                .hasMessageContaining("serious or critical accessibility violation")
                .hasMessageContaining("label (critical): Form elements must have labels")
                .hasMessageContaining("#naam");
    }

    @Test
    void aPageWithLabelledFieldsPassesTheAccessibilityCheck() {
        browser.open(url("/labelled")).awaitPage("/labelled").assertAccessible();

        assertThat(Axe.violations(browser.driver())).as("not even a minor violation").isEmpty();
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }
}
