package nl.doorstroom.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** Where things are: the tools Maven fetched, and the stack's data and logs under .local/ (gitignored). */
record StackLayout(Path repoRoot, Properties versions) {

    static StackLayout of(Path repoRoot) {
        Properties versions = new Properties();
        try (InputStream in = StackLayout.class.getResourceAsStream("/stack.properties")) {
            versions.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new StackLayout(repoRoot, versions);
    }

    Path local() {
        return repoRoot.resolve(".local");
    }

    Path logs() {
        return local().resolve("logs");
    }

    Path log(String name) {
        return logs().resolve(name + ".log");
    }

    Path kafkaLibs() {
        return repoRoot.resolve(versions.getProperty("kafka.libs"));
    }

    Path kafkaHome() {
        return local().resolve("kafka");
    }

    Path registryDir() {
        return repoRoot.resolve(versions.getProperty("registry.dir"));
    }

    /** The Keycloak distribution Maven unpacked once (shared by every run of this clone; its first start builds it). */
    Path keycloakDir() {
        return repoRoot.resolve(versions.getProperty("keycloak.dir"));
    }

    /** Keycloak's state: its H2 database (under data/h2) and the hash of the realm file it was imported from. */
    Path keycloakHome() {
        return local().resolve("keycloak");
    }

    String version(String key) {
        return versions.getProperty(key);
    }

    /** The Spring Boot executable jar of a service module, e.g. intake-service/target/intake-service-0.1.0-SNAPSHOT-exec.jar. */
    Path serviceJar(String module) {
        return repoRoot.resolve(module).resolve("target")
                .resolve(module + "-" + versions.getProperty("project.version") + "-exec.jar");
    }

    Path streamsState(String service) {
        return local().resolve("state").resolve(service);
    }

    Path workDir(String name) {
        return local().resolve("run").resolve(name);
    }

    /**
     * JVM options for every child. C1 only (-XX:TieredStopAtLevel=1): a local stack is about start-up time; on a
     * busy 2-core machine the warm broker + registry start went from about 26 s to about 13.5 s, with less memory.
     * From JDK 24 on, Kafka's and Netty's use of sun.misc.Unsafe prints a warning at start (JEP 498); allowing it
     * keeps the logs readable (the option does not exist before JDK 23).
     */
    static List<String> commonJvmOptions() {
        List<String> options = new ArrayList<>(List.of("-XX:TieredStopAtLevel=1"));
        if (Runtime.version().feature() >= 23) {
            options.add("--sun-misc-unsafe-memory-access=allow");
        }
        return options;
    }

    /** A java command line on the JVM the launcher runs on, with {@link #commonJvmOptions()} first. */
    static List<String> javaCommand(List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(commonJvmOptions());
        command.addAll(arguments);
        return command;
    }
}
