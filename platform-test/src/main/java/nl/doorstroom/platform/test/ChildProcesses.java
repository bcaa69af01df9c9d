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
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The servers tests run as child processes (schema registry, identity provider, services): started with their output
 * in a log file, awaited over HTTP with a deadline, and stopped together with the processes they started.
 */
public final class ChildProcesses {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ChildProcesses() {
    }

    /**
     * Starts {@code command} in {@code workDir} with its output in {@code log}. {@code environment} is added to this
     * JVM's; a {@code null} value removes that variable.
     */
    public static Process start(String name, List<String> command, Path workDir, Map<String, String> environment, Path log) {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            environment.forEach((key, value) -> {
                if (value == null) {
                    builder.environment().remove(key);
                } else {
                    builder.environment().put(key, value);
                }
            });
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + "; see " + log, e);
        }
    }

    /** Waits until {@code GET uri} answers 200; fails at once when the process exits, and names the log either way. */
    public static void awaitHttpOk(String name, Process process, URI uri, Duration timeout, Path log) {
        try {
            Awaitility.await(name + " ready at " + uri).atMost(timeout).pollInterval(Duration.ofMillis(250)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
                }
                try {
                    return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                } catch (IOException e) {
                    return false;
                }
            });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException(name + " was not ready within " + timeout + "; see " + log, e);
        }
    }

    /** Stops the process when this JVM exits. */
    public static void stopOnExit(String name, Process process) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process), name + "-stop"));
    }

    /**
     * Asks the process and what it started (a launcher script's JVM, say) to stop, and kills whatever is still
     * running after a grace period. The descendants are noted first: once their parent is gone they cannot be found.
     */
    public static void stop(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        descendants.forEach(ProcessHandle::destroy);
        waitOrKill(process.toHandle());
        descendants.forEach(ChildProcesses::waitOrKill);
    }

    private static void waitOrKill(ProcessHandle handle) {
        try {
            handle.onExit().get(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            handle.destroyForcibly();
        } catch (Exception notInTime) {
            handle.destroyForcibly();
        }
    }

    /** A port that was free a moment ago, for a server that takes its port on the command line. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
