package nl.doorstroom.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeycloakTest {

    private static final Path ROOT = Path.of("/repo");

    @Test
    void startsInDevelopmentModeOnLoopbackWithAFixedIssuerAndItsDatabaseUnderDotLocal() throws Exception {
        StackLayout layout = StackLayout.of(ROOT);
        Options options = Options.parse(new String[] {"--keycloak-port", "8480", "--keycloak-management-port", "9480"}, Map.of(), ROOT);

        List<String> command = Keycloak.command(layout, options);

        assertEquals(layout.keycloakDir().resolve("bin/kc.sh").toString(), command.getFirst());
        assertEquals(List.of("start-dev", "--http-host=127.0.0.1", "--http-port=8480", "--http-management-port=9480",
                        "--health-enabled=true", "--import-realm", "--hostname=http://127.0.0.1:8480",
                        "--db-url-path=/repo/.local/keycloak"),
                command.subList(1, command.size()));
        assertTrue(layout.keycloakDir().startsWith(ROOT.resolve("target/tools")), layout.keycloakDir().toString());
        assertTrue(layout.keycloakDir().getFileName().toString().startsWith("keycloak-2"), layout.keycloakDir().toString());
    }

    @Test
    void keepsKeycloaksOwnJvmOptionsAndIgnoresInheritedKeycloakSettings() {
        Map<String, String> env = Keycloak.environment(Map.of("JAVA_OPTS", "-Xmx4g", "KC_DB", "postgres", "HOME", "/root"));

        assertTrue(env.containsKey("JAVA_OPTS"));
        assertNull(env.get("JAVA_OPTS"), "JAVA_OPTS would replace Keycloak's own JVM options: removed");
        assertTrue(env.containsKey("KC_DB"));
        assertNull(env.get("KC_DB"));
        assertFalse(env.containsKey("HOME"), "other variables are inherited unchanged");
        assertEquals("-Xmx256m", env.get("JAVA_OPTS_KC_HEAP"));
        assertTrue(env.get("JAVA_OPTS_APPEND").startsWith("--add-opens=java.base/java.lang=ALL-UNNAMED"));
        assertEquals(System.getProperty("java.home"), env.get("JAVA_HOME"));
        assertEquals("admin", env.get("KC_BOOTSTRAP_ADMIN_USERNAME"));
    }

    @Test
    void theRealmHashChangesWithTheFile() {
        byte[] realm = Keycloak.realmFile();
        String hash = Keycloak.sha256(realm);
        assertEquals(64, hash.length());
        assertEquals(hash, Keycloak.sha256(realm.clone()));
        byte[] changed = realm.clone();
        changed[changed.length / 2] ^= 1;
        assertFalse(hash.equals(Keycloak.sha256(changed)));
    }

    @Test
    void servicesGetTheResourceServerAndLoginSettingsOfTheLocalRealm() throws Exception {
        Options options = Options.parse(new String[] {"--keycloak-port", "8480"}, Map.of(), ROOT);
        List<String> arguments = Services.arguments(StackLayout.of(ROOT), options, Services.ALL.getFirst());

        String issuer = "http://127.0.0.1:8480/realms/doorstroom";
        assertTrue(arguments.contains("--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer), arguments.toString());
        assertTrue(arguments.contains("--spring.security.oauth2.client.provider.keycloak.issuer-uri=" + issuer));
        assertTrue(arguments.contains("--spring.security.oauth2.client.registration.keycloak.client-id=doorstroom-web"));
        assertTrue(arguments.contains("--spring.security.oauth2.client.registration.keycloak.client-secret=doorstroom-web-local-secret"));
        assertTrue(arguments.contains("--spring.security.oauth2.client.registration.keycloak.scope=openid,profile"));
        assertTrue(arguments.contains("--spring.security.oauth2.client.registration.keycloak.authorization-grant-type=authorization_code"));
        assertTrue(arguments.contains("--server.port=8281"));
    }
}
