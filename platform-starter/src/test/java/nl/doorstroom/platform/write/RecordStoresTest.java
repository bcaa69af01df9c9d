package nl.doorstroom.platform.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import nl.doorstroom.schemas.intake.ErasureGround;
import nl.doorstroom.schemas.intake.HouseholdRecorded;
import nl.doorstroom.schemas.intake.Idempotency;
import nl.doorstroom.schemas.intake.PersonErased;
import nl.doorstroom.schemas.intake.PersonEvent;
import nl.doorstroom.schemas.platform.WriterState;

/** How every bounded record keeps its version and recent requests, and how its two stores follow the events. */
class RecordStoresTest {

    /** A record with no sections: what the platform keeps of every record. */
    private static final RecordFold<WriterState, PersonEvent> VERSIONS = new RecordFold<>() {
        @Override
        public WriterState empty(String key) {
            return new WriterState(0, List.of());
        }

        @Override
        public WriterState written(WriterState record) {
            return record;
        }

        @Override
        public WriterState apply(WriterState record, PersonEvent event, WriterState written) {
            return written;
        }

        @Override
        public boolean erases(PersonEvent event) {
            return event.getPayload() instanceof PersonErased;
        }
    };

    /**
     * @param events  each event as {@code version} or {@code version/key} (the Idempotency-Key of its request)
     * @param recent  the recent requests afterwards, newest first, as {@code key:first-last}
     */
    @ParameterizedTest(name = "{0} -> version {1}, recent [{2}]")
    @CsvSource(delimiter = '|', value = {
            "1 2 3             | 3 | ''",
            "1/a 2/b           | 2 | b:2-2 a:1-1",
            "1/a 2/a 3/a 4/b   | 4 | b:4-4 a:1-3",
            "1 2/a 3 4/a       | 4 | a:4-4 a:2-2",
            "1/a 2/b 2/b 1/a   | 2 | b:2-2 a:1-1",
            "0 0 0             | 3 | ''",
            "0 0/a 0/a         | 3 | a:2-3",
            "1 5 6             | 6 | ''",
    })
    void theVersionFollowsTheEventsAndEachRequestIsRememberedWithItsVersions(String events, int version, String recent) {
        WriterState record = VERSIONS.empty("p-1");
        for (String event : events.split(" ")) {
            record = RecordStores.fold(VERSIONS, record, event(event));
        }
        assertThat(record.getVersion()).isEqualTo(version);
        assertThat(record.getRecentRequests().stream()
                .map(r -> r.getKeyDigest() + ":" + r.getFirstVersion() + "-" + r.getLastVersion())
                .collect(Collectors.joining(" "))).isEqualTo(recent);
    }

    @Test
    void aRedeliveredEventLeavesTheRecordAsItIs() {
        WriterState record = RecordStores.fold(VERSIONS, VERSIONS.empty("p-1"), event("1/a"));
        assertThat(RecordStores.fold(VERSIONS, record, event("1/a"))).isSameAs(record);
    }

    @Test
    void aRecordRemembersABoundedNumberOfRequestsNewestFirst() {
        WriterState record = VERSIONS.empty("p-1");
        for (int i = 1; i <= RecentRequests.LIMIT + 10; i++) {
            record = RecordStores.fold(VERSIONS, record, event(i + "/k" + i));
        }
        assertThat(record.getRecentRequests()).hasSize(RecentRequests.LIMIT);
        assertThat(record.getRecentRequests().getFirst().getKeyDigest()).isEqualTo("k" + (RecentRequests.LIMIT + 10));
        assertThat(record.getRecentRequests().getLast().getKeyDigest()).isEqualTo("k11");
    }

    @Test
    void theHistoryKeepsOneEntryPerVersionUntilTheRecordIsErased() {
        Serde<PersonEvent> events = PlainAvro.serde(PersonEvent.class);
        StreamsBuilder builder = new StreamsBuilder();
        RecordStores.materialise(builder, builder.stream("events", Consumed.with(Serdes.String(), events)),
                        "records", PlainAvro.serde(WriterState.class), "history", events, VERSIONS)
                .to("changes", Produced.with(Serdes.String(), PlainAvro.serde(WriterState.class)));
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "record-stores-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.STATE_DIR_CONFIG, "target/kstreams/" + UUID.randomUUID());
        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), config)) {
            TestInputTopic<String, PersonEvent> input =
                    driver.createInputTopic("events", Serdes.String().serializer(), events.serializer());
            // p-10 shares the text "p-1" but not the prefix "p-1/"
            for (String event : List.of("1", "2/a", "3/a", "2/a")) {
                input.pipeInput("p-1", event(event));
            }
            input.pipeInput("p-10", event("1"));
            KeyValueStore<String, PersonEvent> history = driver.getKeyValueStore("history");
            KeyValueStore<String, WriterState> records = driver.getKeyValueStore("records");
            assertThat(keys(history)).containsExactly("p-1/0000000001", "p-1/0000000002", "p-1/0000000003",
                    "p-10/0000000001");
            assertThat(records.get("p-1").getVersion()).isEqualTo(3);
            assertThat(driver.createOutputTopic("changes", Serdes.String().deserializer(),
                    PlainAvro.serde(WriterState.class).deserializer()).readValuesToList())
                    .as("a redelivered event changes nothing").hasSize(4);

            input.pipeInput("p-1", PersonEvent.newBuilder(event("4"))
                    .setPayload(new PersonErased(ErasureGround.DATA_SUBJECT_REQUEST, "case-1")).build());
            assertThat(keys(history)).containsExactly("p-10/0000000001");
            assertThat(records.get("p-1").getVersion()).isEqualTo(4);
        }
    }

    private static List<String> keys(KeyValueStore<String, PersonEvent> store) {
        List<String> keys = new ArrayList<>();
        try (var all = store.all()) {
            all.forEachRemaining((KeyValue<String, PersonEvent> entry) -> keys.add(entry.key));
        }
        return keys;
    }

    /** An event as {@code version} or {@code version/key}. */
    private static PersonEvent event(String spec) {
        List<String> parts = Arrays.asList(spec.split("/"));
        return PersonEvent.newBuilder().setEventId(UUID.randomUUID().toString()).setPersonId("p")
                .setOccurredAt(Instant.now()).setRecordVersion(Integer.parseInt(parts.getFirst()))
                .setIdempotency(parts.size() == 1 ? null : new Idempotency(parts.get(1), "request-" + parts.get(1)))
                .setPayload(HouseholdRecorded.newBuilder().build()).build();
    }
}
