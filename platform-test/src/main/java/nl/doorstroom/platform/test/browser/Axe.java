package nl.doorstroom.platform.test.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core (the copy bundled in Deque's {@code com.deque.html.axe-core:selenium} jar) run in the page against the
 * WCAG 2.0 and 2.1 level A and AA rules, the level Dutch government sites must meet (DESIGN §7).
 */
final class Axe {

    static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private static final String SOURCE = source();

    private static final String RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
                .then(results => done(results.violations.map(v => ({
                    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                    targets: v.nodes.map(n => n.target.join(' '))}))))
                .catch(error => done({error: String(error)}));
            """;

    private Axe() {
    }

    /** One broken rule: its id, impact (minor, moderate, serious, critical), what it asks, and where it is broken. */
    record Violation(String id, String impact, String help, String helpUrl, List<String> targets) {

        boolean seriousOrWorse() {
            return "serious".equals(impact) || "critical".equals(impact);
        }

        @Override
        public String toString() {
            return "%s (%s): %s%n      %s%n      at %s".formatted(id, impact, help, helpUrl, String.join(", ", targets));
        }
    }

    /** Every WCAG 2.1 A/AA violation on the page the browser shows now. */
    @SuppressWarnings("unchecked")
    static List<Violation> violations(WebDriver driver) {
        JavascriptExecutor page = (JavascriptExecutor) driver;
        if (!Boolean.TRUE.equals(page.executeScript("return typeof axe !== 'undefined'"))) {
            page.executeScript(SOURCE);
        }
        Object result = page.executeAsyncScript(RUN, WCAG_21_AA);
        if (result instanceof Map<?, ?> failure) {
            throw new IllegalStateException("axe-core could not check the page: " + failure.get("error"));
        }
        List<Violation> violations = new ArrayList<>();
        for (Map<String, Object> v : (List<Map<String, Object>>) result) {
            violations.add(new Violation((String) v.get("id"), (String) v.get("impact"), (String) v.get("help"),
                    (String) v.get("helpUrl"), (List<String>) v.get("targets")));
        }
        return violations;
    }

    private static String source() {
        try (InputStream in = Axe.class.getResourceAsStream("/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is missing from the class path (com.deque.html.axe-core:selenium)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
