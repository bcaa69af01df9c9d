package nl.doorstroom.platform.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A short free text of at most 1000 characters: line breaks and tabs are allowed; other control characters and
 * invisible format characters (bidi overrides and isolates, zero-width characters) are not, so a text reads as what
 * it is. Markup is not refused; it is stored as the text it is and rendered escaped.
 */
@Documented
@Size(max = 1000)
@Pattern(regexp = "(?:[\\n\\r\\t]|[^\\p{Cc}\\p{Cf}\\p{Cs}\\p{Co}\\p{Cn}\\u2028\\u2029])*")
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface ShortText {

    String message() default "{nl.doorstroom.platform.validation.ShortText.message}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
