package nl.doorstroom.intake.linking;

import java.util.List;

import org.springframework.stereotype.Component;

import nl.doorstroom.intake.linking.MunicipalityLinkResource.RecordedLink;
import nl.doorstroom.intake.record.IntakeRecord;
import nl.doorstroom.intake.record.RecordChanges;
import nl.doorstroom.platform.audit.ProcessingActivity;
import nl.doorstroom.platform.audit.ProcessingLog;
import nl.doorstroom.platform.reference.Municipalities;
import nl.doorstroom.schemas.intake.LinkReason;
import nl.doorstroom.schemas.intake.PersonLinkedToMunicipality;

/** Linking a person to a municipality (and re-linking before the move), for the API and the pages alike. */
@Component
public class MunicipalityLinks {

    static final ProcessingActivity LINKING = ProcessingActivity.of("koppeling-gemeente");

    private final RecordChanges changes;
    private final Municipalities municipalities;
    private final ProcessingLog processingLog;

    MunicipalityLinks(RecordChanges changes, Municipalities municipalities, ProcessingLog processingLog) {
        this.changes = changes;
        this.municipalities = municipalities;
        this.processingLog = processingLog;
    }

    /** A link to another municipality than the current one is recorded as a re-link. */
    public RecordedLink link(String personId, String idempotencyKey, MunicipalityLink link) {
        return processingLog.record(LINKING, "intake.link-to-municipality", List.of(personId), () -> {
            IntakeRecord record = changes.applyToVisible(personId, "link", link.version(), idempotencyKey, link,
                    current -> List.of(PersonLinkedToMunicipality.newBuilder()
                            .setMunicipalityCode(link.municipalityCode())
                            .setPermitDate(link.permitDate())
                            .setLinkDate(link.linkDate())
                            .setReason(current.flatMap(IntakeRecord::link).isPresent() ? LinkReason.RELINK : LinkReason.PLACEMENT)
                            .build()));
            return RecordedLink.of(personId, record.link().orElseThrow(), municipalities);
        });
    }
}
