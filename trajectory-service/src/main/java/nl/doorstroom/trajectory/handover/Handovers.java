package nl.doorstroom.trajectory.handover;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.streams.KafkaStreamsInteractiveQueryService;
import org.springframework.stereotype.Component;

import nl.doorstroom.platform.audit.ProcessingActivity;
import nl.doorstroom.platform.kafka.ReadModelCatchUp;
import nl.doorstroom.platform.kafka.ReadModelUnavailableException;
import nl.doorstroom.platform.paging.ListPage;
import nl.doorstroom.platform.paging.Paging;
import nl.doorstroom.platform.privacy.IdentitySearch;
import nl.doorstroom.platform.privacy.PersonIdentities;
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

    private static final StringSerializer KEYS = new StringSerializer();

    private final KafkaStreamsInteractiveQueryService queries;
    private final PersonIdentities identities;

    public Handovers(StreamsBuilderFactoryBean streams, PersonIdentities identities) {
        this.queries = new KafkaStreamsInteractiveQueryService(streams);
        this.identities = identities;
        // a request waits briefly for a store that is being (re)assigned, then gets 503 rather than hanging
        this.queries.setRetryTemplate(new RetryTemplate(RetryPolicy.builder()
                .maxRetries(3).delay(Duration.ofMillis(100)).timeout(Duration.ofSeconds(1)).build()));
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
                ? Optional.of(HandoverDetails.of(dossier, null))
                : identities.open(personId, dossier.getRegistration()).map(identity -> HandoverDetails.of(dossier, identity)));
    }

    /** The dossiers of everyone the municipality is responsible for (linked or moved there), the most recent first. */
    public List<HandoverDossier> inbox(String municipalityCode) {
        List<String> personIds = inboxOrder(municipalityCode);
        return query(HandoverTopology.DOSSIERS, (ReadOnlyKeyValueStore<String, HandoverDossier> dossiers) -> personIds.stream()
                .map(dossiers::get)
                // the entry and the dossier change together; re-check in case a re-link landed between the reads
                .filter(dossier -> dossier != null && municipalityCode.equals(HandoverDossiers.municipalityOf(dossier)))
                .toList());
    }

    /**
     * The person ids of the inbox in its order, the most recent arrival first, from the inbox index alone (it holds
     * each arrival time), so that a page of the whole inbox reads only its own dossiers.
     */
    private List<String> inboxOrder(String municipalityCode) {
        return query(HandoverTopology.INBOX, (ReadOnlyKeyValueStore<String, Long> inbox) -> {
            List<KeyValue<String, Long>> arrivals = new ArrayList<>();
            try (KeyValueIterator<String, Long> entries =
                         inbox.prefixScan(HandoverTopology.inboxPrefix(municipalityCode), KEYS)) {
                entries.forEachRemaining((KeyValue<String, Long> entry) ->
                        arrivals.add(KeyValue.pair(HandoverTopology.personIdOf(entry.key), entry.value)));
            }
            return arrivals.stream().sorted(Comparator.comparing((KeyValue<String, Long> arrival) -> arrival.value)
                    .reversed().thenComparing(arrival -> arrival.key)).map(arrival -> arrival.key).toList();
        });
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
        HandoverDossier dossier = query(HandoverTopology.DOSSIERS,
                (ReadOnlyKeyValueStore<String, HandoverDossier> dossiers) -> dossiers.get(personId));
        return Optional.ofNullable(dossier)
                .filter(found -> municipalityCode.equals(HandoverDossiers.municipalityOf(found)));
    }

    private <V, R> R query(String storeName, Function<ReadOnlyKeyValueStore<String, V>, R> read) {
        try {
            ReadOnlyKeyValueStore<String, V> store =
                    queries.retrieveQueryableStore(storeName, QueryableStoreTypes.keyValueStore());
            return read.apply(store);
        } catch (InvalidStateStoreException | IllegalStateException | IllegalArgumentException e) {
            // not running yet, rebalancing, restoring, or the store migrated while we read it
            throw new ReadModelUnavailableException(storeName, e);
        }
    }
}
