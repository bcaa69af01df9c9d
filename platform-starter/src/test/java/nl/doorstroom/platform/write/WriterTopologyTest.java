package nl.doorstroom.platform.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;

import nl.doorstroom.schemas.Topics;
import nl.doorstroom.schemas.WritePathTopics;
import nl.doorstroom.schemas.intake.ErasureGround;
import nl.doorstroom.schemas.intake.PersonErased;
import nl.doorstroom.schemas.intake.PersonEvent;
import nl.doorstroom.schemas.platform.ProposedEvent;
import nl.doorstroom.schemas.platform.RequestDigests;
import nl.doorstroom.schemas.platform.WriteOutcome;
import nl.doorstroom.schemas.platform.WriteProposal;
import nl.doorstroom.schemas.platform.WriteStatus;
import nl.doorstroom.schemas.platform.WriterState;

/** The single writer's rules, each as the task that owns the key sees them (no broker, no registry). */
class WriterTopologyTest {

    private static final WritePathTopics TOPICS = new WritePathTopics(Topics.INTAKE_PERSON_EVENTS);
    private static final Serde<WriteProposal> PROPOSALS = PlainAvro.serde(WriteProposal.class);
    private static final Serde<WriteOutcome> OUTCOMES = PlainAvro.serde(WriteOutcome.class);
    private static final Serde<PersonEvent> EVENTS = PlainAvro.serde(PersonEvent.class);

    private TopologyTestDriver driver;
    private TestInputTopic<String, WriteProposal> proposals;
    private TestInputTopic<String, WriteProposal> claims;
    private TestInputTopic<String, PersonEvent> events;
    private TestOutputTopic<String, WriteOutcome> outcomes;
    private TestOutputTopic<String, PersonEvent> appended;

    @BeforeEach
    void setUp() {
        StreamsBuilder builder = new StreamsBuilder();
        WriterTopology.add(builder, TOPICS, builder.stream(TOPICS.events().name(), Consumed.with(Serdes.String(), EVENTS)),
                PROPOSALS, OUTCOMES, PlainAvro.serde(WriterState.class));
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "writer-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.STATE_DIR_CONFIG, "target/kstreams/" + UUID.randomUUID());
        driver = new TopologyTestDriver(builder.build(), config);
        proposals = driver.createInputTopic(TOPICS.proposals().name(), Serdes.String().serializer(), PROPOSALS.serializer());
        claims = driver.createInputTopic(TOPICS.claims().name(), Serdes.String().serializer(), PROPOSALS.serializer());
        events = driver.createInputTopic(TOPICS.events().name(), Serdes.String().serializer(), EVENTS.serializer());
        outcomes = driver.createOutputTopic(TOPICS.outcomes().name(), Serdes.String().deserializer(), OUTCOMES.deserializer());
        appended = driver.createOutputTopic(TOPICS.events().name(), Serdes.String().deserializer(), EVENTS.deserializer());
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    @Test
    void appliesAChangeBasedOnTheCurrentVersionAndRefusesOneBasedOnAnOlderOne() {
        WriteOutcome first = propose("amina", proposal("amina", 0, null, "a1", "a2"));
        assertThat(first.getStatus()).isEqualTo(WriteStatus.APPLIED);
        assertThat(List.of(first.getFirstVersion(), first.getLastVersion(), first.getCurrentVersion())).containsExactly(1, 2, 2);
        List<TestRecord<String, PersonEvent>> written = appended.readRecordsToList();
        assertThat(written).extracting(r -> r.value().getEventId()).containsExactly("a1", "a2");
        assertThat(new String(written.getFirst().headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                .isEqualTo("test.event.v1");

        WriteOutcome stale = propose("amina", proposal("amina", 0, null, "b1"));
        assertThat(stale.getStatus()).isEqualTo(WriteStatus.STALE_VERSION);
        assertThat(stale.getCurrentVersion()).isEqualTo(2);
        assertThat(appended.isEmpty()).isTrue();
        assertThat(propose("amina", proposal("amina", 2, null, "b1")).getStatus()).isEqualTo(WriteStatus.APPLIED);
    }

    @Test
    void aRepeatedRequestIsAnsweredFromTheFirstAndAReusedKeyIsRefused() {
        RequestDigests digests = new RequestDigests("key", "request");
        assertThat(propose("omar", proposal("omar", 0, digests, "o1")).getStatus()).isEqualTo(WriteStatus.APPLIED);
        WriteOutcome again = propose("omar", proposal("omar", 0, digests, "o1"));
        assertThat(again.getStatus()).isEqualTo(WriteStatus.REPLAYED);
        assertThat(List.of(again.getFirstVersion(), again.getLastVersion())).containsExactly(1, 1);
        assertThat(propose("omar", proposal("omar", 1, new RequestDigests("key", "other"), "o2")).getStatus())
                .isEqualTo(WriteStatus.KEY_REUSED);
        appended.readRecordsToList();
        assertThat(appended.isEmpty()).isTrue();
    }

    @Test
    void aClaimBelongsToOneRecordAndIsReleasedWhenItsChangeIsRefusedOrGivenUp() {
        assertThat(claim("sara", proposal("sara", 0, null, "s1"), "v-123").getStatus()).isEqualTo(WriteStatus.APPLIED);
        WriteOutcome taken = claim("hana", proposal("hana", 0, null, "h1"), "v-123");
        assertThat(taken.getStatus()).isEqualTo(WriteStatus.CLAIM_TAKEN);
        assertThat(taken.getTakenClaim()).isEqualTo("v-123");
        // the record itself may claim its own key again
        assertThat(claim("sara", proposal("sara", 1, null, "s2"), "v-123").getStatus()).isEqualTo(WriteStatus.APPLIED);

        // a stale change gives back the claim it took
        assertThat(claim("sara", proposal("sara", 0, null, "s3"), "v-456").getStatus()).isEqualTo(WriteStatus.STALE_VERSION);
        assertThat(claim("hana", proposal("hana", 0, null, "h1"), "v-456").getStatus()).isEqualTo(WriteStatus.APPLIED);

        // an applied change that releases a claim frees it
        WriteProposal release = WriteProposal.newBuilder(proposal("sara", 2, null, "s4")).setReleases(List.of("v-123")).build();
        assertThat(propose("sara", release).getStatus()).isEqualTo(WriteStatus.APPLIED);
        assertThat(claim("hana", proposal("hana", 1, null, "h2"), "v-123").getStatus()).isEqualTo(WriteStatus.APPLIED);
    }

    @Test
    void aProposalSeenAfterItsRequesterStoppedWaitingIsRefused() {
        WriteProposal late = WriteProposal.newBuilder(proposal("lina", 0, null, "l1"))
                .setNotAfter(Instant.now().minus(Duration.ofSeconds(1))).build();
        assertThat(propose("lina", late).getStatus()).isEqualTo(WriteStatus.EXPIRED);
        assertThat(claim("lina", late, "v-789").getStatus()).isEqualTo(WriteStatus.EXPIRED);
        assertThat(appended.isEmpty()).isTrue();
    }

    @Test
    void aRecordWrittenBeforeTheWriterExistedCountsWithItsVersion() {
        events.pipeInput("karim", PersonEvent.newBuilder().setEventId("e1").setPersonId("karim").setOccurredAt(Instant.now())
                .setRecordVersion(7).setPayload(new PersonErased(ErasureGround.DATA_SUBJECT_REQUEST, "test")).build());
        WriteOutcome stale = propose("karim", proposal("karim", 0, null, "k1"));
        assertThat(stale.getStatus()).isEqualTo(WriteStatus.STALE_VERSION);
        assertThat(stale.getCurrentVersion()).isEqualTo(7);
        assertThat(propose("karim", proposal("karim", 7, null, "k1")).getLastVersion()).isEqualTo(8);
    }

    @Test
    void theWriterRemembersABoundedNumberOfRequests() {
        for (int i = 0; i < RecentRequests.LIMIT + 10; i++) {
            assertThat(propose("noor", proposal("noor", i, new RequestDigests("key-" + i, "r"), "n")).getStatus())
                    .isEqualTo(WriteStatus.APPLIED);
        }
        WriterState state = driver.<String, WriterState>getKeyValueStore(WriterTopology.writerStore(TOPICS)).get("noor");
        assertThat(state.getRecentRequests()).hasSize(RecentRequests.LIMIT);
        assertThat(state.getVersion()).isEqualTo(RecentRequests.LIMIT + 10);
    }

    private WriteOutcome propose(String key, WriteProposal proposal) {
        return answer(() -> proposals.pipeInput(new TestRecord<>(key, proposal, correlated())));
    }

    private WriteOutcome claim(String key, WriteProposal proposal, String claim) {
        WriteProposal claiming = WriteProposal.newBuilder(proposal).setClaims(List.of(claim)).build();
        return answer(() -> claims.pipeInput(new TestRecord<>(claim, claiming, correlated())));
    }

    private WriteOutcome answer(Runnable send) {
        outcomes.readRecordsToList();
        send.run();
        List<TestRecord<String, WriteOutcome>> answers = outcomes.readRecordsToList();
        assertThat(answers).hasSize(1);
        assertThat(answers.getFirst().headers().lastHeader(KafkaHeaders.CORRELATION_ID)).isNotNull();
        return answers.getFirst().value();
    }

    private static RecordHeaders correlated() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(KafkaHeaders.CORRELATION_ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    private static WriteProposal proposal(String key, int basedOn, RequestDigests digests, String... values) {
        List<ProposedEvent> proposed = new ArrayList<>();
        for (String eventId : values) {
            PersonEvent event = PersonEvent.newBuilder().setEventId(eventId).setPersonId(key).setOccurredAt(Instant.now())
                    .setRecordVersion(basedOn + proposed.size() + 1).setPayload(new PersonErased(ErasureGround.DATA_SUBJECT_REQUEST, "test")).build();
            proposed.add(new ProposedEvent(ByteBuffer.wrap(EVENTS.serializer().serialize(TOPICS.events().name(), event)),
                    Map.of("ce_type", "test.event.v1")));
        }
        return WriteProposal.newBuilder().setRecordKey(key).setBasedOnVersion(basedOn).setRequestDigests(digests)
                .setEvents(proposed).setNotAfter(Instant.now().plus(Duration.ofMinutes(1))).build();
    }
}
