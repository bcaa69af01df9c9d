package nl.doorstroom.platform.write;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.avro.generic.IndexedRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.springframework.kafka.support.KafkaHeaders;

import java.nio.charset.StandardCharsets;

import nl.doorstroom.schemas.WritePathTopics;
import nl.doorstroom.schemas.platform.RecentRequest;
import nl.doorstroom.schemas.platform.WriteOutcome;
import nl.doorstroom.schemas.platform.WriteProposal;
import nl.doorstroom.schemas.platform.WriteStatus;
import nl.doorstroom.schemas.platform.WriterState;

/**
 * The single writer per key (DESIGN §1), as two Kafka Streams processors, so the decision is made by the task that
 * owns the key's partition, whichever instance that is, and its events, its new state and its outcome are committed
 * in one exactly-once transaction:
 * <ul>
 *     <li>the claim registry, keyed by the keyed digest of a unique natural key (a V-number), gives each claim to one
 *     record and passes the proposal on to the writer, or answers {@link WriteStatus#CLAIM_TAKEN};</li>
 *     <li>the record writer, keyed by record key, appends a proposal's events only when the record is still at the
 *     version the change was based on and its Idempotency-Key is new; it also reads the event topic itself, so a
 *     record written before it existed (or by an older version of the service) counts with its real version.</li>
 * </ul>
 */
final class WriterTopology {

    private WriterTopology() {
    }

    static String writerStore(WritePathTopics topics) {
        return topics.events().name() + "-writer";
    }

    static String claimStore(WritePathTopics topics) {
        return topics.events().name() + "-claims";
    }

    static void add(StreamsBuilder builder, WritePathTopics topics, KStream<String, ? extends IndexedRecord> events,
                    Serde<WriteProposal> proposals, Serde<WriteOutcome> outcomes, Serde<WriterState> states) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(writerStore(topics)),
                Serdes.String(), states));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(claimStore(topics)),
                Serdes.String(), Serdes.String()));
        Produced<String, Routed> routed = Produced.with(Serdes.String(), Routed.serde());

        builder.stream(topics.claims().name(), Consumed.with(Serdes.String(), proposals))
                .process(() -> new ClaimRegistry(topics, proposals, outcomes), Named.as(claimStore(topics)),
                        claimStore(topics))
                .to(Routed.TOPIC, routed);

        KStream<String, Object> proposed = builder.stream(topics.proposals().name(),
                Consumed.with(Serdes.String(), proposals)).mapValues(p -> (Object) p);
        proposed.merge(events.mapValues(e -> (Object) e))
                .process(() -> new RecordWriter(topics, proposals, outcomes), Named.as(writerStore(topics)),
                        writerStore(topics))
                .to(Routed.TOPIC, routed);
    }

    /** Headers of a record the writer sends on: only the requester's correlation id, so the outcome finds it. */
    private static Headers correlation(Headers from) {
        Headers headers = new RecordHeaders();
        var id = from.lastHeader(KafkaHeaders.CORRELATION_ID);
        if (id != null) {
            headers.add(id);
        }
        return headers;
    }

    private static Routed outcome(WritePathTopics topics, Serde<WriteOutcome> serde, Headers headers, WriteOutcome outcome) {
        return new Routed(topics.outcomes().name(), serde.serializer().serialize(topics.outcomes().name(), headers, outcome));
    }

    private static boolean expired(WriteProposal proposal) {
        return proposal.getNotAfter().isBefore(Instant.now());
    }

    /** What both steps of the writer share: the topics, the serdes, and one store of their own. */
    private abstract static class Step<V, S> implements Processor<String, V, String, Routed> {

        final WritePathTopics topics;
        final Serde<WriteProposal> proposals;
        final Serde<WriteOutcome> outcomes;
        private final String storeName;
        ProcessorContext<String, Routed> context;
        KeyValueStore<String, S> store;

        Step(WritePathTopics topics, Serde<WriteProposal> proposals, Serde<WriteOutcome> outcomes, String storeName) {
            this.topics = topics;
            this.proposals = proposals;
            this.outcomes = outcomes;
            this.storeName = storeName;
        }

        @Override
        public void init(ProcessorContext<String, Routed> context) {
            this.context = context;
            this.store = context.getStateStore(storeName);
        }
    }

    static final class ClaimRegistry extends Step<WriteProposal, String> {

        ClaimRegistry(WritePathTopics topics, Serde<WriteProposal> proposals, Serde<WriteOutcome> outcomes) {
            super(topics, proposals, outcomes, claimStore(topics));
        }

        @Override
        public void process(Record<String, WriteProposal> record) {
            WriteProposal proposal = record.value();
            if (proposal == null) {
                return;
            }
            String claim = record.key();
            String holder = store.get(claim);
            Headers headers = correlation(record.headers());
            if (proposal.getClaims().isEmpty()) {
                // a release: only the record that holds the claim can give it up
                if (proposal.getReleases().contains(claim) && proposal.getRecordKey().equals(holder)) {
                    store.delete(claim);
                }
                return;
            }
            if (expired(proposal)) {
                send(proposal.getRecordKey(), outcome(topics, outcomes, headers, status(WriteStatus.EXPIRED)), headers, record);
                return;
            }
            if (holder != null && !holder.equals(proposal.getRecordKey())) {
                WriteOutcome taken = WriteOutcome.newBuilder().setStatus(WriteStatus.CLAIM_TAKEN).setTakenClaim(claim).build();
                send(proposal.getRecordKey(), outcome(topics, outcomes, headers, taken), headers, record);
                return;
            }
            store.put(claim, proposal.getRecordKey());
            List<String> claimed = new ArrayList<>(proposal.getClaimed());
            if (holder == null) {
                claimed.add(claim);
            }
            List<String> remaining = proposal.getClaims().subList(1, proposal.getClaims().size());
            WriteProposal next = WriteProposal.newBuilder(proposal).setClaims(List.copyOf(remaining)).setClaimed(claimed).build();
            String topic = remaining.isEmpty() ? topics.proposals().name() : topics.claims().name();
            String key = remaining.isEmpty() ? proposal.getRecordKey() : remaining.getFirst();
            send(key, new Routed(topic, proposals.serializer().serialize(topic, headers, next)), headers, record);
        }

        private void send(String key, Routed value, Headers headers, Record<String, WriteProposal> from) {
            context.forward(new Record<>(key, value, from.timestamp(), headers));
        }
    }

    static final class RecordWriter extends Step<Object, WriterState> {

        RecordWriter(WritePathTopics topics, Serde<WriteProposal> proposals, Serde<WriteOutcome> outcomes) {
            super(topics, proposals, outcomes, writerStore(topics));
        }

        @Override
        public void process(Record<String, Object> record) {
            String key = record.key();
            if (key == null || record.value() == null) {
                return;
            }
            WriterState state = store.get(key);
            if (state == null) {
                state = new WriterState(0, List.of());
            }
            if (record.value() instanceof WriteProposal proposal) {
                decide(record, proposal, state);
            } else if (record.value() instanceof IndexedRecord event) {
                // the writer's own events come back here too; only a version beyond its own counts
                int version = Envelopes.recordVersion(event);
                if (version > state.getVersion()) {
                    store.put(key, new WriterState(version, state.getRecentRequests()));
                }
            }
        }

        private void decide(Record<String, Object> record, WriteProposal proposal, WriterState state) {
            Headers headers = correlation(record.headers());
            String key = record.key();
            var digests = proposal.getRequestDigests();
            RecentRequest earlier = digests == null ? null : state.getRecentRequests().stream()
                    .filter(r -> r.getKeyDigest().equals(digests.getKeyDigest())).findFirst().orElse(null);
            WriteOutcome.Builder outcome = WriteOutcome.newBuilder();
            if (expired(proposal)) {
                outcome.setStatus(WriteStatus.EXPIRED);
            } else if (earlier != null) {
                outcome.setStatus(earlier.getRequestDigest().equals(digests.getRequestDigest())
                                ? WriteStatus.REPLAYED : WriteStatus.KEY_REUSED)
                        .setFirstVersion(earlier.getFirstVersion()).setLastVersion(earlier.getLastVersion());
            } else if (proposal.getBasedOnVersion() != state.getVersion()) {
                outcome.setStatus(WriteStatus.STALE_VERSION);
            } else {
                state = append(record, proposal, state);
                outcome.setStatus(WriteStatus.APPLIED).setFirstVersion(proposal.getBasedOnVersion() + 1)
                        .setLastVersion(state.getVersion());
            }
            if (outcome.getStatus() != WriteStatus.APPLIED && outcome.getStatus() != WriteStatus.REPLAYED) {
                // claims this proposal took for a change that did not happen go back
                release(key, proposal.getClaimed(), record);
            }
            outcome.setCurrentVersion(state.getVersion());
            context.forward(new Record<>(key, outcome(topics, outcomes, headers, outcome.build()), record.timestamp(), headers));
        }

        /** Appends the proposal's events and returns the writer's new state. */
        private WriterState append(Record<String, Object> record, WriteProposal proposal, WriterState state) {
            String key = record.key();
            int first = state.getVersion() + 1;
            for (var event : proposal.getEvents()) {
                Headers headers = new RecordHeaders();
                event.getHeaders().forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
                byte[] value = new byte[event.getValue().remaining()];
                event.getValue().duplicate().get(value);
                context.forward(new Record<>(key, new Routed(topics.events().name(), value), record.timestamp(), headers));
            }
            int last = state.getVersion() + proposal.getEvents().size();
            WriterState next = RecentRequests.after(state, first, last, proposal.getRequestDigests());
            store.put(key, next);
            release(key, proposal.getReleases(), record);
            return next;
        }

        private void release(String key, List<String> claims, Record<String, Object> from) {
            for (String claim : claims) {
                WriteProposal release = WriteProposal.newBuilder().setRecordKey(key).setBasedOnVersion(0)
                        .setReleases(List.of(claim)).setNotAfter(Instant.now()).build();
                context.forward(new Record<>(claim, new Routed(topics.claims().name(),
                        proposals.serializer().serialize(topics.claims().name(), new RecordHeaders(), release)),
                        from.timestamp(), new RecordHeaders()));
            }
        }
    }

    private static WriteOutcome status(WriteStatus status) {
        return WriteOutcome.newBuilder().setStatus(status).build();
    }
}
