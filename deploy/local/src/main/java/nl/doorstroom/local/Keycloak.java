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
import java.util.LinkedHashMap;
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
 *
 * <p>The public methods are what the system tests reuse to run the same Keycloak with the same realm on their own
 * ports and data directory.
 */
public final class Keycloak {

    public static final String REALM = "doorstroom";
    static final String REALM_RESOURCE = "/keycloak/doorstroom-realm.json";
    /** The demo users' password, and the client that may use the password grant. Local demo values only. */
    public static final String DEMO_PASSWORD = "doorstroom";
    static final String CLI_CLIENT = "doorstroom-cli";
    /** The confidential client of the services' pages; its secret is a local demo value, in the realm file too. */
    public static final String WEB_CLIENT = "doorstroom-web";
    public static final String WEB_CLIENT_SECRET = "doorstroom-web-local-secret";
    /** Administrator of the master realm (admin console), created on the first start only. Local demo value. */
    static final String ADMIN_USER = "admin";
    static final String ADMIN_PASSWORD = "admin";

    private static final String REALM_FILE = "doorstroom-realm.json";
    private static final String HASH_FILE = "realm.sha256";

    private Keycloak() {
    }

    /** The process and what the launcher must do once it is ready. */
    record Started(ManagedProcess process, boolean importing) {
    }

    static String issuer(Options options) {
        return issuer(options.keycloakUrl());
    }

    /** The realm's issuer at a Keycloak whose base address is {@code keycloakUrl}. */
    public static String issuer(String keycloakUrl) {
        return keycloakUrl + "/realms/" + REALM;
    }

    /**
     * A service's OAuth2 client registration for its pages (authorization code with PKCE, DESIGN §5), as Spring Boot
     * properties.
     */
    public static Map<String, String> loginProperties(String issuer) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.security.oauth2.client.provider.keycloak.issuer-uri", issuer);
        properties.put("spring.security.oauth2.client.registration.keycloak.client-id", WEB_CLIENT);
        properties.put("spring.security.oauth2.client.registration.keycloak.client-secret", WEB_CLIENT_SECRET);
        properties.put("spring.security.oauth2.client.registration.keycloak.scope", "openid,profile");
        properties.put("spring.security.oauth2.client.registration.keycloak.authorization-grant-type", "authorization_code");
        return properties;
    }

    static URI tokenEndpoint(Options options) {
        return URI.create(issuer(options) + "/protocol/openid-connect/token");
    }

    static URI readiness(Options options) {
        return URI.create("http://127.0.0.1:" + options.port(Options.Port.KEYCLOAK_MANAGEMENT) + "/health/ready");
    }

    /** Starts Keycloak and returns at once; {@link #awaitReady} waits for it, so that it can start beside the broker. */
    static Started start(StackLayout layout, Options options, ProcessGroup group) {
        boolean importing = prepareImport(layout.keycloakDir(), layout.keycloakHome());
        ManagedProcess process = group.start("keycloak", command(layout, options),
                layout.workDir("keycloak"), layout.log("keycloak"), environment(System.getenv()));
        return new Started(process, importing);
    }

    /**
     * Puts the realm file where {@code start-dev --import-realm} reads it, and deletes the database in {@code home}
     * when it holds another version of the realm (Keycloak never re-imports an existing realm). Returns whether the
     * realm will be imported.
     */
    public static boolean prepareImport(Path keycloakDir, Path home) {
        byte[] realm = realmFile();
        try {
            Files.createDirectories(home);
            Path hashFile = home.resolve(HASH_FILE);
            String imported = Files.exists(hashFile) ? Files.readString(hashFile).trim() : "";
            boolean importing = !sha256(realm).equals(imported);
            if (importing) {
                // the hash is written once the realm is served, so an interrupted import is redone next time
                Files.deleteIfExists(hashFile);
                deleteRecursively(home.resolve("data"));
            }
            Path importDir = keycloakDir.resolve("data").resolve("import");
            Files.createDirectories(importDir);
            Files.write(importDir.resolve(REALM_FILE), realm);
            return importing;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare Keycloak's data in " + home + ": " + e.getMessage(), e);
        }
    }

    /** Notes in {@code home} that its database holds the current realm file, once Keycloak serves the realm. */
    public static void rememberImport(Path home) {
        try {
            Files.writeString(home.resolve(HASH_FILE), sha256(realmFile()) + System.lineSeparator());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        rememberImport(layout.keycloakHome());
    }

    static List<String> command(StackLayout layout, Options options) {
        return command(layout.keycloakDir(), options.port(Options.Port.KEYCLOAK),
                options.port(Options.Port.KEYCLOAK_MANAGEMENT), layout.keycloakHome());
    }

    /**
     * kc.sh of the distribution in {@code keycloakDir} in development mode on 127.0.0.1, with its database in
     * {@code home}; ready at {@code http://127.0.0.1:<managementPort>/health/ready}.
     */
    public static List<String> command(Path keycloakDir, int httpPort, int managementPort, Path home) {
        return List.of(keycloakDir.resolve("bin").resolve("kc.sh").toString(),
                "start-dev",
                "--http-host=127.0.0.1",
                "--http-port=" + httpPort,
                "--http-management-port=" + managementPort,
                "--health-enabled=true",
                "--import-realm",
                // a fixed issuer: otherwise it follows the Host header, and Spring's issuer-uri check fails
                "--hostname=http://127.0.0.1:" + httpPort,
                // the H2 database goes to <path>/data/h2 instead of the distribution's data/ folder
                "--db-url-path=" + home);
    }

    /**
     * kc.sh's environment. JAVA_OPTS must stay unset (it would replace Keycloak's own JVM options), and so must
     * inherited KC_* variables, which would change the configuration; the heap and extra options have their own
     * variables.
     */
    public static Map<String, String> environment(Map<String, String> inherited) {
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
