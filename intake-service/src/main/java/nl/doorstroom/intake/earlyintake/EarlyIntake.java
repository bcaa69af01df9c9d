package nl.doorstroom.intake.earlyintake;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.doorstroom.intake.validation.CountryCode;
import nl.doorstroom.intake.validation.IscoCode;
import nl.doorstroom.intake.validation.LanguageCode;
import nl.doorstroom.intake.validation.PlainText;

/**
 * The early intake recorded in the AZC: education, work experience, languages and wishes. Recording it again
 * replaces the previous intake as a whole.
 */
public record EarlyIntake(
        @NotNull @Valid Education education,
        @NotNull @Size(max = 20) List<@NotNull @Valid WorkExperience> workExperience,
        @NotNull @Size(max = 40) List<@NotNull @Valid LanguageLevel> languageLevels,
        @NotNull @Valid Wishes wishes) {

    /** Highest completed education as an ISCED 2011 level. */
    public record Education(
            @NotNull IscedLevel iscedLevel,
            @Min(0) @Max(30) Integer yearsOfSchooling,
            @CountryCode String countryOfEducation) {
    }

    /** Work done before, with the ISCO-08 code and the title as known in the country of origin. */
    public record WorkExperience(
            @NotNull @IscoCode String iscoCode,
            @NotBlank @Size(max = 100) @PlainText String jobTitle,
            @Min(0) @Max(60) Integer years,
            @Size(max = 100) @PlainText String sector) {
    }

    /** A CEFR level for one skill in one language; exams are taken per skill. */
    public record LanguageLevel(
            @NotNull @LanguageCode String language,
            @NotNull CefrSkill skill,
            @NotNull CefrLevel level) {
    }

    public record Wishes(
            @Size(max = 200) @PlainText String work,
            @Size(max = 200) @PlainText String education,
            @Size(max = 10) List<@NotBlank @Size(max = 100) @PlainText String> sectors) {
    }

    public enum IscedLevel { ISCED_0, ISCED_1, ISCED_2, ISCED_3, ISCED_4, ISCED_5, ISCED_6, ISCED_7, ISCED_8 }

    public enum CefrSkill { LISTENING, READING, SPOKEN_INTERACTION, SPOKEN_PRODUCTION, WRITING }

    /** CEFR A1–C2; "A0" is informal and not accepted. */
    public enum CefrLevel { A1, A2, B1, B2, C1, C2 }
}
