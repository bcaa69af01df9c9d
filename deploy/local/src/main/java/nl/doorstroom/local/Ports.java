package nl.doorstroom.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Checks, before anything is started, that every port the stack needs is free. */
final class Ports {

    private Ports() {
    }

    /** One or more ports are taken; the message names each port and the option that changes it. */
    static final class PortInUseException extends Exception {
        PortInUseException(String message) {
            super(message);
        }
    }

    static void requireFree(Map<Options.Port, Integer> ports) throws PortInUseException {
        List<String> problems = new ArrayList<>();
        ports.forEach((port, number) -> {
            if (!isFree(number)) {
                problems.add("Port %d (%s) is already in use. Stop what is using it, or choose another port with %s <port> (or %s=<port>)."
                        .formatted(number, port.description, port.flag(), port.envVariable()));
            }
        });
        if (!problems.isEmpty()) {
            throw new PortInUseException(String.join(System.lineSeparator(), problems));
        }
    }

    /**
     * Binds the wildcard address, which fails when anything listens on the port on any local address.
     * SO_REUSEADDR stays on so that connections of a previous run still in TIME_WAIT do not count as "in use".
     */
    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
