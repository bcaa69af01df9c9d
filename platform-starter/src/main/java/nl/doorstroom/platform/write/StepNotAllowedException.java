package nl.doorstroom.platform.write;

import java.util.OptionalInt;

/** The record's state does not allow this step now (a plan before the brede intake, a change after closure). */
public final class StepNotAllowedException extends ChangeRefusedException {

    private final int currentVersion;

    /**
     * @param messageKey     prefix of the messages that say why
     * @param currentVersion the version the record is at
     */
    public StepNotAllowedException(String messageKey, int currentVersion) {
        super(messageKey);
        this.currentVersion = currentVersion;
    }

    @Override
    public OptionalInt currentVersion() {
        return OptionalInt.of(currentVersion);
    }
}
