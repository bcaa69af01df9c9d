package nl.doorstroom.platform.test.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The machine's Chromium and its driver (Debian's {@code chromium} and {@code chromium-driver}, which {@code .ci/run}
 * installs), and the headless options of DESIGN §8: nothing is downloaded, and the browser reaches no host but this one.
 */
record Chromium(Path binary, Path driver) {

    /** Set to {@value #REQUIRED} (as CI does) to fail browser tests when Chromium is missing instead of skipping them. */
    static final String REQUIREMENT_VARIABLE = "DOORSTROOM_BROWSER_TESTS";
    static final String REQUIRED = "required";

    static final Path BINARY = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    /**
     * Chromium still calls Google hosts in the background. A proxy on a closed local port stops that, while loopback
     * (the application under test) bypasses the proxy. Chromium honours only the last --disable-features, so one.
     */
    private static final List<String> ARGUMENTS = List.of(
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--proxy-server=http://127.0.0.1:1",
            "--disable-features=OptimizationGuideModelDownloading,OptimizationHintsFetching,NetworkTimeServiceQuerying,"
                    + "Translate,MediaRouter,AutofillServerCommunication,CertificateTransparencyComponentUpdater",
            "--window-size=1280,1024");

    /**
     * Selenium warns on every start that it has no DevTools (CDP) support for this Chromium version; the tests use
     * WebDriver only. Held here so that the level is not lost when the logger is garbage-collected.
     */
    private static final Logger CDP_VERSION_WARNINGS = quiet("org.openqa.selenium.devtools.CdpVersionFinder");

    private static Logger quiet(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.SEVERE);
        return logger;
    }

    /** The installed browser and driver, or empty when either is missing. */
    static Optional<Chromium> installed() {
        if (Files.isExecutable(BINARY) && Files.isExecutable(DRIVER)) {
            return Optional.of(new Chromium(BINARY, DRIVER));
        }
        return Optional.empty();
    }

    static boolean required() {
        return REQUIRED.equals(System.getenv(REQUIREMENT_VARIABLE));
    }

    static String missingMessage() {
        return "Chromium or its driver is missing (" + BINARY + ", " + DRIVER + "): install Debian's chromium and "
                + "chromium-driver (.ci/run does). Browser tests fail without them when " + REQUIREMENT_VARIABLE + "="
                + REQUIRED + ", as in CI, and are skipped otherwise.";
    }

    ChromeDriverService service() {
        return new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile()).usingAnyFreePort().build();
    }

    /** Headless options in the given language, with a fresh profile in {@code userDataDir}. */
    ChromeOptions options(Locale locale, Path userDataDir) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binary.toFile());
        options.addArguments(ARGUMENTS);
        options.addArguments("--user-data-dir=" + userDataDir.toAbsolutePath(), "--lang=" + locale.toLanguageTag());
        // the pages choose their language from Accept-Language, which --lang does not set in headless mode
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", locale.toLanguageTag()));
        return options;
    }
}
