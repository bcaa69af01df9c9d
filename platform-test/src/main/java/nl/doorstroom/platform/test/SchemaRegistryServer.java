package nl.doorstroom.platform.test;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The real Apicurio Registry, started once per test JVM as a child process from the distribution the build unpacked
 * (in-memory storage, BACKWARD_TRANSITIVE as the global rule, bound to loopback), and stopped when the JVM exits.
 */
public final class SchemaRegistryServer {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static volatile SchemaRegistryServer instance;

    private final Process process;
    private final String url;
    private final Path log;

    private SchemaRegistryServer(Process process, String url, Path log) {
        this.process = process;
        this.url = url;
        this.log = log;
    }

    /** Base address of the running registry (without an API path), starting it on first use. */
    public static String url() {
        SchemaRegistryServer server = instance;
        if (server == null) {
            synchronized (SchemaRegistryServer.class) {
                server = instance;
                if (server == null) {
                    server = start();
                    instance = server;
                }
            }
        }
        return server.url;
    }

    private static SchemaRegistryServer start() {
        Path home = distribution();
        int httpPort = freePort();
        int managementPort = freePort();
        Path log = Path.of("target", "schema-registry-" + httpPort + ".log").toAbsolutePath();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-Xmx384m",
                "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + httpPort,
                "-Dquarkus.management.host=127.0.0.1", "-Dquarkus.management.port=" + managementPort,
                "-Dapicurio.rules.global.compatibility=BACKWARD_TRANSITIVE",
                "-jar", "quarkus-run.jar");
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command).directory(home.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            SchemaRegistryServer server = new SchemaRegistryServer(process, "http://127.0.0.1:" + httpPort, log);
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "schema-registry-stop"));
            server.awaitReady("http://127.0.0.1:" + managementPort + "/health/ready");
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the schema registry from " + home, e);
        }
    }

    private void awaitReady(String readiness) {
        HttpClient client = HttpClient.newHttpClient();
        try {
            Awaitility.await("schema registry ready at " + readiness)
                    .atMost(READY_TIMEOUT).pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("the schema registry exited; see " + log);
                        }
                        try {
                            return client.send(HttpRequest.newBuilder(URI.create(readiness)).build(),
                                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                        } catch (IOException e) {
                            return false;
                        }
                    });
        } catch (ConditionTimeoutException e) {
            stop();
            throw new IllegalStateException("the schema registry was not ready within " + READY_TIMEOUT + "; see " + log, e);
        }
    }

    private void stop() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
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

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
