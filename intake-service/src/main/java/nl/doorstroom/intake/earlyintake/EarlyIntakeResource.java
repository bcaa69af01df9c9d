package nl.doorstroom.intake.earlyintake;

import java.util.List;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import nl.doorstroom.intake.registration.PersonEvents;
import nl.doorstroom.intake.registration.RegisteredPersons;
import nl.doorstroom.platform.audit.ProcessingActivity;
import nl.doorstroom.platform.audit.ProcessingLog;
import nl.doorstroom.platform.kafka.EventPublisher;
import nl.doorstroom.platform.web.NotFoundException;
import nl.doorstroom.schemas.Topics;
import nl.doorstroom.schemas.intake.CefrLevel;
import nl.doorstroom.schemas.intake.CefrSkill;
import nl.doorstroom.schemas.intake.EarlyIntakeRecorded;
import nl.doorstroom.schemas.intake.Education;
import nl.doorstroom.schemas.intake.IscedLevel;
import nl.doorstroom.schemas.intake.LanguageLevel;
import nl.doorstroom.schemas.intake.Wishes;
import nl.doorstroom.schemas.intake.WorkExperience;

@RestController
@Tag(name = "Early intake", description = "Education, work experience, languages and wishes, recorded in the AZC")
class EarlyIntakeResource {

    static final ProcessingActivity EARLY_INTAKE = ProcessingActivity.of("intake-vroege-intake");

    private final EventPublisher events;
    private final RegisteredPersons persons;
    private final ProcessingLog processingLog;

    EarlyIntakeResource(EventPublisher events, RegisteredPersons persons, ProcessingLog processingLog) {
        this.events = events;
        this.persons = persons;
        this.processingLog = processingLog;
    }

    @PutMapping(path = "/api/v1/persons/{personId}/early-intake", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record the early intake of a person",
            description = "Replaces the person's early intake as a whole (PUT is idempotent).")
    @PreAuthorize("hasRole('azc-staff')")
    EarlyIntake record(@PathVariable UUID personId, @Valid @RequestBody EarlyIntake intake) {
        String id = personId.toString();
        return processingLog.record(EARLY_INTAKE, "intake.record-early-intake", List.of(id), () -> {
            persons.findVisible(id).orElseThrow(() -> new NotFoundException("person"));
            events.publish(Topics.INTAKE_PERSON_EVENTS, id, PersonEvents.envelope(id, toEvent(intake)));
            return intake;
        });
    }

    static EarlyIntakeRecorded toEvent(EarlyIntake intake) {
        return EarlyIntakeRecorded.newBuilder()
                .setEducation(Education.newBuilder()
                        .setHighestLevel(IscedLevel.valueOf(intake.education().iscedLevel().name()))
                        .setYearsOfSchooling(intake.education().yearsOfSchooling())
                        .setCountryOfEducation(intake.education().countryOfEducation())
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
                .setWishes(Wishes.newBuilder()
                        .setWork(intake.wishes().work())
                        .setEducation(intake.wishes().education())
                        .setSectors(intake.wishes().sectors() == null ? List.of() : intake.wishes().sectors())
                        .build())
                .build();
    }
}
