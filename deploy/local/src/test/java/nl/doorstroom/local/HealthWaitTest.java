package nl.doorstroom.local;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

@DisabledOnOs(OS.WINDOWS)
class HealthWaitTest {

    private static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private HttpServer server;
    private final AtomicInteger readinessCalls = new AtomicInteger();
    private final List<ManagedProcess> started = new ArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        // not ready on the first two calls, then ready
        server.createContext("/ready", exchange -> {
            exchange.sendResponseHeaders(readinessCalls.incrementAndGet() > 2 ? 200 : 503, -1);
            exchange.close();
        });
        server.createContext("/never", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        started.forEach(process -> process.process().destroyForcibly());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private ManagedProcess sh(String name, String script) {
        ManagedProcess process = ManagedProcess.start(name, List.of("/bin/sh", "-c", script), dir, dir.resolve(name + ".log"), Map.of());
        started.add(process);
        return process;
    }

    @Test
    void waitsUntilTheEndpointAnswers200() {
        ManagedProcess process = sh("service", "sleep 300");

        assertDoesNotThrow(() -> HealthWait.untilHttpOk(process, uri("/ready"), LIMIT));
        assertTrue(readinessCalls.get() >= 3);
    }

    @Test
    void aServiceThatDiesFailsTheWaitAtOnceEvenWhileAnotherIsStillStarting() {
        ManagedProcess slow = sh("slow-service", "sleep 300");
        ManagedProcess dying = sh("dying-service", "echo 'APPLICATION FAILED TO START'; exit 2");
        Map<ManagedProcess, URI> targets = new LinkedHashMap<>();
        targets.put(slow, uri("/never"));
        targets.put(dying, uri("/never"));

        long start = System.nanoTime();
        StartupException e = assertThrows(StartupException.class, () -> HealthWait.untilAllHttpOk(targets, LIMIT));

        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(20)) < 0, "not at once");
        assertTrue(e.getMessage().startsWith("dying-service exited with code 2 before it was ready."), e.getMessage());
        assertTrue(e.getMessage().contains("APPLICATION FAILED TO START"), e.getMessage());
    }
}
