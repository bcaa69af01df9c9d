package nl.doorstroom.platform.write;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.requestreply.ReplyingKafkaTemplate;

import nl.doorstroom.platform.cloudevents.CloudEventsProducerInterceptor;
import nl.doorstroom.platform.kafka.DependencyBreakers;
import nl.doorstroom.platform.kafka.DependencyBreakers.Dependency;
import nl.doorstroom.platform.kafka.EventNotPublishedException;
import nl.doorstroom.platform.kafka.ReadModelUnavailableException;
import nl.doorstroom.platform.readmodel.ReadModel;
import nl.doorstroom.platform.security.CurrentUser;
import nl.doorstroom.schemas.WritePathTopics;
import nl.doorstroom.schemas.platform.ProposedEvent;
import nl.doorstroom.schemas.platform.RequestDigests;
import nl.doorstroom.schemas.platform.WriteOutcome;
import nl.doorstroom.schemas.platform.WriteProposal;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one way a keyed record changes, in every service. A change is decided here, against the record as this
 * instance's read model shows it, and then sent as a proposal to the single writer of the key
 * ({@link WriterTopology}: the Streams task that owns the key's partition, on whichever instance), which appends its
 * events only if the record is still at the version the decision was based on, its Idempotency-Key is new and every
 * unique natural key it claims is free. The request waits, bounded, for the writer's outcome and then for its own read
 * model to show the change (read-your-writes). No lock: two instances, or two threads, never race.
 *
 * <p>Refusals are domain exceptions ({@link ChangeRefusedException}); a writer that does not answer in time is
 * {@link EventNotPublishedException} (503), and the proposal then expires unapplied.
 *
 * @param <R> the service's record
 * @param <E> the envelope on its event topic
 */
public final class WritePath<R extends RecordStore.Versioned, E extends SpecificRecord> implements SmartLifecycle {

    /** A change that does not name a version is decided again this often when a concurrent change got there first. */
    static final int ATTEMPTS = 5;

    private final WritePathTopics topics;
    private final RecordStore<?, R, E> records;
    private final EventEnvelope<E> envelope;
    private final ReplyingKafkaTemplate<String, WriteProposal, WriteOutcome> replies;
    private final Serializer<Object> eventSerializer;
    private final String cloudEventSource;
    private final Duration timeout;
    private final JsonMapper json;
    private final RecordSealing sealing;
    private final DependencyBreakers breakers;
    private final ReadModel<String> claims;
    private volatile boolean assigned;

    WritePath(WritePathTopics topics, RecordStore<?, R, E> records, EventEnvelope<E> envelope,
              ReplyingKafkaTemplate<String, WriteProposal, WriteOutcome> replies, Serializer<Object> eventSerializer,
              String cloudEventSource, Duration timeout, JsonMapper json, RecordSealing sealing,
              DependencyBreakers breakers, ReadModel<String> claims) {
        this.topics = topics;
        this.claims = claims;
        this.records = records;
        this.envelope = envelope;
        this.replies = replies;
        this.eventSerializer = eventSerializer;
        this.cloudEventSource = cloudEventSource;
        this.timeout = timeout;
        this.json = json;
        this.sealing = sealing;
        this.breakers = breakers;
    }

    /**
     * The key of the record that holds a claim (the person registered with a V-number), from the claim registry, at the
     * instance that owns the claim: a lookup by a unique natural key without reading every record.
     */
    public Optional<String> holderOf(String claim) {
        return claims.get(claim);
    }

    /**
     * One change to one record.
     *
     * @param key             the record key (a person id)
     * @param operation       name of the operation, part of the request digest (the same body to two operations differs)
     * @param expectedVersion the version the user saw, or {@code null} for a change that does not depend on it (that
     *                        one is decided again when another change got there first)
     * @param idempotencyKey  the request's Idempotency-Key, or {@code null}
     * @param request         the request body, for the digest
     */
    public record Change(String key, String operation, Integer expectedVersion, String idempotencyKey, Object request) {
    }

    /**
     * @param record   the record after the change, as the read model shows it
     * @param events   the events of this request: the ones just appended, or for a repeat the ones the first appended
     * @param replayed whether this was a repeat of an earlier request (nothing new appended)
     */
    public record Written<R, E>(R record, List<E> events, boolean replayed) {
    }

    public Written<R, E> apply(Change change, Function<Optional<R>, Decision> decide) {
        RequestDigests digests = change.idempotencyKey() == null ? null : new RequestDigests(
                digest(CurrentUser.accountId().orElse("") + "\n" + change.idempotencyKey()),
                digest(change.operation() + "\n" + new String(json.writeValueAsBytes(change.request()), StandardCharsets.UTF_8)));
        String key = change.key();
        Integer expected = change.expectedVersion();
        for (int attempt = 1; ; attempt++) {
            Optional<R> current = records.stored(key);
            if (expected != null && current.map(R::version).orElse(0) < expected && records.awaitVersion(key, expected)) {
                current = records.stored(key);
            }
            if (digests != null) {
                Optional<Written<R, E>> repeat = current.flatMap(r -> repeat(key, r, digests));
                if (repeat.isPresent()) {
                    return repeat.get();
                }
            }
            int version = current.map(R::version).orElse(0);
            if (expected != null && expected != version) {
                throw new StaleVersionException(version);
            }
            Decision decision = decide.apply(current);
            List<E> events = new ArrayList<>();
            for (Object payload : decision.payloads()) {
                events.add(envelope.wrap(key, version + events.size() + 1, payload, digests));
            }
            List<E> sealed = events.stream().map(sealing::seal).toList();
            WriteOutcome outcome = propose(key, version, digests, decision, sealed);
            switch (outcome.getStatus()) {
                case APPLIED -> {
                    return new Written<>(caughtUp(key, outcome.getLastVersion(), sealed), events, false);
                }
                case REPLAYED -> {
                    R record = replayed(key, outcome.getLastVersion());
                    return repeat(key, record, digests).orElse(new Written<>(record, List.of(), true));
                }
                case STALE_VERSION -> {
                    if (expected != null || attempt == ATTEMPTS) {
                        throw new StaleVersionException(outcome.getCurrentVersion());
                    }
                    records.awaitVersion(key, outcome.getCurrentVersion());
                }
                case KEY_REUSED -> throw new IdempotencyKeyReusedException();
                case CLAIM_TAKEN -> throw decision.claims().stream()
                        .filter(c -> c.key().equals(outcome.getTakenClaim())).findFirst()
                        .map(Claim::ifTaken).orElseThrow(() -> new IllegalStateException("claim taken that was not asked"));
                default -> throw new EventNotPublishedException(topics.events().name(),
                        new TimeoutException("the writer answered " + outcome.getStatus()));
            }
        }
    }

    private Optional<Written<R, E>> repeat(String key, R record, RequestDigests digests) {
        return records.earlierRequest(key, record, digests.getKeyDigest()).map(earlier -> {
            if (!earlier.requestDigest().equals(digests.getRequestDigest())) {
                throw new IdempotencyKeyReusedException();
            }
            return new Written<>(record, earlier.events(), true);
        });
    }

    /**
     * The record after a change this request committed. The change is in: when the read model cannot show it in time
     * (the broker went away right after the commit), the answer is computed from the appended events the way the
     * read model will compute it, never a failure that would make the client think nothing happened.
     */
    private R caughtUp(String key, int version, List<E> appended) {
        if (records.awaitVersion(key, version)) {
            return records.stored(key).orElseThrow();
        }
        return records.withEvents(key, appended);
    }

    /** The record after a change an earlier request committed; 503 while the read model cannot show it yet. */
    private R replayed(String key, int version) {
        records.awaitVersion(key, version);
        return records.stored(key).filter(record -> record.version() >= version).orElseThrow(() ->
                new ReadModelUnavailableException(topics.events().name(), new TimeoutException("the record is not at version " + version + " yet")));
    }

    private WriteOutcome propose(String key, int version, RequestDigests digests, Decision decision, List<E> sealedEvents) {
        Instant notAfter = Instant.now().plus(timeout);
        List<ProposedEvent> proposed = new ArrayList<>(sealedEvents.size());
        for (E sealed : sealedEvents) {
            byte[] serialized = breakers.call(Dependency.REGISTRY, () -> eventSerializer.serialize(topics.events().name(), sealed));
            proposed.add(new ProposedEvent(ByteBuffer.wrap(serialized),
                    CloudEventsProducerInterceptor.attributes(cloudEventSource, sealed)));
        }
        List<String> claims = decision.claims().stream().map(Claim::key).toList();
        WriteProposal proposal = WriteProposal.newBuilder().setRecordKey(key).setBasedOnVersion(version)
                .setRequestDigests(digests).setClaims(claims).setReleases(decision.releases()).setEvents(proposed)
                .setNotAfter(notAfter).build();
        ProducerRecord<String, WriteProposal> record = claims.isEmpty()
                ? new ProducerRecord<>(topics.proposals().name(), key, proposal)
                : new ProducerRecord<>(topics.claims().name(), claims.getFirst(), proposal);
        return breakers.call(Dependency.BROKER, () -> sendAndReceive(record));
    }

    private WriteOutcome sendAndReceive(ProducerRecord<String, WriteProposal> record) {
        try {
            awaitAssignment();
            return replies.sendAndReceive(record, timeout).get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS).value();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventNotPublishedException(topics.proposals().name(), e);
        } catch (ExecutionException e) {
            throw new EventNotPublishedException(topics.proposals().name(), e.getCause());
        } catch (TimeoutException | RuntimeException e) {
            throw new EventNotPublishedException(topics.proposals().name(), e);
        }
    }

    /** Outcomes are read from the latest offset: a proposal sent before the reply consumer is assigned would be lost. */
    private void awaitAssignment() throws InterruptedException {
        if (!assigned) {
            if (!replies.waitForAssignment(timeout)) {
                throw new IllegalStateException("the outcomes of " + topics.events().name() + " are not assigned yet");
            }
            assigned = true;
        }
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    @Override
    public void start() {
        replies.start();
    }

    @Override
    public void stop() {
        replies.stop();
    }

    @Override
    public boolean isRunning() {
        return replies.isRunning();
    }
}
