package nl.doorstroom.trajectory.handover;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import nl.doorstroom.schemas.intake.Availability;
import nl.doorstroom.schemas.intake.CefrLevel;
import nl.doorstroom.schemas.intake.CefrSkill;
import nl.doorstroom.schemas.intake.CredentialEvaluation;
import nl.doorstroom.schemas.intake.CredentialEvaluationStatus;
import nl.doorstroom.schemas.intake.DutchEducationLevel;
import nl.doorstroom.schemas.intake.EarlyIntakeRecorded;
import nl.doorstroom.schemas.intake.Education;
import nl.doorstroom.schemas.intake.IscedLevel;
import nl.doorstroom.schemas.intake.LanguageLevel;
import nl.doorstroom.schemas.intake.PersonEvent;
import nl.doorstroom.schemas.intake.PersonLinkedToMunicipality;
import nl.doorstroom.schemas.intake.PersonRegistered;
import nl.doorstroom.schemas.intake.PersonalDetailsCorrected;
import nl.doorstroom.schemas.intake.Sex;
import nl.doorstroom.schemas.intake.Wishes;
import nl.doorstroom.schemas.intake.WorkExperience;

/** Intake events as intake-service writes them, for tests. */
public final class PersonEvents {

    private PersonEvents() {
    }

    public static PersonEvent registered(String personId, Instant at, String givenNames, String familyName) {
        return event(personId, at, PersonRegistered.newBuilder()
                .setGivenNames(givenNames).setFamilyName(familyName)
                .setDateOfBirth(LocalDate.of(1994, 3, 12)).setVNumber("1234567890")
                .setCountryOfOrigin("SY").setReceptionLocation("AZC-TER-APEL").build());
    }

    /**
     * A correction of the personal details; {@code sealedIdentity} stands for the sealed identity (the rules never
     * open it).
     */
    public static PersonEvent corrected(String personId, Instant at, String sealedIdentity, String countryOfOrigin) {
        return event(personId, at, PersonalDetailsCorrected.newBuilder()
                .setIdentity(ByteBuffer.wrap(sealedIdentity.getBytes(StandardCharsets.UTF_8)))
                .setSex(Sex.FEMALE).setCountryOfOrigin(countryOfOrigin)
                .setLanguagesSpoken(List.of("ar", "nl")).setLiterateInLatinScript(true).build());
    }

    public static PersonEvent intake(String personId, Instant at) {
        return event(personId, at, EarlyIntakeRecorded.newBuilder()
                .setEducation(Education.newBuilder().setHighestLevel(IscedLevel.ISCED_6)
                        .setYearsOfSchooling(16).setCountryOfEducation("SY")
                        .setDutchComparableLevel(DutchEducationLevel.BACHELOR)
                        .setCredentialEvaluation(CredentialEvaluation.newBuilder()
                                .setStatus(CredentialEvaluationStatus.EVALUATED).setReference("IDW-2026-0815")
                                .setOutcome(DutchEducationLevel.BACHELOR).build())
                        .build())
                .setWorkExperience(List.of(WorkExperience.newBuilder().setIscoCode("2142")
                        .setJobTitle("Civil engineer").setYears(6).setSector("construction").build()))
                .setLanguageLevels(List.of(
                        LanguageLevel.newBuilder().setLanguage("ar").setSkill(CefrSkill.SPOKEN_PRODUCTION).setLevel(CefrLevel.C2).build(),
                        LanguageLevel.newBuilder().setLanguage("nl").setSkill(CefrSkill.READING).setLevel(CefrLevel.A1).build()))
                .setWishes(Wishes.newBuilder().setWork("engineering").setEducation("Dutch B1")
                        .setSectors(List.of("construction", "infrastructure")).build())
                .setAvailability(Availability.newBuilder().setHoursPerWeek(24).build())
                .build());
    }

    public static PersonEvent linked(String personId, Instant at, String municipalityCode) {
        return event(personId, at, PersonLinkedToMunicipality.newBuilder().setMunicipalityCode(municipalityCode)
                .setPermitDate(LocalDate.of(2026, 1, 5)).setLinkDate(LocalDate.of(2026, 1, 19)).build());
    }

    public static PersonEvent event(String personId, Instant at, Object payload) {
        return PersonEvent.newBuilder().setEventId(UUID.randomUUID().toString()).setPersonId(personId)
                .setOccurredAt(at).setPayload(payload).build();
    }
}
