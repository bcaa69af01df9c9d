package nl.doorstroom.platform.test.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import nl.doorstroom.platform.audit.ProcessingLogReader;
import nl.doorstroom.platform.privacy.PseudonymDomain;
import nl.doorstroom.platform.privacy.Pseudonyms;
import nl.doorstroom.platform.test.DemoPrivacyKeys;
import nl.doorstroom.platform.test.TestTokens;
import nl.doorstroom.platform.test.audit.AuditTestApplication.HouseholdLookup;
import nl.doorstroom.platform.test.audit.AuditTestApplication.Member;
import nl.doorstroom.schemas.Topics;
import nl.doorstroom.schemas.audit.ProcessingLogEntry;
import nl.doorstroom.schemas.audit.ProcessingStatusCode;

/**
 * The processing log in a running service, against the real broker and registry: a request that continues a W3C
 * trace writes one entry per person to audit.processing-log, under that trace, and the reader lists one person's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.application.name=audit-test-service")
@DemoPrivacyKeys
class ProcessingLogIntegrationTest {

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;
    @Autowired
    ProcessingLogReader reader;
    @Autowired
    Pseudonyms pseudonyms;

    RestClient http;

    @BeforeEach
    void setUp() {
        http = RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
    }

    @Test
    void aRequestInATraceWritesOneEntryPerPersonUnderThatTraceAndTheReaderListsOnePersonsEntries() {
        Member amina = member("Amina Haddad");
        Member omar = member("Omar Haddad");
        String traceId = hex(16);
        Instant before = Instant.now().minusMillis(1);

        ResponseEntity<String> answer = lookUp("/api/v1/household-lookups", traceparent(traceId, "01"), amina, omar);

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        List<ProcessingLogEntry> aminas = reader.entriesForSubject(amina.personId());
        List<ProcessingLogEntry> omars = reader.entriesForSubject(omar.personId());
        assertThat(aminas).filteredOn(e -> e.getTraceId().equals(traceId)).singleElement().satisfies(entry -> {
            assertThat(entry.getSpanId()).matches("[0-9a-f]{16}");
            assertThat(entry.getParentSpanId()).matches("[0-9a-f]{16}");
            assertThat(entry.getName()).isEqualTo("test.look-up-household");
            assertThat(entry.getStatusCode()).isEqualTo(ProcessingStatusCode.OK);
            assertThat(entry.getProcessingActivityId())
                    .isEqualTo("https://doorstroom.nl/verwerkingsregister/huishouden-opvragen");
            assertThat(entry.getDataSubjectIdType()).isEqualTo("doorstroom-person-pseudonym");
            assertThat(entry.getResource().getServiceName()).isEqualTo("audit-test-service");
            assertThat(entry.getStartTime()).isAfter(before).isBeforeOrEqualTo(entry.getEndTime());
        });
        assertThat(omars).filteredOn(e -> e.getTraceId().equals(traceId)).hasSize(1);
        // one person's listing holds only that person's entries
        assertThat(aminas).isNotEmpty().allSatisfy(e -> assertThat(e.getDataSubjectId()).isEqualTo(pseudonyms.pseudonymOf(PseudonymDomain.AUDIT, amina.personId())));
        assertThat(reader.entriesForPseudonym(pseudonyms.pseudonymOf(PseudonymDomain.AUDIT, omar.personId()))).isEqualTo(omars);
        ProcessingLogEntry aminasEntry = aminas.stream().filter(e -> e.getTraceId().equals(traceId)).findFirst().orElseThrow();
        ProcessingLogEntry omarsEntry = omars.stream().filter(e -> e.getTraceId().equals(traceId)).findFirst().orElseThrow();
        assertThat(aminasEntry.getSpanId()).isNotEqualTo(omarsEntry.getSpanId());
        assertThat(aminasEntry.getParentSpanId()).isEqualTo(omarsEntry.getParentSpanId());

        // on the topic itself: exactly one record per person in this trace, keyed by pseudonym, no direct identifier
        List<ConsumerRecord<byte[], byte[]>> records = rawRecordsOfTrace(traceId);
        assertThat(records).hasSize(2);
        assertThat(records).extracting(r -> new String(r.key(), StandardCharsets.UTF_8))
                .containsExactlyInAnyOrder(pseudonyms.pseudonymOf(PseudonymDomain.AUDIT, amina.personId()), pseudonyms.pseudonymOf(PseudonymDomain.AUDIT, omar.personId()));
        for (ConsumerRecord<byte[], byte[]> record : records) {
            assertCarriesNoIdentifierOf(record, amina, omar);
            assertThat(header(record, "ce_type")).isEqualTo("nl.inburgering.audit.data-processing-logged.v1");
            assertThat(header(record, "ce_source")).startsWith("urn:nld:");
        }
    }

    @Test
    void aTraceTheCallerDidNotSampleIsLoggedAllTheSame() {
        Member amina = member("Amina Yusuf");
        String traceId = hex(16);

        ResponseEntity<String> answer = lookUp("/api/v1/household-lookups", traceparent(traceId, "00"), amina);

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(reader.entriesForSubject(amina.personId())).singleElement()
                .satisfies(entry -> assertThat(entry.getTraceId()).isEqualTo(traceId));
    }

    @Test
    void aFailedProcessingIsLoggedAsErrorWithoutTheExceptionsPersonalData() {
        Member amina = member("Amina Rahimi");
        String traceId = hex(16);

        ResponseEntity<String> answer = lookUp("/api/v1/failing-household-lookups", traceparent(traceId, "01"), amina);

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(answer.getBody()).doesNotContain("Amina", amina.vNumber());
        assertThat(reader.entriesForSubject(amina.personId())).singleElement().satisfies(entry -> {
            assertThat(entry.getTraceId()).isEqualTo(traceId);
            assertThat(entry.getStatusCode()).isEqualTo(ProcessingStatusCode.ERROR);
        });
        assertThat(rawRecordsOfTrace(traceId)).singleElement().satisfies(r -> assertCarriesNoIdentifierOf(r, amina));
    }

    private ResponseEntity<String> lookUp(String path, String traceparent, Member... members) {
        return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).header("traceparent", traceparent)
                .header("Authorization", "Bearer " + TestTokens.caseWorker("GM0344"))
                .body(new HouseholdLookup(List.of(members))).retrieve().toEntity(String.class);
    }

    private static void assertCarriesNoIdentifierOf(ConsumerRecord<byte[], byte[]> record, Member... members) {
        StringBuilder everything = new StringBuilder(new String(record.key(), StandardCharsets.UTF_8))
                .append(new String(record.value(), StandardCharsets.ISO_8859_1));
        for (Header header : record.headers()) {
            everything.append(header.key()).append(new String(header.value(), StandardCharsets.UTF_8));
        }
        for (Member member : members) {
            for (String part : member.name().split(" ")) {
                assertThat(everything.toString()).doesNotContain(part);
            }
            assertThat(everything.toString()).doesNotContain(member.vNumber()).doesNotContain(member.personId());
        }
    }

    /** Every record on audit.processing-log whose value names this trace id, read as raw bytes. */
    private List<ConsumerRecord<byte[], byte[]>> rawRecordsOfTrace(String traceId) {
        byte[] needle = traceId.getBytes(StandardCharsets.UTF_8);
        List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.AUDIT_PROCESSING_LOG.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plusSeconds(30);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                assertThat(Instant.now()).as("read audit.processing-log to its end").isBefore(deadline);
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (indexOf(record.value(), needle) >= 0) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Member member(String name) {
        String vNumber = String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
        return new Member(UUID.randomUUID().toString(), name, vNumber);
    }

    private static String traceparent(String traceId, String flags) {
        return "00-" + traceId + "-" + hex(8) + "-" + flags;
    }

    private static String hex(int bytes) {
        byte[] id = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(id);
        id[0] |= 1; // never all zeros
        return HexFormat.of().formatHex(id);
    }
}
