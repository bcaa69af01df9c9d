package nl.doorstroom.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.awaitility.Awaitility;

import nl.doorstroom.platform.test.ChildProcesses;

/**
 * A Kafka broker (KRaft, broker and controller in one process) as a child process of its own, so a fault test can
 * kill it with {@code SIGKILL} and start it again on the same storage and port, as an operator's broker would come
 * back. It runs from the test JVM's own class path, which holds the broker the embedded tests use.
 */
final class BrokerProcess implements AutoCloseable {

    private static final Duration READY = Duration.ofSeconds(90);

    private final Path home;
    private final int port;
    private final List<String> command;
    private Process process;
    private int starts;

    private BrokerProcess(Path home, int port, List<String> command) {
        this.home = home;
        this.port = port;
        this.command = command;
    }

    /** A broker with fresh storage, started and serving. */
    static BrokerProcess start() {
        int port = ChildProcesses.freePort();
        int controller = ChildProcesses.freePort();
        Path home = Path.of("target", "fault-broker-" + UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();
        Path data = home.resolve("data");
        Path config = home.resolve("server.properties");
        try {
            Files.createDirectories(data);
            Files.writeString(config, """
                    process.roles=broker,controller
                    node.id=1
                    controller.quorum.bootstrap.servers=127.0.0.1:%2$d
                    listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                    advertised.listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                    inter.broker.listener.name=PLAINTEXT
                    controller.listener.names=CONTROLLER
                    listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
                    log.dirs=%3$s
                    num.partitions=1
                    offsets.topic.replication.factor=1
                    transaction.state.log.replication.factor=1
                    transaction.state.log.min.isr=1
                    share.coordinator.state.topic.replication.factor=1
                    share.coordinator.state.topic.min.isr=1
                    group.initial.rebalance.delay.ms=0
                    """.formatted(port, controller, data));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> java = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"));
        Process format = ChildProcesses.start("kafka-storage-format", concat(java, List.of("kafka.tools.StorageTool",
                "format", "--standalone", "-t", clusterId(), "-c", config.toString())), home, Map.of(), home.resolve("format.log"));
        try {
            if (format.waitFor() != 0) {
                throw new IllegalStateException("formatting the broker's storage failed: see " + home.resolve("format.log"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        BrokerProcess broker = new BrokerProcess(home, port, concat(java, List.of("kafka.Kafka", config.toString())));
        broker.startAgain();
        return broker;
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** {@code SIGKILL}: no clean shutdown, no flushed logs, as when a machine dies. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts the broker again on the same storage and port, and waits until it serves. */
    void startAgain() {
        starts++;
        Path log = home.resolve("broker-" + starts + ".log");
        process = ChildProcesses.start("kafka", command, home, Map.of(), log);
        Awaitility.await("the broker serving (" + log + ")").atMost(READY).pollInterval(Duration.ofMillis(500))
                .ignoreExceptionsInstanceOf(ExecutionException.class).until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("the broker stopped: see " + log);
                    }
                    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000))) {
                        return !admin.describeCluster().nodes().get().isEmpty();
                    }
                });
    }

    @Override
    public void close() {
        ChildProcesses.stop(process);
    }

    private static String clusterId() {
        return Uuid.randomUuid().toString();
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
