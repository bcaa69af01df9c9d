package nl.doorstroom.platform.write;

/**
 * One field that a rule refuses, in the shape of the problem's {@code invalidParams} entry.
 *
 * @param field     the field, as a JSON path from the body's root ({@code plannedEnd})
 * @param code      a stable machine-readable code
 * @param reasonKey message key of the reason, resolved in the user's language when answered
 * @param reason    the reason already in the user's language, or {@code null}: a Bean Validation message, which the
 *                  validator interpolates in the request's language from bundles that are not message keys
 */
public record FieldProblem(String field, String code, String reasonKey, String reason) {

    public FieldProblem(String field, String code, String reasonKey) {
        this(field, code, reasonKey, null);
    }

    /** The same problem under another field name (a field of one row of an upload: {@code rows[3].startDate}). */
    public FieldProblem named(String otherField) {
        return new FieldProblem(otherField, code, reasonKey, reason);
    }
}
