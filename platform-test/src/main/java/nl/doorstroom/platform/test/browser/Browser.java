package nl.doorstroom.platform.test.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * A real headless Chromium for one test at a time, as a JUnit extension:
 * <pre>{@code
 * @RegisterExtension
 * static Browser browser = Browser.chromium();
 * }</pre>
 * Every test gets a fresh browser with a fresh profile (no cookies: one sign-in per test), in Dutch unless another
 * locale is given. Steps can be kept as screenshots in {@code target/screenshots/<TestClass.method>/}, and a failing
 * test leaves one of the page it failed on. Without Chromium the tests are skipped with a message, unless
 * {@code DOORSTROOM_BROWSER_TESTS=required} (CI), where they fail.
 */
public final class Browser implements ExecutionCondition, BeforeEachCallback, AfterEachCallback, TestExecutionExceptionHandler {

    /** Dutch: the pages' default language (DESIGN §7). */
    public static final Locale DUTCH = Locale.forLanguageTag("nl-NL");

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Path PROFILES = Path.of("target", "chromium-profiles");

    private final Locale locale;
    private WebDriver driver;
    private Path profile;
    private String testName;
    private int steps;

    private Browser(Locale locale) {
        this.locale = locale;
    }

    public static Browser chromium() {
        return chromium(DUTCH);
    }

    public static Browser chromium(Locale locale) {
        return new Browser(locale);
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Chromium.installed().isPresent() || Chromium.required()) {
            return ConditionEvaluationResult.enabled("Chromium is installed, or required");
        }
        return ConditionEvaluationResult.disabled(Chromium.missingMessage());
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        Chromium chromium = Chromium.installed().orElseThrow(() -> new IllegalStateException(Chromium.missingMessage()));
        testName = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
        steps = 0;
        profile = Files.createDirectories(PROFILES.resolve(UUID.randomUUID().toString()));
        driver = new ChromeDriver(chromium.service(), chromium.options(locale, profile));
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        if (driver != null) {
            try {
                screenshot("failure");
            } catch (RuntimeException screenshotFailed) {
                failure.addSuppressed(screenshotFailed);
            }
        }
        throw failure;
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
            profile = null;
        }
    }

    /** The WebDriver, for what this class does not offer. */
    public WebDriver driver() {
        if (driver == null) {
            throw new IllegalStateException("The browser runs only during a test (register Browser with @RegisterExtension)");
        }
        return driver;
    }

    public Browser open(String url) {
        driver().get(url);
        return this;
    }

    /** Waits until the browser shows the page at {@code path} (query and fragment aside), fully loaded. */
    public Browser awaitPage(String path) {
        await("the page " + path, d -> path.equals(URI.create(d.getCurrentUrl()).getPath()) && loaded(d));
        return this;
    }

    /** Waits until an element matching {@code by} is visible, and returns it. */
    public WebElement awaitVisible(By by) {
        return await("a visible " + by, d -> d.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    /** Replaces the text of the visible field with this id. */
    public Browser type(String id, String text) {
        WebElement field = awaitVisible(By.id(id));
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /** Selects the option with this value in the visible select with this id. */
    public Browser choose(String id, String value) {
        new Select(awaitVisible(By.id(id))).selectByValue(value);
        return this;
    }

    /** Sends the token with every request from now on, as a proxy in front of the service would. */
    public Browser signInWith(String token) {
        ChromeDriver chrome = (ChromeDriver) driver();
        chrome.executeCdpCommand("Network.enable", Map.of());
        chrome.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Authorization", "Bearer " + token)));
        return this;
    }

    /**
     * Waits until {@code condition} gives something other than {@code null} or {@code false}, and returns that; fails
     * after a deadline with the description and the page the browser was on.
     */
    public <T> T await(String description, Function<WebDriver, T> condition) {
        WebDriver current = driver();
        try {
            return Awaitility.await(description).atMost(TIMEOUT).pollInterval(Duration.ofMillis(100))
                    .ignoreExceptionsInstanceOf(WebDriverException.class)
                    .until(() -> condition.apply(current), value -> value != null && !Boolean.FALSE.equals(value));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("Waited " + TIMEOUT.toSeconds() + " s for " + description + "; the browser is at "
                    + current.getCurrentUrl() + " (\"" + current.getTitle() + "\")", e);
        }
    }

    /**
     * Signs in through the identity provider (Keycloak's login form): opens {@code pageUrl}, is sent to the login
     * form, fills it in (kept as a screenshot step), and returns once the browser is back on that page of the
     * application.
     */
    public Browser signIn(String pageUrl, String user, String password) {
        open(pageUrl);
        WebElement username = awaitVisible(By.id("username"));
        username.clear();
        username.sendKeys(user);
        driver().findElement(By.id("password")).sendKeys(password);
        screenshot("sign in as " + user);
        driver().findElement(By.id("kc-login")).click();
        URI page = URI.create(pageUrl);
        await("back on " + pageUrl + " signed in as " + user, d -> {
            URI now = URI.create(d.getCurrentUrl());
            return page.getAuthority().equals(now.getAuthority()) && page.getPath().equals(now.getPath()) && loaded(d);
        });
        return this;
    }

    /**
     * Keeps what the browser shows as {@code target/screenshots/<TestClass.method>/<nn>-<step>.png}, numbered in the
     * order of the test's steps.
     */
    public Path screenshot(String step) {
        byte[] png = ((TakesScreenshot) driver()).getScreenshotAs(OutputType.BYTES);
        String name = "%02d-%s.png".formatted(++steps, step.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
        Path file = SCREENSHOTS.resolve(testName).resolve(name);
        try {
            Files.createDirectories(file.getParent());
            return Files.write(file, png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Checks the page with axe-core against WCAG 2.1 A and AA, and fails listing every serious or critical
     * violation: the rule, what it asks, and the elements that break it.
     */
    public Browser assertAccessible() {
        return assertNoViolations(Axe.Violation::seriousOrWorse, "serious or critical ");
    }

    /** As {@link #assertAccessible()}, but every violation fails, minor and moderate ones too: a page that is clean. */
    public Browser assertFullyAccessible() {
        return assertNoViolations(violation -> true, "");
    }

    private Browser assertNoViolations(Predicate<Axe.Violation> failing, String kind) {
        List<Axe.Violation> violations = Axe.violations(driver()).stream().filter(failing).toList();
        if (!violations.isEmpty()) {
            throw new AssertionError("%d %saccessibility violation(s) on %s:%n%s".formatted(
                    violations.size(), kind, driver().getCurrentUrl(),
                    violations.stream().map(v -> "  - " + v).collect(Collectors.joining(System.lineSeparator()))));
        }
        return this;
    }

    private static boolean loaded(WebDriver driver) {
        return "complete".equals(((JavascriptExecutor) driver).executeScript("return document.readyState"));
    }
}
