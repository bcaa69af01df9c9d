package nl.doorstroom.platform.test;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The real Apicurio Registry, started once per test JVM as a child process from the distribution the build unpacked
 * (in-memory storage, BACKWARD_TRANSITIVE as the global rule, bound to loopback), and stopped when the JVM exits.
 */
public final class SchemaRegistryServer {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static volatile String url;
    private static volatile Process running;

    private SchemaRegistryServer() {
    }

    /** Base address of the running registry (without an API path), starting it on first use. */
    public static String url() {
        String started = url;
        if (started == null) {
            synchronized (SchemaRegistryServer.class) {
                started = url;
                if (started == null) {
                    started = start();
                    url = started;
                }
            }
        }
        return started;
    }

    private static String start() {
        Path home = distribution();
        int httpPort = ChildProcesses.freePort();
        int managementPort = ChildProcesses.freePort();
        Path log = Path.of("target", "schema-registry-" + httpPort + ".log").toAbsolutePath();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-Xmx384m",
                "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + httpPort,
                "-Dquarkus.management.host=127.0.0.1", "-Dquarkus.management.port=" + managementPort,
                "-Dapicurio.rules.global.compatibility=BACKWARD_TRANSITIVE",
                "-jar", "quarkus-run.jar");
        Process process = ChildProcesses.start("the schema registry", command, home, Map.of(), log);
        ChildProcesses.stopOnExit("schema-registry", process);
        running = process;
        try {
            ChildProcesses.awaitHttpOk("the schema registry", process,
                    URI.create("http://127.0.0.1:" + managementPort + "/health/ready"), READY_TIMEOUT, log);
        } catch (IllegalStateException e) {
            ChildProcesses.stop(process);
            throw e;
        }
        return "http://127.0.0.1:" + httpPort;
    }

    /**
     * Makes the registry unavailable the way a hung machine or a network partition does ({@code SIGSTOP}): its port
     * stays open, connections and requests hang without an answer. For fault tests; {@link #resume()} ends it.
     */
    public static void pause() {
        signal("STOP");
    }

    /** {@code SIGCONT}: the paused registry answers again, with everything it held. */
    public static void resume() {
        signal("CONT");
    }

    private static void signal(String signal) {
        url();
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(running.pid())).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -" + signal + " of the schema registry failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path distribution() {
        String dir = System.getProperty("doorstroom.registry.dir");
        if (dir == null || !new File(dir, "quarkus-run.jar").isFile()) {
            throw new IllegalStateException("The schema registry is not unpacked at " + dir
                    + ". Build from the repository root (./mvnw verify), or add -am when selecting modules with -pl.");
        }
        return Path.of(dir);
    }
}
