package nl.doorstroom.intake.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.LocalDate;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** A date of birth that is not in the future and not more than 120 years ago. */
@Documented
@Constraint(validatedBy = PlausibleBirthDate.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlausibleBirthDate {

    String message() default "{nl.doorstroom.intake.validation.PlausibleBirthDate.message}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PlausibleBirthDate, LocalDate> {

        static final int MAX_AGE_YEARS = 120;

        @Override
        public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            LocalDate today = LocalDate.now(context.getClockProvider() == null ? Clock.systemDefaultZone()
                    : context.getClockProvider().getClock());
            return !value.isAfter(today) && !value.isBefore(today.minusYears(MAX_AGE_YEARS));
        }
    }
}
