package nl.doorstroom.intake.linking;

import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import nl.doorstroom.platform.write.IdempotencyKey;
import nl.doorstroom.platform.reference.Municipalities;
import nl.doorstroom.platform.reference.Municipality;
import nl.doorstroom.schemas.intake.LinkReason;
import nl.doorstroom.schemas.intake.PersonLinkedToMunicipality;

@RestController
@Tag(name = "Municipality link", description = "The link (koppeling) of a permit holder to a municipality")
public class MunicipalityLinkResource {

    private final MunicipalityLinks links;

    MunicipalityLinkResource(MunicipalityLinks links) {
        this.links = links;
    }

    /** The link as the API answers it, with the municipality's name and labour-market region. */
    public record RecordedLink(String personId, String municipalityCode, String municipalityName, String regionCode,
                               String regionName, LocalDate permitDate, LocalDate linkDate, String reason) {

        public static RecordedLink of(String personId, PersonLinkedToMunicipality link, Municipalities municipalities) {
            Municipality municipality = municipalities.find(link.getMunicipalityCode()).orElse(null);
            return new RecordedLink(personId, link.getMunicipalityCode(),
                    municipality == null ? null : municipality.name(), municipality == null ? null : municipality.regionCode(),
                    municipality == null ? null : municipality.regionName(), link.getPermitDate(), link.getLinkDate(),
                    link.getReason() == null ? LinkReason.PLACEMENT.name() : link.getReason().name());
        }
    }

    @PostMapping(path = "/api/v1/persons/{personId}/municipality-links", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Link a person to a municipality",
            description = "The municipality receives the person's dossier at once. A new link to another municipality "
                    + "(a re-link before the move) replaces the previous one. Send an Idempotency-Key to make a retry safe.")
    @PreAuthorize("hasRole('coa-placement-officer')")
    public ResponseEntity<RecordedLink> link(@PathVariable UUID personId,
                                             @RequestHeader(name = IdempotencyKey.HEADER, required = false) @IdempotencyKey String idempotencyKey,
                                             @Valid @RequestBody MunicipalityLink link) {
        String id = personId.toString();
        RecordedLink recorded = links.link(id, idempotencyKey, link);
        return ResponseEntity.created(URI.create("/api/v1/persons/" + id)).body(recorded);
    }
}
