package nl.doorstroom.platform.write;

import java.util.List;
import java.util.OptionalInt;

/**
 * A change that was well-formed but cannot be applied to the record as it is; nothing was published. Each kind says
 * what the user can do about it; the HTTP status and the wording belong to the advices, not to the domain.
 */
public abstract sealed class ChangeRefusedException extends RuntimeException
        permits StaleVersionException, IdempotencyKeyReusedException, StepNotAllowedException, FieldProblemsException,
        ClaimTakenException {

    private final String messageKey;

    ChangeRefusedException(String messageKey) {
        super(messageKey, null, false, false);
        this.messageKey = messageKey;
    }

    /** Prefix of the {@code .title} and {@code .detail} messages. */
    public String messageKey() {
        return messageKey;
    }

    /** The version the record is at now, where the refusal depends on it (the user reloads and decides again). */
    public OptionalInt currentVersion() {
        return OptionalInt.empty();
    }

    /** The fields the refusal is about, if it is about particular fields. */
    public List<FieldProblem> fieldProblems() {
        return List.of();
    }
}
