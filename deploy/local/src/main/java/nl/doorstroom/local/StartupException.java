package nl.doorstroom.local;

/** A process did not come up; the message says which one, and carries the tail of its log. */
final class StartupException extends Exception {
    StartupException(String message) {
        super(message);
    }

    static StartupException of(ManagedProcess process, String problem) {
        return new StartupException(problem + System.lineSeparator()
                + "Last lines of " + process.log() + ":" + System.lineSeparator()
                + process.tail(30).indent(4));
    }
}
