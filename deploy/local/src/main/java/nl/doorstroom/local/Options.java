package nl.doorstroom.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The launcher's options. Every port can be set by an option or an environment variable
 * (option wins over environment, environment over the default).
 */
record Options(
        Path repoRoot,
        Map<Port, Integer> ports,
        boolean infraOnly,
        boolean demo,
        boolean help,
        Duration readyTimeout) {

    static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(180);

    /** A port the stack listens on, with its option, environment variable and default. */
    enum Port {
        BROKER("broker-port", 9192, "Kafka broker"),
        CONTROLLER("controller-port", 9193, "Kafka KRaft controller"),
        REGISTRY("registry-port", 8180, "Apicurio Registry HTTP"),
        REGISTRY_MANAGEMENT("registry-management-port", 9180, "Apicurio Registry management (health)"),
        KEYCLOAK("keycloak-port", 8380, "Keycloak HTTP (login, tokens)"),
        KEYCLOAK_MANAGEMENT("keycloak-management-port", 9380, "Keycloak management (health)"),
        INTAKE("intake-port", 8281, "intake-service"),
        TRAJECTORY("trajectory-port", 8282, "trajectory-service"),
        EMPLOYER("employer-port", 8283, "employer-service"),
        ANALYTICS("analytics-port", 8284, "analytics-service");

        final String option;
        final int defaultPort;
        final String description;

        Port(String option, int defaultPort, String description) {
            this.option = option;
            this.defaultPort = defaultPort;
            this.description = description;
        }

        String flag() {
            return "--" + option;
        }

        /** DOORSTROOM_BROKER_PORT and so on. */
        String envVariable() {
            return "DOORSTROOM_" + name() + "_PORT";
        }

        /** Broker, registry and Keycloak: started with --infra-only too. */
        boolean infrastructure() {
            return ordinal() <= KEYCLOAK_MANAGEMENT.ordinal();
        }
    }

    /** A wrong command line; the message says what is wrong. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    int port(Port port) {
        return ports.get(port);
    }

    /** The ports this run will bind: all of them, or only the broker's, registry's and Keycloak's with --infra-only. */
    Map<Port, Integer> portsInUse() {
        Map<Port, Integer> used = new EnumMap<>(Port.class);
        ports.forEach((port, number) -> {
            if (!infraOnly || port.infrastructure()) {
                used.put(port, number);
            }
        });
        return used;
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port(Port.BROKER);
    }

    /** Keycloak's address, e.g. http://127.0.0.1:8380; also the start of every issuer. */
    String keycloakUrl() {
        return "http://127.0.0.1:" + port(Port.KEYCLOAK);
    }

    static Options parse(String[] args, Map<String, String> env, Path defaultRepoRoot) throws UsageException {
        Map<Port, Integer> ports = new EnumMap<>(Port.class);
        for (Port port : Port.values()) {
            String fromEnv = env.get(port.envVariable());
            ports.put(port, fromEnv == null || fromEnv.isBlank()
                    ? port.defaultPort
                    : parsePort(fromEnv.trim(), port.envVariable()));
        }
        Map<String, Port> byFlag = new HashMap<>();
        for (Port port : Port.values()) {
            byFlag.put(port.flag(), port);
        }

        Path repoRoot = defaultRepoRoot;
        boolean infraOnly = false;
        boolean demo = false;
        boolean help = false;
        Duration readyTimeout = DEFAULT_READY_TIMEOUT;

        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty()) {
            String arg = rest.removeFirst();
            String name = arg;
            String inlineValue = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                name = arg.substring(0, equals);
                inlineValue = arg.substring(equals + 1);
            }
            switch (name) {
                case "--help", "-h" -> help = true;
                case "--demo" -> demo = true;
                case "--infra-only" -> infraOnly = true;
                case "--skip-build" -> { /* handled by ./run-local; accepted here so it can be passed through */ }
                case "--repo-root" -> repoRoot = Path.of(value(name, inlineValue, rest));
                case "--ready-timeout" -> {
                    String seconds = value(name, inlineValue, rest);
                    try {
                        long value = Long.parseLong(seconds);
                        if (value < 1) {
                            throw new NumberFormatException();
                        }
                        readyTimeout = Duration.ofSeconds(value);
                    } catch (NumberFormatException e) {
                        throw new UsageException(name + " needs a whole number of seconds of at least 1, not '" + seconds + "'");
                    }
                }
                default -> {
                    Port port = byFlag.get(name);
                    if (port == null) {
                        throw new UsageException("Unknown option '" + arg + "'");
                    }
                    ports.put(port, parsePort(value(name, inlineValue, rest), name));
                }
            }
        }

        Map<Integer, Port> seen = new HashMap<>();
        for (Map.Entry<Port, Integer> entry : ports.entrySet()) {
            Port earlier = seen.putIfAbsent(entry.getValue(), entry.getKey());
            if (earlier != null) {
                throw new UsageException("Port " + entry.getValue() + " is given to both " + earlier.flag()
                        + " and " + entry.getKey().flag() + "; every port must be different");
            }
        }
        return new Options(repoRoot.toAbsolutePath().normalize(), Map.copyOf(ports), infraOnly, demo, help, readyTimeout);
    }

    private static String value(String name, String inlineValue, List<String> rest) throws UsageException {
        if (inlineValue != null) {
            return inlineValue;
        }
        if (rest.isEmpty() || rest.getFirst().startsWith("--")) {
            throw new UsageException(name + " needs a value");
        }
        return rest.removeFirst();
    }

    private static int parsePort(String value, String source) throws UsageException {
        try {
            int port = Integer.parseInt(value);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(source + " must be a port number from 1 to 65535, not '" + value + "'");
    }

    static String usage() {
        StringBuilder text = new StringBuilder("""
                Usage: ./run-local [options]

                Starts the Doorstroom stack on this machine: a Kafka broker (KRaft), Apicurio Registry
                (schemas stored in Kafka), Keycloak (login, with demo accounts) and the four services, each
                as a local process. Data stays in .local/ at the repository root, so a second run continues
                where the first one stopped.
                Ctrl-C stops everything that was started.

                Options:
                  --demo                              register a few demo persons through intake-service once it is up,
                                                      then take some in Utrecht further through trajectory-service,
                                                      and post placements and an introduction through employer-service
                                                      (only once per data directory)
                  --infra-only                        start only the broker, the registry and Keycloak (run the
                                                      services from your IDE against them)
                  --skip-build                        do not run Maven first (./run-local only)
                  --ready-timeout <seconds>           how long each process may take to become ready (default %d)
                  --repo-root <dir>                   the repository (./run-local passes it)
                  --help                              show this text

                Ports (option, environment variable, default):
                """.formatted(DEFAULT_READY_TIMEOUT.toSeconds()));
        for (Port port : Port.values()) {
            text.append("  %-35s %-36s %5d  %s%n".formatted(
                    port.flag() + " <port>", port.envVariable(), port.defaultPort, port.description));
        }
        text.append("""

                Delete .local/ to start from an empty broker, registry and Keycloak.
                """);
        return text.toString();
    }
}
