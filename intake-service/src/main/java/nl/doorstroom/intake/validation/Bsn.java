package nl.doorstroom.intake.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A burgerservicenummer: 9 digits that pass the 11-proef (weights 9 down to 2 and −1 for the last digit; the sum is
 * divisible by 11 and not 0). Shorter historic numbers are written with leading zeros.
 */
@Documented
@Constraint(validatedBy = Bsn.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface Bsn {

    String message() default "{nl.doorstroom.intake.validation.Bsn.message}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Bsn, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || passesElevenTest(value);
        }

        public static boolean passesElevenTest(String value) {
            if (!value.matches("\\d{9}")) {
                return false;
            }
            int sum = 0;
            for (int i = 0; i < 8; i++) {
                sum += (9 - i) * (value.charAt(i) - '0');
            }
            sum -= value.charAt(8) - '0';
            return sum != 0 && sum % 11 == 0;
        }
    }
}
