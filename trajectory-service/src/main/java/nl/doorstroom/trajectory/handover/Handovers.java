package nl.doorstroom.trajectory.handover;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.common.serialization.Serdes;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

import nl.doorstroom.platform.audit.ProcessingActivity;
import nl.doorstroom.platform.kafka.AvroSerdes;
import nl.doorstroom.platform.kafka.ReadModelCatchUp;
import nl.doorstroom.platform.privacy.PersonIdentities;
import nl.doorstroom.platform.readmodel.ReadModel;
import nl.doorstroom.platform.readmodel.ReadModels;
import nl.doorstroom.schemas.trajectory.HandoverDossier;

/**
 * Reads the handover stores of this instance through interactive queries.
 * <p>
 * The stores are partitioned by person id, so with several instances a municipality's inbox is spread over them;
 * this first version assumes it sees every partition (one instance). Routing a dossier read to the owning instance
 * and gathering an inbox from all instances comes with scale-out.
 */
@Component
public class Handovers {

    /** The processing activity "warme overdracht" in the register of processing activities. */
    public static final ProcessingActivity WARM_HANDOVER = ProcessingActivity.of("warme-overdracht");

    private final ReadModel<HandoverDossier> dossiers;
    private final ReadModel<Long> inboxEntries;
    private final PersonIdentities identities;

    public Handovers(ReadModels readModels, KafkaProperties properties, PersonIdentities identities) {
        this.dossiers = readModels.of(HandoverTopology.DOSSIERS, AvroSerdes.valueSerde(properties));
        this.inboxEntries = readModels.of(HandoverTopology.INBOX, Serdes.Long());
        this.identities = identities;
    }

    /**
     * The inbox as a case worker sees it: names opened from the sealed identities only now, while the request is
     * served. Someone whose key is already erased (their erasure event is on its way) is left out.
     */
    public List<HandoverSummary> summaries(String municipalityCode) {
        List<HandoverSummary> summaries = new ArrayList<>();
        for (HandoverDossier dossier : inbox(municipalityCode)) {
            if (dossier.getRegistration() == null) {
                summaries.add(HandoverSummary.of(dossier, null));
            } else {
                identities.open(dossier.getPersonId(), dossier.getRegistration())
                        .ifPresent(identity -> summaries.add(HandoverSummary.of(dossier, identity)));
            }
        }
        return summaries;
    }

    /** One dossier as a case worker sees it; empty when not in the municipality's inbox or already erased. */
    public Optional<HandoverDetails> details(String municipalityCode, String personId) {
        return dossier(municipalityCode, personId).flatMap(dossier -> dossier.getRegistration() == null
                ? Optional.of(HandoverDetails.of(dossier, null))
                : identities.open(personId, dossier.getRegistration()).map(identity -> HandoverDetails.of(dossier, identity)));
    }

    /** The dossiers of everyone the municipality is responsible for (linked or moved there), the most recent first. */
    public List<HandoverDossier> inbox(String municipalityCode) {
        List<String> personIds = inboxEntries.prefixScan(HandoverTopology.inboxPrefix(municipalityCode)).stream()
                .map(entry -> HandoverTopology.personIdOf(entry.key)).toList();
        return dossiers.getAll(personIds).values().stream()
                // the entry and the dossier change together; re-check in case a re-link landed between the reads
                .filter(dossier -> municipalityCode.equals(HandoverDossiers.municipalityOf(dossier)))
                .sorted(Comparator.comparing(HandoverDossiers::arrivedAt).reversed()
                        .thenComparing(HandoverDossier::getPersonId))
                .toList();
    }

    /**
     * Waits until the person's dossier shows this municipality as responsible (a move just acknowledged may not be in
     * the store yet), at most {@code patience}.
     */
    public boolean awaitResponsible(String municipalityCode, String personId, Duration patience) {
        return ReadModelCatchUp.until(() -> dossier(municipalityCode, personId).isPresent(), patience);
    }

    /** The dossier of a person, only if that municipality is responsible for the person (linked or moved there). */
    public Optional<HandoverDossier> dossier(String municipalityCode, String personId) {
        return dossiers.get(personId).filter(found -> municipalityCode.equals(HandoverDossiers.municipalityOf(found)));
    }
}
