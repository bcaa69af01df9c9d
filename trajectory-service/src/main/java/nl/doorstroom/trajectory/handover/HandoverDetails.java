package nl.doorstroom.trajectory.handover;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import nl.doorstroom.schemas.intake.EarlyIntakeRecorded;
import nl.doorstroom.schemas.intake.PersonLinkedToMunicipality;
import nl.doorstroom.schemas.intake.PersonIdentity;
import nl.doorstroom.schemas.intake.PersonRegistered;
import nl.doorstroom.schemas.trajectory.HandoverDossier;

/**
 * The complete dossier a municipality receives at the warm handover. Parts that have not arrived yet are absent.
 *
 * @param personId    random id of the person (not a direct identifier)
 * @param registration the registration at the reception location, with the latest corrected personal details
 * @param earlyIntake the early intake: education, work experience, languages, wishes
 * @param link        the link (koppeling) to this municipality
 * @param updatedAt   when the dossier last changed (RFC 3339, UTC)
 * @param move        the latest move to another municipality, which made this municipality responsible; absent when
 *                    the person has not moved
 */
@Schema(name = "HandoverDossier", description = "The complete handover dossier of a person linked to the municipality")
public record HandoverDetails(String personId, Registration registration, EarlyIntake earlyIntake, Link link,
                              Instant updatedAt, Move move) {

    /**
     * @param fromMunicipalityCode CBS code of the municipality the person moved from
     * @param toMunicipalityCode   CBS code of the municipality the person moved to
     * @param moveDate             date of the move
     * @param movedAt              when the move was recorded
     */
    public record Move(String fromMunicipalityCode, String toMunicipalityCode, LocalDate moveDate, Instant movedAt) {
    }

    /**
     * The registration, with the latest correction of the personal details.
     *
     * @param vNumber               vreemdelingennummer (V-nummer)
     * @param bsn                   burgerservicenummer; absent until the person is in the BRP
     * @param sex                   {@code FEMALE}, {@code MALE} or {@code UNDETERMINED}; absent when not recorded
     * @param countryOfOrigin       ISO 3166-1 alpha-2 code
     * @param languagesSpoken       ISO 639-1 codes
     * @param literateInLatinScript whether the person reads and writes the Latin script; absent when not known
     * @param receptionLocation     code of the COA reception location
     * @param registeredAt          when the registration was recorded
     */
    public record Registration(String givenNames, String familyName, LocalDate dateOfBirth, String vNumber, String bsn,
                               String sex, String countryOfOrigin, List<String> languagesSpoken,
                               Boolean literateInLatinScript, String receptionLocation, Instant registeredAt) {
    }

    /** @param availability how much time the person has for language, work and education; absent when not recorded */
    public record EarlyIntake(Education education, List<WorkExperience> workExperience,
                              List<LanguageLevel> languageLevels, Wishes wishes, Availability availability,
                              Instant recordedAt) {
    }

    /**
     * @param highestLevel               ISCED 2011 level of the highest completed education ({@code ISCED_0}..{@code ISCED_8}, {@code UNKNOWN})
     * @param countryOfEducation         ISO 3166-1 alpha-2 code
     * @param dutchComparableLevel       comparable Dutch education level ({@code MBO_4}, {@code BACHELOR}, ...); absent when not known
     * @param credentialEvaluationStatus diploma evaluation by IDW/Nuffic: {@code NOT_REQUESTED}, {@code REQUESTED},
     *                                   {@code EVALUATED} or {@code LEVEL_INDICATION}; absent when not recorded
     */
    public record Education(String highestLevel, Integer yearsOfSchooling, String countryOfEducation,
                            String dutchComparableLevel, String credentialEvaluationStatus) {
    }

    /** @param hoursPerWeek hours per week for language, work and education together; absent when not known */
    public record Availability(Integer hoursPerWeek) {
    }

    /**
     * @param iscoCode ISCO-08 unit group, 4 digits
     * @param jobTitle job title as known in the country of origin
     */
    public record WorkExperience(String iscoCode, String jobTitle, Integer years, String sector) {
    }

    /**
     * @param language ISO 639-1 code
     * @param skill    CEFR skill
     * @param level    CEFR level
     */
    public record LanguageLevel(String language, String skill, String level) {
    }

    public record Wishes(String work, String education, List<String> sectors) {
    }

    /**
     * @param municipalityCode CBS code, GMxxxx
     * @param permitDate       date the residence permit was granted
     * @param linkDate         date of the koppeling
     * @param linkedAt         when the link was recorded
     */
    public record Link(String municipalityCode, LocalDate permitDate, LocalDate linkDate, Instant linkedAt) {
    }

    /** The details of a dossier; {@code identity} is the registration's opened identity, if there is a registration. */
    static HandoverDetails of(HandoverDossier dossier, PersonIdentity identity) {
        return new HandoverDetails(dossier.getPersonId(),
                registration(dossier.getRegistration(), identity, dossier.getRegisteredAt()),
                earlyIntake(dossier.getEarlyIntake(), dossier.getEarlyIntakeRecordedAt()),
                link(dossier.getLink(), dossier.getLinkedAt()),
                dossier.getUpdatedAt(),
                dossier.getMove() == null ? null : new Move(dossier.getMove().getFromMunicipalityCode(),
                        dossier.getMove().getToMunicipalityCode(), dossier.getMove().getMoveDate(),
                        dossier.getMove().getMovedAt()));
    }

    private static Registration registration(PersonRegistered r, PersonIdentity identity, Instant at) {
        return r == null || identity == null ? null : new Registration(identity.getGivenNames(), identity.getFamilyName(),
                identity.getDateOfBirth(), identity.getVNumber(), identity.getBsn(), known(r.getSex()),
                r.getCountryOfOrigin(), r.getLanguagesSpoken() == null ? List.of() : List.copyOf(r.getLanguagesSpoken()),
                r.getLiterateInLatinScript(), r.getReceptionLocation(), at);
    }

    private static EarlyIntake earlyIntake(EarlyIntakeRecorded i, Instant at) {
        if (i == null) {
            return null;
        }
        var e = i.getEducation();
        var w = i.getWishes();
        var a = i.getAvailability();
        return new EarlyIntake(
                e == null ? null : new Education(name(e.getHighestLevel()), e.getYearsOfSchooling(), e.getCountryOfEducation(),
                        known(e.getDutchComparableLevel()),
                        e.getCredentialEvaluation() == null ? null : known(e.getCredentialEvaluation().getStatus())),
                i.getWorkExperience() == null ? List.of() : i.getWorkExperience().stream()
                        .map(x -> new WorkExperience(x.getIscoCode(), x.getJobTitle(), x.getYears(), x.getSector()))
                        .toList(),
                i.getLanguageLevels() == null ? List.of() : i.getLanguageLevels().stream()
                        .map(x -> new LanguageLevel(x.getLanguage(), name(x.getSkill()), name(x.getLevel())))
                        .toList(),
                w == null ? null : new Wishes(w.getWork(), w.getEducation(),
                        w.getSectors() == null ? List.of() : List.copyOf(w.getSectors())),
                a == null ? null : new Availability(a.getHoursPerWeek()),
                at);
    }

    private static Link link(PersonLinkedToMunicipality l, Instant at) {
        return l == null ? null : new Link(l.getMunicipalityCode(), l.getPermitDate(), l.getLinkDate(), at);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    /** The symbol, or {@code null} for none or the {@code UNKNOWN} that events written before a field existed carry. */
    private static String known(Enum<?> value) {
        return value == null || "UNKNOWN".equals(value.name()) ? null : value.name();
    }
}
