package nl.doorstroom.platform.write;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;

/** An Idempotency-Key header value: 1 to 255 visible ASCII characters (a UUID is usual). */
@Documented
@Pattern(regexp = "[\\x21-\\x7E]{1,255}")
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface IdempotencyKey {

    /** The header; a write that carries it is applied at most once per caller and key. */
    String HEADER = "Idempotency-Key";

    String message() default "{nl.doorstroom.platform.write.IdempotencyKey.message}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
