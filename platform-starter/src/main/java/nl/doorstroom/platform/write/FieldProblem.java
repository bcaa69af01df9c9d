package nl.doorstroom.platform.write;

/**
 * One field that a rule refuses, in the shape of the problem's {@code invalidParams} entry.
 *
 * @param field     the field, as a JSON path from the body's root ({@code plannedEnd})
 * @param code      a stable machine-readable code
 * @param reasonKey message key of the reason, resolved in the user's language when answered
 */
public record FieldProblem(String field, String code, String reasonKey) {
}
