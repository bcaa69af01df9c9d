package nl.doorstroom.platform.web;

/**
 * One invalid input field, as listed in the {@code invalidParams} extension member of a 400 problem
 * (the NL API Design Rules' shape).
 *
 * @param name   the field, as a JSON path from the body's root ({@code education.yearsOfSchooling})
 * @param code   a stable machine-readable code ({@code required}, {@code pattern}, ...)
 * @param reason what is wrong, in the user's language
 */
public record InvalidParam(String name, String code, String reason) {
}
