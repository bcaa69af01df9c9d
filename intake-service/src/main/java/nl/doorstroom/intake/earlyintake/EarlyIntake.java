package nl.doorstroom.intake.earlyintake;

import java.time.LocalDate;
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
 * The early intake recorded in the AZC: education, work experience, languages, wishes and availability. Recording
 * it again replaces the previous intake as a whole and makes a new version of the record.
 *
 * @param version the version of the intake record this change is based on
 */
public record EarlyIntake(
        @NotNull @Min(1) Integer version,
        @NotNull @Valid Education education,
        @NotNull @Size(max = 20) List<@NotNull @Valid WorkExperience> workExperience,
        @NotNull @Size(max = 40) List<@NotNull @Valid LanguageLevel> languageLevels,
        @NotNull @Valid Wishes wishes,
        @NotNull @Valid Availability availability) {

    /** The same intake without the version, to compare two versions' contents. */
    public EarlyIntake withoutVersion() {
        return new EarlyIntake(null, education, workExperience, languageLevels, wishes, availability);
    }

    /**
     * Highest completed education as an ISCED 2011 level, with the Dutch comparable level and the diploma evaluation
     * by IDW/Nuffic (diplomawaardering) when there is one.
     */
    public record Education(
            @NotNull IscedLevel iscedLevel,
            DutchLevel dutchComparableLevel,
            @Min(0) @Max(30) Integer yearsOfSchooling,
            @CountryCode String countryOfEducation,
            @Size(max = 10) List<@NotNull @Valid Diploma> diplomas,
            @Valid CredentialEvaluation credentialEvaluation) {

        public Education {
            diplomas = diplomas == null ? List.of() : diplomas;
        }
    }

    public record Diploma(
            @NotBlank @Size(max = 150) @PlainText String title,
            @CountryCode String country,
            @Min(1940) @Max(2100) Integer yearObtained,
            boolean documentAvailable) {
    }

    /** @param reference IDW/Nuffic's dossier reference */
    public record CredentialEvaluation(
            @NotNull EvaluationStatus status,
            @Size(max = 40) @PlainText String reference,
            DutchLevel outcome) {
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

        public Wishes {
            sectors = sectors == null ? List.of() : sectors;
        }
    }

    /** Constraints on availability; never a diagnosis or its cause (AVG art. 9). */
    public record Availability(
            @Min(0) @Max(60) Integer hoursPerWeek,
            @Size(max = 3) List<@NotNull CareDuty> careDuties,
            LocalDate availableFrom) {

        public Availability {
            careDuties = careDuties == null ? List.of() : careDuties;
        }
    }

    public enum IscedLevel { ISCED_0, ISCED_1, ISCED_2, ISCED_3, ISCED_4, ISCED_5, ISCED_6, ISCED_7, ISCED_8 }

    public enum DutchLevel {
        NONE, PRIMARY, VMBO, MBO_1, MBO_2, MBO_3, MBO_4, HAVO, VWO, HBO_ASSOCIATE, BACHELOR, MASTER, DOCTORATE
    }

    public enum EvaluationStatus { NOT_REQUESTED, REQUESTED, EVALUATED, LEVEL_INDICATION }

    public enum CareDuty { CHILDREN, FAMILY_MEMBER, OTHER }

    public enum CefrSkill { LISTENING, READING, SPOKEN_INTERACTION, SPOKEN_PRODUCTION, WRITING }

    /** CEFR A1–C2; "A0" is informal and not accepted. */
    public enum CefrLevel { A1, A2, B1, B2, C1, C2 }
}
