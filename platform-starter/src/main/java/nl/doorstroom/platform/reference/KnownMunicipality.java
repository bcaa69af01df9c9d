package nl.doorstroom.platform.reference;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/** The value is the CBS code of a municipality that exists today ({@code null} is left to {@code @NotNull}). */
@Documented
@Constraint(validatedBy = KnownMunicipalityValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface KnownMunicipality {

    String message() default "{nl.doorstroom.platform.reference.KnownMunicipality.message}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
