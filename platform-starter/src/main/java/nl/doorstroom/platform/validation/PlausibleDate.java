package nl.doorstroom.platform.validation;

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

/**
 * A date within a range that makes sense for the field, counted in years from today: a mistyped year (20244, 0202)
 * is refused with a clear message instead of being stored, or wrapped around when it is written as days since 1970.
 */
@Documented
@Constraint(validatedBy = PlausibleDate.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlausibleDate {

    /** How many years before today the date may lie. */
    int yearsBack();

    /** How many years after today the date may lie (0: not after today). */
    int yearsAhead() default 0;

    String message() default "{nl.doorstroom.platform.validation.PlausibleDate.message}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PlausibleDate, LocalDate> {

        private int yearsBack;
        private int yearsAhead;

        @Override
        public void initialize(PlausibleDate annotation) {
            yearsBack = annotation.yearsBack();
            yearsAhead = annotation.yearsAhead();
        }

        @Override
        public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            LocalDate today = LocalDate.now(context.getClockProvider() == null ? Clock.systemDefaultZone()
                    : context.getClockProvider().getClock());
            return !value.isBefore(today.minusYears(yearsBack)) && !value.isAfter(today.plusYears(yearsAhead));
        }
    }
}
