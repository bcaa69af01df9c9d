package nl.doorstroom.platform.write;

import java.util.List;

/** Fields that are well-formed but refused by a rule that needs the record or the reference data. */
public final class FieldProblemsException extends ChangeRefusedException {

    private final List<FieldProblem> problems;

    public FieldProblemsException(List<FieldProblem> problems) {
        super("doorstroom.problem.invalid-input");
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a refusal names at least one field");
        }
        this.problems = List.copyOf(problems);
    }

    /** One field: {@code reasonKey} says what is wrong with it. */
    public static FieldProblemsException of(String field, String code, String reasonKey) {
        return new FieldProblemsException(List.of(new FieldProblem(field, code, reasonKey)));
    }

    /** Refuses the change with these problems, if there are any. */
    public static void rejectIfAny(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new FieldProblemsException(problems);
        }
    }

    @Override
    public List<FieldProblem> fieldProblems() {
        return problems;
    }
}
