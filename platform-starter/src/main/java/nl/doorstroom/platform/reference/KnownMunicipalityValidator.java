package nl.doorstroom.platform.reference;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks against the reference list the platform loads; Spring injects it into the validator. */
public class KnownMunicipalityValidator implements ConstraintValidator<KnownMunicipality, String> {

    private final Municipalities municipalities;

    public KnownMunicipalityValidator(Municipalities municipalities) {
        this.municipalities = municipalities;
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || municipalities.isKnown(value);
    }
}
