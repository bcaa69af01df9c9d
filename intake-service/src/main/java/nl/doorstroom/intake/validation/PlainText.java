package nl.doorstroom.intake.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;

/**
 * One line of text without control characters. Markup is not refused: a name such as {@code <b>} is stored as the
 * text it is and every page renders it escaped, so it can never run as HTML.
 */
@Documented
@Pattern(regexp = "\\P{Cntrl}*")
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

    String message() default "{nl.doorstroom.intake.validation.PlainText.message}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
