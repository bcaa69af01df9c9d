package nl.doorstroom.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Keycloak in development mode from the distribution Maven unpacked into target/tools, bound to 127.0.0.1,
 * with the realm {@value #REALM} imported from {@value #REALM_RESOURCE} (DESIGN §5, §9).
 *
 * <p>Its H2 database lives under .local/keycloak ({@code --db-url-path}), so it survives restarts. Keycloak never
 * re-imports a realm that already exists; so the launcher keeps the hash of the realm file it imported, and when
 * the file has changed it deletes the database first, and the realm is imported afresh.
 */
final class Keycloak {

    static final String REALM = "doorstroom";
    static final String REALM_RESOURCE = "/keycloak/doorstroom-realm.json";
    /** The demo users' password, and the client that may use the password grant. Local demo values only. */
    static final String DEMO_PASSWORD = "doorstroom";
    static final String CLI_CLIENT = "doorstroom-cli";
    /** The confidential client of the services' pages; its secret is a local demo value, in the realm file too. */
    static final String WEB_CLIENT = "doorstroom-web";
    static final String WEB_CLIENT_SECRET = "doorstroom-web-local-secret";
    /** Administrator of the master realm (admin console), created on the first start only. Local demo value. */
    static final String ADMIN_USER = "admin";
    static final String ADMIN_PASSWORD = "admin";

    private static final String REALM_FILE = "doorstroom-realm.json";
    private static final String HASH_FILE = "realm.sha256";

    private Keycloak() {
    }

    /** The process and what the launcher must do once it is ready. */
    record Started(ManagedProcess process, String realmHash, boolean importing) {
    }

    static String issuer(Options options) {
        return options.keycloakUrl() + "/realms/" + REALM;
    }

    static URI tokenEndpoint(Options options) {
        return URI.create(issuer(options) + "/protocol/openid-connect/token");
    }

    static URI readiness(Options options) {
        return URI.create("http://127.0.0.1:" + options.port(Options.Port.KEYCLOAK_MANAGEMENT) + "/health/ready");
    }

    /** Starts Keycloak and returns at once; {@link #awaitReady} waits for it, so that it can start beside the broker. */
    static Started start(StackLayout layout, Options options, ProcessGroup group) {
        Path home = layout.keycloakHome();
        byte[] realm = realmFile();
        String hash = sha256(realm);
        boolean importing;
        try {
            Files.createDirectories(home);
            Path hashFile = home.resolve(HASH_FILE);
            String imported = Files.exists(hashFile) ? Files.readString(hashFile).trim() : "";
            importing = !hash.equals(imported);
            if (importing) {
                // the hash is written once the realm is served, so an interrupted import is redone next time
                Files.deleteIfExists(hashFile);
                deleteRecursively(home.resolve("data"));
            }
            Path importDir = layout.keycloakDir().resolve("data").resolve("import");
            Files.createDirectories(importDir);
            Files.write(importDir.resolve(REALM_FILE), realm);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare Keycloak's data in " + home + ": " + e.getMessage(), e);
        }
        ManagedProcess process = group.start("keycloak", command(layout, options),
                layout.workDir("keycloak"), layout.log("keycloak"), environment(System.getenv()));
        return new Started(process, hash, importing);
    }

    /** Waits for readiness, then checks that the realm is served and notes which realm file it holds. */
    static void awaitReady(StackLayout layout, Options options, Started started) throws StartupException {
        HealthWait.untilHttpOk(started.process(), readiness(options), options.readyTimeout());
        URI discovery = URI.create(issuer(options) + "/.well-known/openid-configuration");
        int status = HealthWait.httpStatus(discovery);
        if (status != 200) {
            throw StartupException.of(started.process(), "Keycloak is ready but GET " + discovery + " answered " + status
                    + "; the realm '" + REALM + "' was not imported (see the log).");
        }
        try {
            Files.writeString(layout.keycloakHome().resolve(HASH_FILE), started.realmHash() + System.lineSeparator());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> command(StackLayout layout, Options options) {
        int http = options.port(Options.Port.KEYCLOAK);
        return List.of(layout.keycloakDir().resolve("bin").resolve("kc.sh").toString(),
                "start-dev",
                "--http-host=127.0.0.1",
                "--http-port=" + http,
                "--http-management-port=" + options.port(Options.Port.KEYCLOAK_MANAGEMENT),
                "--health-enabled=true",
                "--import-realm",
                // a fixed issuer: otherwise it follows the Host header, and Spring's issuer-uri check fails
                "--hostname=" + options.keycloakUrl(),
                // the H2 database goes to <path>/data/h2 instead of the distribution's data/ folder
                "--db-url-path=" + layout.keycloakHome());
    }

    /**
     * kc.sh's environment. JAVA_OPTS must stay unset (it would replace Keycloak's own JVM options), and so must
     * inherited KC_* variables, which would change the configuration; the heap and extra options have their own
     * variables.
     */
    static Map<String, String> environment(Map<String, String> inherited) {
        Map<String, String> env = new HashMap<>();
        env.put("JAVA_OPTS", null);
        inherited.keySet().stream().filter(name -> name.startsWith("KC_")).forEach(name -> env.put(name, null));
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("JAVA_OPTS_KC_HEAP", "-Xmx256m");
        env.put("JAVA_OPTS_APPEND", String.join(" ", Stream.concat(
                Stream.of("--add-opens=java.base/java.lang=ALL-UNNAMED"),
                StackLayout.commonJvmOptions().stream()).toList()));
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        return env;
    }

    static byte[] realmFile() {
        try (InputStream in = Keycloak.class.getResourceAsStream(REALM_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(REALM_RESOURCE + " is missing from the launcher's class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
