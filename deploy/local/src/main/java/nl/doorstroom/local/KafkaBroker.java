package nl.doorstroom.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A single Kafka broker in KRaft combined mode (broker and controller in one process), run from the jars
 * Maven copied to deploy/local/target/kafka/libs. Its storage under .local/kafka/data is formatted once
 * and reused by later runs.
 */
final class KafkaBroker {

    /** Logged by KafkaRaftServer once the broker serves requests (KafkaBroker.STARTED_MESSAGE). */
    static final String STARTED_MESSAGE = "Kafka Server started";

    private KafkaBroker() {
    }

    static ManagedProcess start(StackLayout layout, Options options, ProcessGroup group) throws StartupException {
        Path home = layout.kafkaHome();
        Path data = home.resolve("data");
        Path config = home.resolve("server.properties");
        Path logConfig = home.resolve("log4j2.properties");
        try {
            Files.createDirectories(data);
            Files.writeString(config, serverProperties(options, data));
            try (InputStream in = KafkaBroker.class.getResourceAsStream("/kafka/log4j2.properties")) {
                Files.copy(in, logConfig, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String classPath = layout.kafkaLibs().resolve("*").toString();
        List<String> jvm = StackLayout.javaCommand(List.of("-Xmx512m", "-XX:+UseG1GC",
                "-Dlog4j2.configurationFile=" + logConfig, "-cp", classPath));

        if (!Files.exists(data.resolve("meta.properties"))) {
            String clusterId = newClusterId();
            System.out.println("Formatting Kafka storage in " + data + " (cluster id " + clusterId + ")");
            ManagedProcess format = group.start("kafka-storage-format", concat(jvm,
                            List.of("kafka.tools.StorageTool", "format", "--standalone", "-t", clusterId, "-c", config.toString())),
                    home, layout.log("kafka-storage-format"), Map.of());
            HealthWait.untilExitedCleanly(format, Duration.ofSeconds(60));
        }

        ManagedProcess broker = group.start("kafka", concat(jvm, List.of("kafka.Kafka", config.toString())),
                home, layout.log("kafka"), Map.of());
        HealthWait.untilLogContains(broker, STARTED_MESSAGE, options.readyTimeout());
        return broker;
    }

    static String serverProperties(Options options, Path data) {
        int broker = options.port(Options.Port.BROKER);
        int controller = options.port(Options.Port.CONTROLLER);
        return """
                # Written by nl.doorstroom.local.LocalStack at every start; edits are overwritten.
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
                # one broker: every internal topic has a single replica
                offsets.topic.replication.factor=1
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                group.initial.rebalance.delay.ms=0
                """.formatted(broker, controller, data);
    }

    /** What kafka-storage random-uuid prints (a base64url UUID), made here to avoid a JVM with noisy logging. */
    static String newClusterId() {
        while (true) {
            UUID uuid = UUID.randomUUID();
            ByteBuffer bytes = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
            String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
            if (!id.startsWith("-")) {
                return id;
            }
        }
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}
