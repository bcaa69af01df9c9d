package nl.doorstroom.intake.registration;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.doorstroom.intake.validation.Bsn;
import nl.doorstroom.intake.validation.CountryCode;
import nl.doorstroom.intake.validation.LanguageCode;
import nl.doorstroom.intake.validation.PlainText;
import nl.doorstroom.intake.validation.PlausibleBirthDate;
import nl.doorstroom.intake.validation.VNumber;

/**
 * A person's personal details as AZC staff record them at registration and correct them later.
 *
 * @param bsn                   burgerservicenummer, once the person is registered in the BRP; optional
 * @param languagesSpoken       ISO 639-1 codes
 * @param literateInLatinScript whether the person reads and writes the Latin script; {@code null} while unknown
 */
public record PersonalDetailsInput(
        @NotBlank @Size(max = 100) @PlainText String givenNames,
        @NotBlank @Size(max = 100) @PlainText String familyName,
        @NotNull @PlausibleBirthDate LocalDate dateOfBirth,
        @NotNull Sex sex,
        @NotNull @VNumber String vNumber,
        @Bsn String bsn,
        @NotNull @CountryCode String countryOfOrigin,
        @Size(max = 20) List<@NotNull @LanguageCode String> languagesSpoken,
        Boolean literateInLatinScript) {

    /** As in the residence document (BRP geslachtsaanduiding M, V, O). */
    public enum Sex { FEMALE, MALE, UNDETERMINED }

    public PersonalDetailsInput {
        languagesSpoken = languagesSpoken == null ? List.of() : languagesSpoken;
    }
}
