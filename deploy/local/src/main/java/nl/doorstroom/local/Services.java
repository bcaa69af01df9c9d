package nl.doorstroom.local;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The four Doorstroom services, each started from its Spring Boot executable jar. */
final class Services {

    /**
     * A service module, the port option it listens on, and the web page its users start from
     * ({@code null} while the service has no pages yet).
     */
    record Service(String module, Options.Port port, String page) {
        URI baseUri(Options options) {
            return URI.create("http://127.0.0.1:" + options.port(port));
        }
    }

    static final List<Service> ALL = List.of(
            new Service("intake-service", Options.Port.INTAKE, "/personen"),
            new Service("trajectory-service", Options.Port.TRAJECTORY, "/gemeenten/GM0344/overdrachten"),
            new Service("employer-service", Options.Port.EMPLOYER, "/"),
            new Service("analytics-service", Options.Port.ANALYTICS, "/"));


    private Services() {
    }

    /**
     * The services' login settings (DESIGN §5): resource server (JWT, for /api/**) and OAuth2 client (for pages),
     * both against the local Keycloak's realm.
     */
    static List<String> oauth2Arguments(Options options) {
        String issuer = Keycloak.issuer(options);
        List<String> arguments = new ArrayList<>();
        arguments.add("--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer);
        Keycloak.loginProperties(issuer).forEach((key, value) -> arguments.add("--" + key + "=" + value));
        return arguments;
    }

    /** Everything after the jar on a service's command line. */
    static List<String> arguments(StackLayout layout, Options options, Service service) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.address=127.0.0.1",
                "--server.port=" + options.port(service.port()),
                "--spring.kafka.bootstrap-servers=" + options.bootstrapServers(),
                "--doorstroom.registry-url=http://127.0.0.1:" + options.port(Options.Port.REGISTRY),
                "--spring.kafka.streams.state-dir=" + layout.streamsState(service.module()),
                // the public DEMO privacy keys (pseudonyms per domain, master key of the per-person data keys)
                "--spring.profiles.active=doorstroom-local"));
        arguments.addAll(oauth2Arguments(options));
        return arguments;
    }

    /** The service jars that are missing, so that the launcher can refuse before starting anything. */
    static List<Path> missingJars(StackLayout layout) {
        List<Path> missing = new ArrayList<>();
        for (Service service : ALL) {
            Path jar = layout.serviceJar(service.module());
            if (!Files.isRegularFile(jar)) {
                missing.add(jar);
            }
        }
        return missing;
    }

    /** Starts all four at once (they start faster side by side), then waits for each to be ready. */
    static void start(StackLayout layout, Options options, ProcessGroup group) throws StartupException {
        List<ManagedProcess> started = new ArrayList<>();
        for (Service service : ALL) {
            List<String> jvmAndJar = List.of("-Xmx512m", "-jar", layout.serviceJar(service.module()).toString());
            List<String> command = StackLayout.javaCommand(Stream.concat(
                    jvmAndJar.stream(), arguments(layout, options, service).stream()).toList());
            started.add(group.start(service.module(), command, layout.workDir(service.module()),
                    layout.log(service.module()), Map.of()));
        }
        Map<ManagedProcess, URI> readiness = new LinkedHashMap<>();
        for (int i = 0; i < ALL.size(); i++) {
            readiness.put(started.get(i), ALL.get(i).baseUri(options).resolve("/actuator/health/readiness"));
        }
        HealthWait.untilAllHttpOk(readiness, options.readyTimeout());
    }
}
