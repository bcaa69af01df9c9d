package nl.doorstroom.local;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;
import nl.doorstroom.local.Options.Port;
import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void aPortSomeoneListensOnGivesAnErrorNamingThePortAndTheOptionToChangeIt() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            Ports.PortInUseException e = assertThrows(Ports.PortInUseException.class,
                    () -> Ports.requireFree(Map.of(Port.BROKER, port)));
            assertEquals("Port " + port + " (Kafka broker) is already in use. Stop what is using it, or choose another port"
                    + " with --broker-port <port> (or DOORSTROOM_BROKER_PORT=<port>).", e.getMessage());
        }
    }

    @Test
    void aTakenKeycloakPortNamesKeycloaksOption() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            String message = assertThrows(Ports.PortInUseException.class,
                    () -> Ports.requireFree(Map.of(Port.KEYCLOAK_MANAGEMENT, port))).getMessage();
            assertEquals("Port " + port + " (Keycloak management (health)) is already in use. Stop what is using it, or choose"
                    + " another port with --keycloak-management-port <port> (or DOORSTROOM_KEYCLOAK_MANAGEMENT_PORT=<port>).", message);
        }
    }

    @Test
    void aListenerOnTheWildcardAddressCountsToo() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(0));
            assertFalse(Ports.isFree(taken.getLocalPort()));
        }
    }

    @Test
    void everyTakenPortIsReportedAtOnce() throws IOException {
        try (ServerSocket first = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             ServerSocket second = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String message = assertThrows(Ports.PortInUseException.class, () -> Ports.requireFree(Map.of(
                    Port.REGISTRY, first.getLocalPort(), Port.ANALYTICS, second.getLocalPort()))).getMessage();
            assertTrue(message.contains("--registry-port"), message);
            assertTrue(message.contains("--analytics-port"), message);
        }
    }

    @Test
    void aFreePortPasses() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        assertTrue(Ports.isFree(port));
        assertDoesNotThrow(() -> Ports.requireFree(Map.of(Port.INTAKE, port)));
    }
}
