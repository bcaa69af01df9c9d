package nl.doorstroom.intake.linking;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import nl.doorstroom.platform.reference.KnownMunicipality;
import nl.doorstroom.platform.validation.PlausibleDate;

/**
 * The link (koppeling) COA makes between a permit holder and the municipality that will house them.
 *
 * @param version          the version of the intake record this link is based on
 * @param municipalityCode CBS code of the municipality, {@code GMxxxx}
 * @param permitDate       date the residence permit was granted
 * @param linkDate         date of the link; not before the permit
 */
@MunicipalityLink.LinkAfterPermit
public record MunicipalityLink(
        @NotNull @Min(1) Integer version,
        @NotNull @KnownMunicipality String municipalityCode,
        @NotNull @PastOrPresent @PlausibleDate(yearsBack = 30) LocalDate permitDate,
        @NotNull @PastOrPresent @PlausibleDate(yearsBack = 30) LocalDate linkDate) {

    @Documented
    @Constraint(validatedBy = LinkAfterPermit.Validator.class)
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    public @interface LinkAfterPermit {

        String message() default "{nl.doorstroom.intake.linking.LinkAfterPermit.message}";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Validator implements ConstraintValidator<LinkAfterPermit, MunicipalityLink> {

            @Override
            public boolean isValid(MunicipalityLink link, ConstraintValidatorContext context) {
                if (link.permitDate() == null || link.linkDate() == null || !link.linkDate().isBefore(link.permitDate())) {
                    return true;
                }
                // reported on the field the user has to change
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                        .addPropertyNode("linkDate").addConstraintViolation();
                return false;
            }
        }
    }
}
