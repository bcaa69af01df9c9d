package nl.doorstroom.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntSupplier;

/**
 * The one-command local stack: a Kafka broker, Apicurio Registry, Keycloak and the four services as child
 * processes of this JVM. Started by ./run-local at the repository root; Ctrl-C stops everything it started.
 */
public final class LocalStack {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private LocalStack() {
    }

    public static void main(String[] args) {
        long startNanos = System.nanoTime();
        Options options;
        try {
            options = Options.parse(args, System.getenv(), Path.of(System.getProperty("user.dir")));
        } catch (Options.UsageException e) {
            System.err.println("run-local: " + e.getMessage());
            System.err.println("Use --help to see the options.");
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(Options.usage());
            return;
        }
        StackLayout layout = StackLayout.of(options.repoRoot());

        List<String> problems = prerequisites(layout, options);
        if (!problems.isEmpty()) {
            problems.forEach(problem -> System.err.println("run-local: " + problem));
            System.exit(1);
        }
        try {
            Ports.requireFree(options.portsInUse());
        } catch (Ports.PortInUseException e) {
            System.err.println("run-local: " + e.getMessage());
            System.exit(1);
        }

        ProcessGroup group = new ProcessGroup(STOP_TIMEOUT);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            group.stopAll();
            System.out.println("Stopped.");
        }, "local-stack-stop"));

        Seeded seeded = Seeded.NOTHING;
        try {
            // Keycloak takes longest; it starts first and comes up beside the broker and the registry (warm, on a busy
            // 2-core machine: all three ready after about 30 s, against about 50 s one after the other)
            group.newTier();
            System.out.println("Starting Keycloak " + layout.version("keycloak.version") + " on " + options.keycloakUrl() + " ...");
            Keycloak.Started keycloak = Keycloak.start(layout, options, group);
            if (keycloak.importing()) {
                System.out.println("  importing realm '" + Keycloak.REALM + "' (first start, or the realm file changed;"
                        + " Keycloak's database in " + layout.keycloakHome() + " starts afresh)");
            }

            group.newTier();
            System.out.println("Starting Kafka " + layout.version("kafka.version") + " on " + options.bootstrapServers() + " ...");
            KafkaBroker.start(layout, options, group);
            System.out.printf("  Kafka ready after %s%n", seconds(startNanos));

            group.newTier();
            System.out.println("Starting Apicurio Registry " + layout.version("registry.version") + " on port "
                    + options.port(Options.Port.REGISTRY) + " ...");
            SchemaRegistry.start(layout, options, group);
            System.out.printf("  registry ready after %s%n", seconds(startNanos));

            Keycloak.awaitReady(layout, options, keycloak);
            System.out.printf("  Keycloak ready after %s%n", seconds(startNanos));

            if (!options.infraOnly()) {
                group.newTier();
                System.out.println("Starting " + String.join(", ", Services.ALL.stream().map(Services.Service::module).toList()) + " ...");
                Services.start(layout, options, group);
                System.out.printf("  services ready after %s%n", seconds(startNanos));
                if (options.demo()) {
                    seeded = seedDemo(layout, options);
                }
            }
        } catch (StartupException | RuntimeException e) {
            if (group.isStopping()) {
                return; // Ctrl-C during start-up: the shutdown hook is already stopping everything
            }
            System.err.println();
            System.err.println("run-local: " + (e instanceof StartupException ? e.getMessage() : e.toString()));
            System.exit(1);
        }

        printSummary(layout, options, group, startNanos, seeded);
        for (ManagedProcess process : group.processes().stream().filter(ManagedProcess::isAlive).toList()) {
            process.process().onExit().thenRun(() -> {
                if (!group.isStopping()) {
                    System.err.println(StartupException.of(process, "run-local: " + process.name()
                            + " stopped unexpectedly (exit code " + process.process().exitValue() + ").").getMessage());
                }
            });
        }
        group.allExited().join();
        if (!group.isStopping()) {
            System.err.println("run-local: every process has exited on its own; see the logs in " + layout.logs());
            System.exit(1);
        }
    }

    /** Everything that can be checked before starting anything. */
    static List<String> prerequisites(StackLayout layout, Options options) {
        List<String> problems = new ArrayList<>();
        if (!Files.isRegularFile(layout.repoRoot().resolve("pom.xml"))) {
            problems.add(layout.repoRoot() + " is not the repository root (no pom.xml); pass --repo-root <dir>");
            return problems;
        }
        if (!Files.isRegularFile(layout.kafkaLibs().resolve("kafka_2.13-" + layout.version("kafka.version") + ".jar"))) {
            problems.add("the Kafka broker jars are missing in " + layout.kafkaLibs()
                    + "; build first: ./run-local without --skip-build (or ./mvnw -f deploy/local/pom.xml package)");
        }
        if (!Files.isRegularFile(layout.keycloakDir().resolve("bin").resolve("kc.sh"))) {
            problems.add("Keycloak is missing in " + layout.keycloakDir()
                    + "; build first: ./run-local without --skip-build (or ./mvnw -f deploy/local/pom.xml package)");
        }
        if (!Files.isRegularFile(layout.registryDir().resolve("quarkus-run.jar"))) {
            problems.add("Apicurio Registry is missing in " + layout.registryDir()
                    + "; build first: ./run-local without --skip-build (or ./mvnw -f deploy/local/pom.xml package)");
        }
        if (!options.infraOnly()) {
            for (Path jar : Services.missingJars(layout)) {
                problems.add("service jar missing: " + jar
                        + "; build first: ./run-local without --skip-build (or start only broker and registry with --infra-only)");
            }
        }
        return problems;
    }

    /** The demo persons, then their trajectories; returns how many of each are complete, or -1 if seeded before. */
    private static Seeded seedDemo(StackLayout layout, Options options) {
        DemoData.TokenSource tokens = new DemoData.PasswordGrant(Keycloak.tokenEndpoint(options));
        DemoData persons = new DemoData(Services.ALL.getFirst().baseUri(options), tokens);
        int personsComplete = seedOnce(layout.kafkaHome().resolve("demo-seeded"), "Demo persons were already registered",
                "Registering " + DemoData.PERSONS.size() + " demo persons through intake-service ...",
                DemoData.PERSONS.size(), persons::seed);
        DemoTrajectories trajectories = new DemoTrajectories(Services.ALL.get(1).baseUri(options), tokens,
                persons::registeredId);
        int trajectoriesComplete = seedOnce(layout.kafkaHome().resolve("demo-trajectories-seeded"),
                "Demo trajectories were already recorded",
                "Recording " + DemoTrajectories.TRAJECTORIES.size() + " demo trajectories through trajectory-service ...",
                DemoTrajectories.TRAJECTORIES.size(), trajectories::seed);
        DemoPlacements placements = new DemoPlacements(Services.ALL.get(2).baseUri(options), tokens);
        int placementsComplete = seedOnce(layout.kafkaHome().resolve("demo-placements-seeded"),
                "Demo placements were already posted",
                "Posting " + DemoPlacements.PLACEMENTS.size() + " demo placements and an introduction through employer-service ...",
                DemoPlacements.total(), placements::seed);
        return new Seeded(personsComplete, trajectoriesComplete, placementsComplete);
    }

    /** How many of the demo persons, trajectories and placements are complete; -1 for what was seeded before. */
    private record Seeded(int persons, int trajectories, int placements) {
        static final Seeded NOTHING = new Seeded(-1, -1, -1);
    }

    /**
     * Seeds once per data directory: skipped while the marker exists, which is written when all {@code total} are
     * complete. Returns how many are, or -1 when skipped.
     */
    private static int seedOnce(Path marker, String skipped, String announcement, int total, IntSupplier seed) {
        if (Files.exists(marker)) {
            System.out.println(skipped + " in this data directory (delete " + marker + " to add them again).");
            return -1;
        }
        System.out.println(announcement);
        int complete = seed.getAsInt();
        if (complete == total) {
            try {
                Files.writeString(marker, "demo data seeded\n");
            } catch (IOException e) {
                System.out.println("  could not write " + marker + ": " + e.getMessage());
            }
        }
        return complete;
    }

    private static void printSummary(StackLayout layout, Options options, ProcessGroup group, long startNanos, Seeded seeded) {
        String registry = "http://127.0.0.1:" + options.port(Options.Port.REGISTRY);
        StringBuilder text = new StringBuilder();
        text.append(System.lineSeparator()).append("Doorstroom local stack is ready").append(options.infraOnly() ? " (infrastructure only)" : "")
                .append(" after ").append(seconds(startNanos)).append(System.lineSeparator()).append(System.lineSeparator());
        text.append("  Kafka broker          ").append(options.bootstrapServers()).append(System.lineSeparator());
        text.append("  Schema registry API   ").append(registry).append("/apis/registry/v3").append(System.lineSeparator());
        text.append("    Confluent-compatible ").append(registry).append("/apis/ccompat/v7   (compatibility ")
                .append(SchemaRegistry.COMPATIBILITY).append(')').append(System.lineSeparator());
        text.append("    health              http://127.0.0.1:").append(options.port(Options.Port.REGISTRY_MANAGEMENT))
                .append("/health/ready").append(System.lineSeparator());
        String keycloak = options.keycloakUrl();
        text.append("  Keycloak              ").append(keycloak).append("   realm ").append(Keycloak.REALM)
                .append(", issuer ").append(Keycloak.issuer(options)).append(System.lineSeparator());
        text.append("    log in (account)    ").append(Keycloak.issuer(options)).append("/account").append(System.lineSeparator());
        text.append("    tokens              ").append(Keycloak.tokenEndpoint(options)).append("   (password grant: client ")
                .append(Keycloak.CLI_CLIENT).append(')').append(System.lineSeparator());
        text.append("    admin console       ").append(keycloak).append("/admin   (").append(Keycloak.ADMIN_USER).append(" / ")
                .append(Keycloak.ADMIN_PASSWORD).append(", local only)").append(System.lineSeparator());
        text.append("    health              ").append(Keycloak.readiness(options)).append(System.lineSeparator());
        text.append("  Demo accounts         password '").append(Keycloak.DEMO_PASSWORD)
                .append("' for every one (local demo values only)").append(System.lineSeparator());
        text.append(DemoAccounts.table("    "));
        if (options.infraOnly()) {
            text.append("  Services              not started (--infra-only); run them with").append(System.lineSeparator())
                    .append("                        --spring.kafka.bootstrap-servers=").append(options.bootstrapServers())
                    .append(" --doorstroom.registry-url=").append(registry).append(System.lineSeparator())
                    .append("                        --spring.security.oauth2.resourceserver.jwt.issuer-uri=")
                    .append(Keycloak.issuer(options)).append(System.lineSeparator())
                    .append("                        (and for pages the keycloak client registration; see deploy/local/README.md)")
                    .append(System.lineSeparator());
        } else {
            for (Services.Service service : Services.ALL) {
                String base = service.baseUri(options).toString();
                text.append("  %-21s page %s   API docs %s/api/v1/docs   OpenAPI %s/api/v1/openapi.json%n"
                        .formatted(service.module(), service.page() == null ? "(none yet)" : base + service.page(),
                                base, base));
            }
        }
        if (seeded.persons() >= 0) {
            text.append("  Demo persons          ").append(seeded.persons()).append(" of ").append(DemoData.PERSONS.size())
                    .append(" registered").append(System.lineSeparator());
        }
        if (seeded.trajectories() >= 0) {
            text.append("  Demo trajectories     ").append(seeded.trajectories()).append(" of ")
                    .append(DemoTrajectories.TRAJECTORIES.size()).append(" recorded (utrecht: ")
                    .append(Services.ALL.get(1).baseUri(options)).append(Services.ALL.get(1).page()).append(')')
                    .append(System.lineSeparator());
        }
        if (seeded.placements() >= 0) {
            text.append("  Demo placements       ").append(seeded.placements()).append(" of ").append(DemoPlacements.total())
                    .append(" posted, the introduction included (werkgever-a, werkgever-b: ")
                    .append(Services.ALL.get(2).baseUri(options)).append(')').append(System.lineSeparator());
        }
        text.append("  Logs                  ").append(layout.logs()).append(System.lineSeparator());
        text.append("  Data                  ").append(layout.local()).append("   (delete it to start empty)").append(System.lineSeparator());
        text.append("  Memory (RSS)          ").append(megabytes(group.rssKb())).append(" in total:");
        for (ManagedProcess process : group.processes()) {
            if (process.isAlive()) {
                text.append(' ').append(process.name()).append(' ').append(megabytes(process.rssKb()));
            }
        }
        text.append(System.lineSeparator()).append(System.lineSeparator()).append("Press Ctrl-C to stop everything.")
                .append(System.lineSeparator());
        System.out.print(text);
        System.out.flush();
    }

    private static String seconds(long startNanos) {
        return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - startNanos) / 1e9);
    }

    private static String megabytes(long kb) {
        return (kb / 1024) + " MB";
    }
}
