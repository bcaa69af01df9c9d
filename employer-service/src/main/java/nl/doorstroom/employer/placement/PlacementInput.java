package nl.doorstroom.employer.placement;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import nl.doorstroom.platform.reference.KnownMunicipality;
import nl.doorstroom.platform.validation.PlausibleDate;
import nl.doorstroom.platform.validation.ShortText;
import nl.doorstroom.schemas.employer.MinimumLanguageLevel;
import nl.doorstroom.schemas.employer.PlacementKind;
import nl.doorstroom.schemas.employer.PlacementTerms;
import nl.doorstroom.schemas.intake.CefrLevel;
import nl.doorstroom.schemas.intake.CefrSkill;
import nl.doorstroom.schemas.intake.IscedLevel;

/**
 * A placement as the employer posts or changes it (a change replaces the terms as a whole).
 *
 * @param version                 the version the change is based on; required for a change, absent for a posting
 * @param employerName            the employer's trade name as case workers see it; required for a posting
 * @param kind                    paid job, work-experience place, internship, learn-work place or volunteering
 * @param iscoCode                ISCO-08 unit group (4 digits) of the occupation
 * @param minimumEducation        lowest ISCED 2011 level asked for; absent when any will do
 * @param minimumLanguageLevels   the lowest CEFR level of Dutch per skill; a skill not listed has no minimum
 * @param languageSupport         language support on the job is offered (fits a dual trajectory)
 * @param startDate               first day; not in the past
 * @param municipalityCode        where the work is (GMxxxx); its labour-market region sees the placement
 * @param neighbouringRegionCodes other labour-market regions (AMxx) whose case workers also see it
 */
public record PlacementInput(
        @Min(1) Integer version,
        @Size(max = 120) @ShortText String employerName,
        @NotNull PlacementKind kind,
        @NotBlank @Size(max = 120) @ShortText String title,
        @Size(max = 4000) @ShortText String description,
        @NotNull @Pattern(regexp = "\\d{4}") String iscoCode,
        @Size(max = 20) List<@NotBlank @Size(max = 80) @ShortText String> requiredSkills,
        @Size(max = 20) List<@NotBlank @Size(max = 80) @ShortText String> preferredSkills,
        IscedLevel minimumEducation,
        @Size(max = 5) List<@NotNull @Valid LanguageMinimum> minimumLanguageLevels,
        Boolean languageSupport,
        @NotNull @Min(PlacementRules.MIN_HOURS_PER_WEEK) @Max(PlacementRules.MAX_HOURS_PER_WEEK) Integer hoursPerWeek,
        @Size(max = 200) @ShortText String schedule,
        @NotNull @PlausibleDate(yearsBack = 1, yearsAhead = 2) LocalDate startDate,
        @NotNull @Min(1) @Max(PlacementRules.MAX_PLACES) Integer places,
        @NotNull @KnownMunicipality String municipalityCode,
        @Size(max = 10) List<@NotNull @Pattern(regexp = "AM\\d{2}") String> neighbouringRegionCodes) {

    /** The lowest CEFR level of Dutch asked for one skill (listening, reading, spoken interaction, spoken production, writing). */
    public record LanguageMinimum(@NotNull CefrSkill skill, @NotNull CefrLevel level) {
    }

    PlacementTerms toTerms() {
        return PlacementTerms.newBuilder()
                .setKind(kind)
                .setTitle(title.strip())
                .setDescription(blankToNull(description))
                .setIscoCode(iscoCode)
                .setRequiredSkills(stripped(requiredSkills))
                .setPreferredSkills(stripped(preferredSkills))
                .setMinimumEducation(minimumEducation)
                .setMinimumLanguageLevels(minimumLanguageLevels == null ? List.of() : minimumLanguageLevels.stream()
                        .map(m -> new MinimumLanguageLevel(m.skill(), m.level())).toList())
                .setLanguageSupport(Boolean.TRUE.equals(languageSupport))
                .setHoursPerWeek(hoursPerWeek)
                .setSchedule(blankToNull(schedule))
                .setStartDate(startDate)
                .setPlaces(places)
                .setMunicipalityCode(municipalityCode)
                .setNeighbouringRegionCodes(neighbouringRegionCodes == null ? List.of()
                        : neighbouringRegionCodes.stream().distinct().sorted().toList())
                .build();
    }

    private static List<String> stripped(List<String> texts) {
        return texts == null ? List.of() : texts.stream().map(String::strip).distinct().toList();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
