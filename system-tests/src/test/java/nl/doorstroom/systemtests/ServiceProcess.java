package nl.doorstroom.systemtests;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import nl.doorstroom.platform.test.ChildProcesses;

/**
 * One service, run from its packaged jar as a child process the way the local stack and production run it, and
 * connected to the test JVM's broker and registry. Its output goes to {@code target/service-logs/<name>.log}.
 */
final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;
    private final List<String> command;

    private ServiceProcess(String name, Process process, int port, Path log, List<String> command) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
        this.command = command;
    }

    static ServiceProcess start(String name, Map<String, String> properties) {
        return start(name, name, properties);
    }

    /** Another instance of a service: {@code instance} names its log. */
    static ServiceProcess start(String name, String instance, Map<String, String> properties) {
        Path jar = Path.of(System.getProperty("doorstroom.services.dir", "target/services"), name + "-exec.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run the system tests through Maven (./mvnw verify)");
        }
        int port = ChildProcesses.freePort();
        Path log = Path.of("target", "service-logs", instance + ".log").toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
                "-jar", jar.toString(), "--server.port=" + port));
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        Process process = ChildProcesses.start(instance, command, Path.of("").toAbsolutePath(), Map.of(), log);
        return new ServiceProcess(name, process, port, log, command);
    }

    /** {@code SIGKILL}: no clean shutdown (no leaving its group, no flushed state), as when its machine dies. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The same service started again: same settings, state directory and port; its log gets a suffix. */
    ServiceProcess startAgain(String suffix) {
        Path again = log.resolveSibling(log.getFileName().toString().replace(".log", "-" + suffix + ".log"));
        return new ServiceProcess(name, ChildProcesses.start(name, command, Path.of("").toAbsolutePath(), Map.of(), again),
                port, again, command);
    }

    /** Waits until the service reports ready (Kafka Streams running included), or fails with its log's location. */
    ServiceProcess awaitReady(Duration timeout) {
        ChildProcesses.awaitHttpOk(name, process, URI.create(baseUrl() + "/actuator/health/readiness"), timeout, log);
        return this;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    Path log() {
        return log;
    }

    @Override
    public void close() {
        ChildProcesses.stop(process);
    }
}
