package nl.doorstroom.platform.write;

import java.util.OptionalInt;

/** The change was based on another version than the record's: someone else changed it first. */
public final class StaleVersionException extends ChangeRefusedException {

    private final int currentVersion;

    public StaleVersionException(int currentVersion) {
        super("doorstroom.problem.stale-version");
        this.currentVersion = currentVersion;
    }

    @Override
    public OptionalInt currentVersion() {
        return OptionalInt.of(currentVersion);
    }
}
