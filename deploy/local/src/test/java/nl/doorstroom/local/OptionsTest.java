package nl.doorstroom.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import nl.doorstroom.local.Options.Port;
import nl.doorstroom.local.Options.UsageException;
import org.junit.jupiter.api.Test;

class OptionsTest {

    private static final Path ROOT = Path.of("/repo");

    private static Options parse(Map<String, String> env, String... args) throws UsageException {
        return Options.parse(args, env, ROOT);
    }

    @Test
    void defaultsAvoidTheWellKnownPorts() throws UsageException {
        Options options = parse(Map.of());
        assertEquals(9192, options.port(Port.BROKER));
        assertEquals(8180, options.port(Port.REGISTRY));
        assertEquals(8281, options.port(Port.INTAKE));
        assertEquals(8380, options.port(Port.KEYCLOAK));
        assertEquals(9380, options.port(Port.KEYCLOAK_MANAGEMENT));
        assertEquals("http://127.0.0.1:8380", options.keycloakUrl());
        assertFalse(options.ports().containsValue(8080), "Keycloak's own default");
        assertFalse(options.ports().containsValue(9092));
        assertFalse(options.ports().containsValue(8081));
        assertFalse(options.demo() || options.infraOnly() || options.help());
        assertEquals(Options.DEFAULT_READY_TIMEOUT, options.readyTimeout());
        assertEquals(ROOT, options.repoRoot());
    }

    @Test
    void optionsTakeTheirValueAfterASpaceOrAnEqualsSign() throws UsageException {
        Options options = parse(Map.of(), "--broker-port", "9292", "--registry-port=8390", "--demo",
                "--ready-timeout", "60", "--repo-root", "/elsewhere", "--skip-build");
        assertEquals(9292, options.port(Port.BROKER));
        assertEquals(8390, options.port(Port.REGISTRY));
        assertTrue(options.demo());
        assertEquals(Duration.ofSeconds(60), options.readyTimeout());
        assertEquals(Path.of("/elsewhere"), options.repoRoot());
        assertEquals("127.0.0.1:9292", options.bootstrapServers());
    }

    @Test
    void environmentOverridesTheDefaultAndTheOptionOverridesTheEnvironment() throws UsageException {
        Map<String, String> env = Map.of("DOORSTROOM_BROKER_PORT", "9392", "DOORSTROOM_INTAKE_PORT", "8481");
        Options options = parse(env, "--intake-port", "8581");
        assertEquals(9392, options.port(Port.BROKER));
        assertEquals(8581, options.port(Port.INTAKE));
    }

    @Test
    void infraOnlyNeedsOnlyTheBrokerRegistryAndKeycloakPorts() throws UsageException {
        Options options = parse(Map.of(), "--infra-only");
        assertEquals(java.util.Set.of(Port.BROKER, Port.CONTROLLER, Port.REGISTRY, Port.REGISTRY_MANAGEMENT,
                        Port.KEYCLOAK, Port.KEYCLOAK_MANAGEMENT),
                options.portsInUse().keySet());
        assertEquals(Port.values().length, parse(Map.of()).portsInUse().size());
    }

    @Test
    void keycloakPortsComeFromOptionsOrEnvironment() throws UsageException {
        Map<String, String> env = Map.of("DOORSTROOM_KEYCLOAK_PORT", "8480", "DOORSTROOM_KEYCLOAK_MANAGEMENT_PORT", "9480");
        Options fromEnv = parse(env);
        assertEquals(8480, fromEnv.port(Port.KEYCLOAK));
        assertEquals(9480, fromEnv.port(Port.KEYCLOAK_MANAGEMENT));
        assertEquals("http://127.0.0.1:8480/realms/doorstroom", Keycloak.issuer(fromEnv));

        Options fromOptions = parse(env, "--keycloak-port", "8580", "--keycloak-management-port=9580");
        assertEquals(8580, fromOptions.port(Port.KEYCLOAK));
        assertEquals(9580, fromOptions.port(Port.KEYCLOAK_MANAGEMENT));
        assertEquals("http://127.0.0.1:9580/health/ready", Keycloak.readiness(fromOptions).toString());
        assertEquals("http://127.0.0.1:8580/realms/doorstroom/protocol/openid-connect/token",
                Keycloak.tokenEndpoint(fromOptions).toString());

        UsageException clash = assertThrows(UsageException.class, () -> parse(Map.of(), "--keycloak-port", "8180"));
        assertEquals("Port 8180 is given to both --registry-port and --keycloak-port; every port must be different",
                clash.getMessage());
    }

    @Test
    void wrongCommandLinesAreExplained() {
        assertEquals("Unknown option '--brokerport'",
                assertThrows(UsageException.class, () -> parse(Map.of(), "--brokerport", "1")).getMessage());
        assertEquals("--broker-port must be a port number from 1 to 65535, not '70000'",
                assertThrows(UsageException.class, () -> parse(Map.of(), "--broker-port", "70000")).getMessage());
        assertEquals("--broker-port needs a value",
                assertThrows(UsageException.class, () -> parse(Map.of(), "--broker-port", "--demo")).getMessage());
        assertEquals("DOORSTROOM_REGISTRY_PORT must be a port number from 1 to 65535, not 'abc'",
                assertThrows(UsageException.class, () -> parse(Map.of("DOORSTROOM_REGISTRY_PORT", "abc"))).getMessage());
        assertEquals("--ready-timeout needs a whole number of seconds of at least 1, not '0'",
                assertThrows(UsageException.class, () -> parse(Map.of(), "--ready-timeout", "0")).getMessage());
    }

    @Test
    void twoComponentsCannotShareAPort() {
        UsageException e = assertThrows(UsageException.class, () -> parse(Map.of(), "--intake-port", "9192"));
        assertEquals("Port 9192 is given to both --broker-port and --intake-port; every port must be different", e.getMessage());
    }

    @Test
    void helpListsEveryOptionAndEnvironmentVariable() throws UsageException {
        assertTrue(parse(Map.of(), "--help").help());
        String usage = Options.usage();
        for (Port port : Port.values()) {
            assertTrue(usage.contains(port.flag()), port.flag());
            assertTrue(usage.contains(port.envVariable()), port.envVariable());
        }
        for (String flag : new String[] {"--demo", "--infra-only", "--skip-build", "--ready-timeout"}) {
            assertTrue(usage.contains(flag), flag);
        }
    }
}
