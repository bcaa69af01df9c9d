package nl.doorstroom.intake.registration;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import nl.doorstroom.intake.validation.CountryCode;
import nl.doorstroom.intake.validation.PlainText;
import nl.doorstroom.intake.validation.PlausibleBirthDate;
import nl.doorstroom.intake.validation.VNumber;

/**
 * What AZC staff record when a person is registered at their reception location.
 *
 * @param receptionLocation code of the COA location (AZC), e.g. {@code AZC-BUDEL}
 */
public record PersonRegistration(
        @NotBlank @Size(max = 100) @PlainText String givenNames,
        @NotBlank @Size(max = 100) @PlainText String familyName,
        @NotNull @PlausibleBirthDate LocalDate dateOfBirth,
        @NotNull @VNumber String vNumber,
        @NotNull @CountryCode String countryOfOrigin,
        @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Z0-9][A-Z0-9-]*") String receptionLocation) {
}
