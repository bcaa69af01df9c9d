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

/** An ISCO-08 unit group: four digits, the first one a major group 0–9. */
@Documented
@Pattern(regexp = "\\d{4}")
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface IscoCode {

    String message() default "{nl.doorstroom.intake.validation.IscoCode.message}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
