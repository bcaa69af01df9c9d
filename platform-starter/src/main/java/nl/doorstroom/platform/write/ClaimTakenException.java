package nl.doorstroom.platform.write;

import java.util.List;

/** A natural key that must be unique (a V-number, a KvK number) already belongs to another record. */
public final class ClaimTakenException extends ChangeRefusedException {

    private final FieldProblem field;

    /**
     * @param messageKey prefix of the messages that say what is taken
     * @param field      the field that carried the key
     */
    public ClaimTakenException(String messageKey, FieldProblem field) {
        super(messageKey);
        this.field = field;
    }

    @Override
    public List<FieldProblem> fieldProblems() {
        return List.of(field);
    }
}
