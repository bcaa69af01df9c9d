package nl.doorstroom.intake.earlyintake;

import java.util.List;

import nl.doorstroom.schemas.intake.Availability;
import nl.doorstroom.schemas.intake.CareDuty;
import nl.doorstroom.schemas.intake.CefrLevel;
import nl.doorstroom.schemas.intake.CefrSkill;
import nl.doorstroom.schemas.intake.CredentialEvaluation;
import nl.doorstroom.schemas.intake.CredentialEvaluationStatus;
import nl.doorstroom.schemas.intake.Diploma;
import nl.doorstroom.schemas.intake.DutchEducationLevel;
import nl.doorstroom.schemas.intake.EarlyIntakeRecorded;
import nl.doorstroom.schemas.intake.Education;
import nl.doorstroom.schemas.intake.IscedLevel;
import nl.doorstroom.schemas.intake.LanguageLevel;
import nl.doorstroom.schemas.intake.Wishes;
import nl.doorstroom.schemas.intake.WorkExperience;

/** The early intake between its API shape and its event; the API's enums are the event's without UNKNOWN. */
public final class EarlyIntakeEvents {

    private EarlyIntakeEvents() {
    }

    static EarlyIntakeRecorded toEvent(EarlyIntake intake) {
        EarlyIntake.Education education = intake.education();
        return EarlyIntakeRecorded.newBuilder()
                .setEducation(Education.newBuilder()
                        .setHighestLevel(IscedLevel.valueOf(education.iscedLevel().name()))
                        .setDutchComparableLevel(dutch(education.dutchComparableLevel()))
                        .setYearsOfSchooling(education.yearsOfSchooling())
                        .setCountryOfEducation(education.countryOfEducation())
                        .setDiplomas(education.diplomas().stream().map(d -> new Diploma(d.title().strip(), d.country(),
                                d.yearObtained(), d.documentAvailable())).toList())
                        .setCredentialEvaluation(education.credentialEvaluation() == null ? null : new CredentialEvaluation(
                                CredentialEvaluationStatus.valueOf(education.credentialEvaluation().status().name()),
                                education.credentialEvaluation().reference(), dutch(education.credentialEvaluation().outcome())))
                        .build())
                .setWorkExperience(intake.workExperience().stream().map(work -> WorkExperience.newBuilder()
                        .setIscoCode(work.iscoCode())
                        .setJobTitle(work.jobTitle().strip())
                        .setYears(work.years())
                        .setSector(work.sector())
                        .build()).toList())
                .setLanguageLevels(intake.languageLevels().stream().map(level -> LanguageLevel.newBuilder()
                        .setLanguage(level.language())
                        .setSkill(CefrSkill.valueOf(level.skill().name()))
                        .setLevel(CefrLevel.valueOf(level.level().name()))
                        .build()).toList())
                .setWishes(new Wishes(intake.wishes().work(), intake.wishes().education(), intake.wishes().sectors()))
                .setAvailability(new Availability(intake.availability().hoursPerWeek(),
                        intake.availability().careDuties().stream().map(c -> CareDuty.valueOf(c.name())).toList(),
                        intake.availability().availableFrom()))
                .build();
    }

    /** The early intake as recorded, in its API shape, with the record's current version. */
    public static EarlyIntake fromEvent(int version, EarlyIntakeRecorded recorded) {
        Education education = recorded.getEducation();
        CredentialEvaluation evaluation = education.getCredentialEvaluation();
        Availability availability = recorded.getAvailability();
        return new EarlyIntake(version,
                new EarlyIntake.Education(known(EarlyIntake.IscedLevel.class, education.getHighestLevel()),
                        known(EarlyIntake.DutchLevel.class, education.getDutchComparableLevel()),
                        education.getYearsOfSchooling(), education.getCountryOfEducation(),
                        education.getDiplomas().stream().map(d -> new EarlyIntake.Diploma(d.getTitle(), d.getCountry(),
                                d.getYearObtained(), d.getDocumentAvailable())).toList(),
                        evaluation == null ? null : new EarlyIntake.CredentialEvaluation(
                                known(EarlyIntake.EvaluationStatus.class, evaluation.getStatus()), evaluation.getReference(),
                                known(EarlyIntake.DutchLevel.class, evaluation.getOutcome()))),
                recorded.getWorkExperience().stream().map(w -> new EarlyIntake.WorkExperience(w.getIscoCode(),
                        w.getJobTitle(), w.getYears(), w.getSector())).toList(),
                recorded.getLanguageLevels().stream().map(l -> new EarlyIntake.LanguageLevel(l.getLanguage(),
                        known(EarlyIntake.CefrSkill.class, l.getSkill()), known(EarlyIntake.CefrLevel.class, l.getLevel()))).toList(),
                new EarlyIntake.Wishes(recorded.getWishes().getWork(), recorded.getWishes().getEducation(),
                        recorded.getWishes().getSectors()),
                availability == null ? new EarlyIntake.Availability(null, List.of(), null)
                        : new EarlyIntake.Availability(availability.getHoursPerWeek(),
                        availability.getCareDuties().stream().filter(c -> c != CareDuty.UNKNOWN)
                                .map(c -> EarlyIntake.CareDuty.valueOf(c.name())).toList(), availability.getAvailableFrom()));
    }

    private static DutchEducationLevel dutch(EarlyIntake.DutchLevel level) {
        return level == null ? null : DutchEducationLevel.valueOf(level.name());
    }

    /** An event's enum symbol in the API's enum; the UNKNOWN default (a symbol from a newer version) becomes null. */
    private static <E extends Enum<E>> E known(Class<E> type, Enum<?> symbol) {
        if (symbol == null || "UNKNOWN".equals(symbol.name())) {
            return null;
        }
        return Enum.valueOf(type, symbol.name());
    }
}
