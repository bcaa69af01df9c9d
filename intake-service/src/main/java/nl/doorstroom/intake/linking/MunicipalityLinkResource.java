package nl.doorstroom.intake.linking;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import nl.doorstroom.intake.registration.PersonEvents;
import nl.doorstroom.intake.registration.RegisteredPersons;
import nl.doorstroom.platform.audit.ProcessingActivity;
import nl.doorstroom.platform.audit.ProcessingLog;
import nl.doorstroom.platform.kafka.EventPublisher;
import nl.doorstroom.platform.reference.Municipalities;
import nl.doorstroom.platform.reference.Municipality;
import nl.doorstroom.platform.web.NotFoundException;
import nl.doorstroom.schemas.Topics;
import nl.doorstroom.schemas.intake.PersonLinkedToMunicipality;

@RestController
@Tag(name = "Municipality link", description = "The link (koppeling) of a permit holder to a municipality")
class MunicipalityLinkResource {

    static final ProcessingActivity LINKING = ProcessingActivity.of("koppeling-gemeente");

    private final EventPublisher events;
    private final RegisteredPersons persons;
    private final Municipalities municipalities;
    private final ProcessingLog processingLog;

    MunicipalityLinkResource(EventPublisher events, RegisteredPersons persons, Municipalities municipalities,
                             ProcessingLog processingLog) {
        this.events = events;
        this.persons = persons;
        this.municipalities = municipalities;
        this.processingLog = processingLog;
    }

    /** The link as the API answers it, with the municipality's name and labour-market region. */
    record RecordedLink(String personId, String municipalityCode, String municipalityName, String regionCode,
                        String regionName, java.time.LocalDate permitDate, java.time.LocalDate linkDate) {
    }

    @PostMapping(path = "/api/v1/persons/{personId}/municipality-links", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Link a person to a municipality",
            description = "The municipality receives the person's dossier at once. A new link to another "
                    + "municipality (before the move) replaces the previous one.")
    @PreAuthorize("hasRole('coa-placement-officer')")
    RecordedLink link(@PathVariable UUID personId, @Valid @RequestBody MunicipalityLink link) {
        String id = personId.toString();
        return processingLog.record(LINKING, "intake.link-to-municipality", List.of(id), () -> link(id, link));
    }

    private RecordedLink link(String id, MunicipalityLink link) {
        persons.find(id).orElseThrow(() -> new NotFoundException("person"));
        PersonLinkedToMunicipality linked = PersonLinkedToMunicipality.newBuilder()
                .setMunicipalityCode(link.municipalityCode())
                .setPermitDate(link.permitDate())
                .setLinkDate(link.linkDate())
                .build();
        events.publish(Topics.INTAKE_PERSON_EVENTS, id, PersonEvents.envelope(id, linked));
        Municipality municipality = municipalities.find(link.municipalityCode()).orElseThrow();
        return new RecordedLink(id, municipality.code(), municipality.name(), municipality.regionCode(),
                municipality.regionName(), link.permitDate(), link.linkDate());
    }
}
