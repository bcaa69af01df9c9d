package nl.doorstroom.trajectory.handover;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

import nl.doorstroom.platform.audit.ProcessingActivity;
import nl.doorstroom.platform.kafka.AvroSerdes;
import nl.doorstroom.platform.kafka.ReadModelCatchUp;
import nl.doorstroom.platform.paging.ListPage;
import nl.doorstroom.platform.paging.Paging;
import nl.doorstroom.platform.privacy.IdentitySearch;
import nl.doorstroom.platform.privacy.PersonIdentities;
import nl.doorstroom.platform.privacy.PersonalTexts;
import nl.doorstroom.platform.readmodel.ReadModel;
import nl.doorstroom.platform.readmodel.ReadModels;
import nl.doorstroom.schemas.trajectory.HandoverDossier;

/**
 * Reads the handover stores: a dossier at the instance that owns the person, the inbox index gathered from every
 * instance (the stores are partitioned by person id, so with several instances a municipality's inbox is spread over
 * them).
 */
@Component
public class Handovers {

    /** The processing activity "warme overdracht" in the register of processing activities. */
    public static final ProcessingActivity WARM_HANDOVER = ProcessingActivity.of("warme-overdracht");

    private final ReadModel<HandoverDossier> dossiers;
    private final ReadModel<Long> inboxEntries;
    private final PersonIdentities identities;
    private final PersonalTexts texts;

    public Handovers(ReadModels readModels, KafkaProperties properties, PersonIdentities identities,
                     PersonalTexts texts) {
        this.dossiers = readModels.of(HandoverTopology.DOSSIERS, AvroSerdes.valueSerde(properties));
        this.inboxEntries = readModels.of(HandoverTopology.INBOX, Serdes.Long());
        this.identities = identities;
        this.texts = texts;
    }

    /**
     * One page of the whole inbox, or of the people in it that match the search text. Without a text only the page's
     * dossiers are read and opened; the total is the inbox index's (someone moved away a moment ago drops out of
     * the page).
     */
    public ListPage<HandoverSummary> page(String municipalityCode, IdentitySearch text, Paging paging) {
        if (!text.isEmpty()) {
            return page(municipalityCode, dossier -> true, text, paging);
        }
        return paging.sliceOpened(inboxOrder(municipalityCode),
                personId -> dossier(municipalityCode, personId).flatMap(this::summary));
    }

    /**
     * One page of the inbox as a case worker sees it: the dossiers that pass {@code filter} (decided in clear), in
     * inbox order, that match the search text. Identities are opened to match a text, and otherwise only for the rows
     * of the page; someone whose key is already erased (their erasure event is on its way) is left out.
     */
    public ListPage<HandoverSummary> page(String municipalityCode, Predicate<HandoverDossier> filter, IdentitySearch text,
                                          Paging paging) {
        List<HandoverDossier> found = matching(inbox(municipalityCode).stream().filter(filter).toList(),
                Function.identity(), text);
        return paging.sliceOpened(found, this::summary);
    }

    /**
     * The rows whose person matches the search text, in their order; every row when the text is empty. A dossier
     * without a registration yet has no name to match.
     */
    public <T> List<T> matching(List<T> rows, Function<? super T, HandoverDossier> dossierOf, IdentitySearch text) {
        if (text.isEmpty()) {
            return rows;
        }
        return rows.stream().filter(row -> {
            HandoverDossier dossier = dossierOf.apply(row);
            return dossier.getRegistration() != null
                    && identities.open(dossier.getPersonId(), dossier.getRegistration()).filter(text::matches).isPresent();
        }).toList();
    }

    /** A dossier's inbox line, its name opened now; empty when the person's key is already erased. */
    public Optional<HandoverSummary> summary(HandoverDossier dossier) {
        return dossier.getRegistration() == null ? Optional.of(HandoverSummary.of(dossier, null))
                : identities.open(dossier.getPersonId(), dossier.getRegistration())
                        .map(identity -> HandoverSummary.of(dossier, identity));
    }

    /** One dossier as a case worker sees it; empty when not in the municipality's inbox or already erased. */
    public Optional<HandoverDetails> details(String municipalityCode, String personId) {
        return dossier(municipalityCode, personId).flatMap(dossier -> dossier.getRegistration() == null
                ? Optional.of(HandoverDetails.of(texts.openAll(dossier), null))
                : identities.open(personId, dossier.getRegistration())
                        .map(identity -> HandoverDetails.of(texts.openAll(dossier), identity)));
    }

    /** The dossiers of everyone the municipality is responsible for (linked or moved there), the most recent first. */
    public List<HandoverDossier> inbox(String municipalityCode) {
        List<String> personIds = inboxOrder(municipalityCode);
        Map<String, HandoverDossier> found = dossiers.getAll(personIds);
        return personIds.stream().map(found::get)
                // the entry and the dossier change together; re-check in case a re-link landed between the reads
                .filter(dossier -> dossier != null && municipalityCode.equals(HandoverDossiers.municipalityOf(dossier)))
                .toList();
    }

    /**
     * The person ids of the inbox in its order, the most recent arrival first, from the inbox index alone (it holds
     * each arrival time), so that a page of the whole inbox reads only its own dossiers.
     */
    private List<String> inboxOrder(String municipalityCode) {
        return inboxEntries.prefixScan(HandoverTopology.inboxPrefix(municipalityCode)).stream()
                .sorted(Comparator.comparing((KeyValue<String, Long> arrival) -> arrival.value).reversed()
                        .thenComparing(arrival -> arrival.key))
                .map(arrival -> HandoverTopology.personIdOf(arrival.key)).toList();
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
