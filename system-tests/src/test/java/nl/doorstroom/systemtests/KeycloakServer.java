package nl.doorstroom.systemtests;

import java.io.File;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import nl.doorstroom.local.Keycloak;
import nl.doorstroom.platform.test.ChildProcesses;

/**
 * The local stack's Keycloak with its demo realm (users {@code azc-budel}, {@code coa-plaatsing}, {@code utrecht},
 * {@code amersfoort}, ..., all with {@link #DEMO_PASSWORD}), run from the distribution the build unpacked, on free
 * ports. Its database is kept in {@code target/keycloak} and re-imported only when the realm file changes.
 */
final class KeycloakServer {

    /** Every demo user's password; a local demo value. */
    static final String DEMO_PASSWORD = Keycloak.DEMO_PASSWORD;

    /** A cold start builds the unpacked distribution once (DESIGN §9); on a busy machine that takes its time. */
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    private final Process process;
    private final int port;
    private final int managementPort;
    private final Path home;
    private final Path log;

    private KeycloakServer(Process process, int port, int managementPort, Path home, Path log) {
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
        this.home = home;
        this.log = log;
    }

    /** Starts Keycloak and returns at once, so that the caller can start other things beside it. */
    static KeycloakServer start() {
        Path distribution = distribution();
        Path home = Path.of("target", "keycloak").toAbsolutePath();
        int port = ChildProcesses.freePort();
        int managementPort = ChildProcesses.freePort();
        Path log = Path.of("target", "keycloak-" + port + ".log").toAbsolutePath();
        Keycloak.prepareImport(distribution, home);
        Process process = ChildProcesses.start("Keycloak", Keycloak.command(distribution, port, managementPort, home),
                home, Keycloak.environment(System.getenv()), log);
        ChildProcesses.stopOnExit("keycloak", process);
        return new KeycloakServer(process, port, managementPort, home, log);
    }

    /** Waits until the realm is served (not just until Keycloak is up, which is before the import is done). */
    KeycloakServer awaitReady() {
        ChildProcesses.awaitHttpOk("Keycloak", process, URI.create("http://127.0.0.1:" + managementPort + "/health/ready"),
                READY_TIMEOUT, log);
        ChildProcesses.awaitHttpOk("Keycloak's realm", process, URI.create(issuer() + "/.well-known/openid-configuration"),
                Duration.ofSeconds(30), log);
        Keycloak.rememberImport(home);
        return this;
    }

    String issuer() {
        return Keycloak.issuer("http://127.0.0.1:" + port);
    }

    private static Path distribution() {
        String dir = System.getProperty("doorstroom.keycloak.dir");
        if (dir == null || !new File(dir, "bin/kc.sh").isFile()) {
            throw new IllegalStateException("Keycloak is not unpacked at " + dir
                    + ". Build from the repository root (./mvnw verify), or add -am when selecting modules with -pl.");
        }
        return Path.of(dir);
    }
}
