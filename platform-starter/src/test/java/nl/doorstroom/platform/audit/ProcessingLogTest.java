package nl.doorstroom.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import nl.doorstroom.platform.privacy.PseudonymDomain;
import nl.doorstroom.platform.privacy.Pseudonyms;
import nl.doorstroom.platform.kafka.EventNotPublishedException;
import nl.doorstroom.platform.kafka.EventPublisher;
import nl.doorstroom.schemas.Topic;
import nl.doorstroom.schemas.Topics;
import nl.doorstroom.schemas.audit.ForeignOperation;
import nl.doorstroom.schemas.audit.ProcessingLogEntry;
import nl.doorstroom.schemas.audit.ProcessingLogEvent;
import nl.doorstroom.schemas.audit.ProcessingStatusCode;

/** The processing log's rules, without Spring or Kafka: a real OpenTelemetry tracer, a publisher that records. */
class ProcessingLogTest {

    /** A test key only. */
    static final Map<String, String> TEST_SECRETS = Map.of(
            "audit", Base64.getEncoder().encodeToString("test-only audit key for the processing log 0123".getBytes()),
            "employer", Base64.getEncoder().encodeToString("test-only employer key, not used in this test".getBytes()),
            "analytics", Base64.getEncoder().encodeToString("test-only analytics key, not used in this test".getBytes()),
            "claims", Base64.getEncoder().encodeToString("test-only claims key, not used in this test 01".getBytes()));
    static final ProcessingActivity REGISTRATION = ProcessingActivity.of("intake-registratie");
    static final String PARENT_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    static final String PARENT_SPAN = "00f067aa0ba902b7";

    private final RecordingPublisher publisher = new RecordingPublisher();
    private final Pseudonyms pseudonyms = Pseudonyms.fromConfiguration(TEST_SECRETS);
    private final AuditProperties properties = new AuditProperties(
            java.net.URI.create("https://doorstroom.nl/verwerkingsregister/"), Map.of(), "doorstroom-person-pseudonym",
            Duration.ofSeconds(5));
    private final Clock clock = Clock.fixed(Instant.parse("2026-10-10T10:00:00Z"), ZoneOffset.UTC);
    private Scope parentScope;

    @AfterEach
    void leaveParent() {
        if (parentScope != null) {
            parentScope.close();
        }
    }

    private static Tracer tracer(Sampler sampler) {
        SdkTracerProvider provider = SdkTracerProvider.builder().setSampler(sampler).build();
        return new OtelTracer(provider.get("test"), new OtelCurrentTraceContext(), event -> { });
    }

    private ProcessingLog log(Tracer tracer) {
        return new ProcessingLog(publisher, tracer, pseudonyms, properties, () -> java.util.Optional.of("azc-staff"),
                "intake-service", "1.2.3", clock);
    }

    /** As if an HTTP request came in with {@code traceparent: 00-<PARENT_TRACE>-<PARENT_SPAN>-<flags>}. */
    private void continueRemoteTrace(TraceFlags flags) {
        SpanContext remote = SpanContext.createFromRemoteParent(PARENT_TRACE, PARENT_SPAN, flags, TraceState.getDefault());
        parentScope = Context.root().with(Span.wrap(remote)).makeCurrent();
    }

    @Test
    void writesOneEntryPerSubjectWithEveryFieldFilled() {
        String amina = UUID.randomUUID().toString();
        String omar = UUID.randomUUID().toString();
        continueRemoteTrace(TraceFlags.getSampled());

        String result = log(tracer(Sampler.parentBased(Sampler.alwaysOn())))
                .record(REGISTRATION, "intake.read-person", List.of(amina, omar, amina), () -> "dossier");

        assertThat(result).isEqualTo("dossier");
        assertThat(publisher.sent).hasSize(2);
        assertThat(publisher.keys).containsExactly(pseudonyms.pseudonymOf(PseudonymDomain.AUDIT, amina), pseudonyms.pseudonymOf(PseudonymDomain.AUDIT, omar));
        List<ProcessingLogEntry> entries = publisher.entries();
        for (int i = 0; i < entries.size(); i++) {
            ProcessingLogEntry entry = entries.get(i);
            assertThat(entry.getTraceId()).isEqualTo(PARENT_TRACE);
            assertThat(entry.getSpanId()).matches("[0-9a-f]{16}").isNotEqualTo(PARENT_SPAN);
            assertThat(entry.getParentSpanId()).matches("[0-9a-f]{16}").isNotEqualTo(PARENT_SPAN)
                    .isNotEqualTo(entry.getSpanId());
            assertThat(entry.getName()).isEqualTo("intake.read-person");
            assertThat(entry.getStartTime()).isEqualTo(clock.instant());
            assertThat(entry.getEndTime()).isEqualTo(clock.instant());
            assertThat(entry.getStatusCode()).isEqualTo(ProcessingStatusCode.OK);
            assertThat(entry.getProcessingActivityId())
                    .isEqualTo("https://doorstroom.nl/verwerkingsregister/intake-registratie");
            assertThat(entry.getDataSubjectId()).isEqualTo(publisher.keys.get(i));
            assertThat(entry.getDataSubjectIdType()).isEqualTo("doorstroom-person-pseudonym");
            assertThat(entry.getResource().getServiceName()).isEqualTo("intake-service");
            assertThat(entry.getResource().getServiceVersion()).isEqualTo("1.2.3");
            assertThat(entry.getActorRole()).isEqualTo("azc-staff");
            assertThat(entry.getForeignOperation()).isNull();
        }
        // one child span per subject under the same operation span
        assertThat(entries).extracting(ProcessingLogEntry::getParentSpanId).containsOnly(entries.getFirst().getParentSpanId());
        assertThat(entries).extracting(ProcessingLogEntry::getSpanId).doesNotHaveDuplicates();
        assertThat(publisher.events()).allSatisfy(event -> {
            assertThat(UUID.fromString(event.getEventId())).isNotNull();
            assertThat(event.getOccurredAt()).isEqualTo(clock.instant());
        });
    }

    @Test
    void workThatThrowsIsLoggedAsErrorWithoutItsTextAndTheExceptionPropagates() {
        String person = UUID.randomUUID().toString();
        IllegalStateException failure = new IllegalStateException("no dossier for Amina Haddad, V-number 1234567890");

        assertThatThrownBy(() -> log(tracer(Sampler.alwaysOn())).record(REGISTRATION, "intake.read-person",
                List.of(person), () -> { throw failure; })).isSameAs(failure);

        assertThat(publisher.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.getStatusCode()).isEqualTo(ProcessingStatusCode.ERROR);
            assertThat(entry.toString()).doesNotContain("Amina", "Haddad", "1234567890", "IllegalState", person);
        });
    }

    @Test
    void pseudonymNeverEqualsNorContainsTheRawIdAndIsStable() {
        for (String id : List.of(UUID.randomUUID().toString(), "1234567890", "0000000001", "person-42")) {
            String pseudonym = pseudonyms.pseudonymOf(PseudonymDomain.AUDIT, id);
            assertThat(pseudonym).isNotEqualTo(id).doesNotContain(id).startsWith("audit-");
            assertThat(pseudonyms.pseudonymOf(PseudonymDomain.AUDIT, id)).isEqualTo(pseudonym);
            assertThat(pseudonyms.pseudonymOf(PseudonymDomain.ANALYTICS, id)).as("another domain's pseudonym").isNotEqualTo(pseudonym);
        }
        String person = UUID.randomUUID().toString();
        log(tracer(Sampler.alwaysOn())).record(REGISTRATION, "intake.read-person", List.of(person), () -> null);
        assertThat((String) publisher.keys.getFirst()).isNotEqualTo(person).doesNotContain(person);
        assertThat(publisher.entries().getFirst().toString()).doesNotContain(person);
    }

    @Test
    void idsAreLowercaseHexOfTheStandardsLengthsAndANewTraceStartsWithoutAParent() {
        log(tracer(Sampler.parentBased(Sampler.alwaysOn())))
                .record(REGISTRATION, "intake.register-person", List.of("p1", "p2"), () -> null);
        assertThat(publisher.entries()).hasSize(2).allSatisfy(entry -> {
            assertThat(entry.getTraceId()).matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));
            assertThat(entry.getSpanId()).matches("[0-9a-f]{16}").isNotEqualTo("0".repeat(16));
            assertThat(entry.getParentSpanId()).matches("[0-9a-f]{16}");
        });
    }

    @Test
    void anUnsampledTraceIsLoggedAllTheSame() {
        continueRemoteTrace(TraceFlags.getDefault()); // traceparent flags 00: the caller did not sample
        log(tracer(Sampler.parentBased(Sampler.alwaysOn())))
                .record(REGISTRATION, "intake.read-person", List.of("p1", "p2"), () -> null);
        assertThat(publisher.entries()).hasSize(2).allSatisfy(entry -> {
            assertThat(entry.getTraceId()).isEqualTo(PARENT_TRACE);
            assertThat(entry.getSpanId()).matches("[0-9a-f]{16}");
        });
        assertThat(publisher.entries()).extracting(ProcessingLogEntry::getSpanId).doesNotHaveDuplicates();
    }

    @Test
    void withoutATracerTheIdsAreDrawnAtRandom() {
        log(Tracer.NOOP).record(REGISTRATION, "intake.read-person", List.of("p1", "p2"), () -> null);
        List<ProcessingLogEntry> entries = publisher.entries();
        assertThat(entries).hasSize(2).allSatisfy(entry -> {
            assertThat(entry.getTraceId()).matches("[0-9a-f]{32}");
            assertThat(entry.getSpanId()).matches("[0-9a-f]{16}");
        });
        assertThat(entries.get(0).getTraceId()).isEqualTo(entries.get(1).getTraceId());
        assertThat(entries.get(0).getSpanId()).isNotEqualTo(entries.get(1).getSpanId());
    }

    @Test
    void aReadWhoseEntryCannotBeStoredHandsNothingBack() {
        publisher.failWith = new EventNotPublishedException(Topics.AUDIT_PROCESSING_LOG.name(), new RuntimeException("broker down"));
        AtomicInteger reads = new AtomicInteger();
        assertThatThrownBy(() -> log(tracer(Sampler.alwaysOn())).record(REGISTRATION, "intake.read-person",
                List.of("p1"), () -> "dossier of " + reads.incrementAndGet()))
                .isSameAs(publisher.failWith);
        assertThat(reads).hasValue(1);
    }

    @Test
    void whenWorkAndLogBothFailTheWorksExceptionCarriesTheLogFailure() {
        publisher.failWith = new EventNotPublishedException(Topics.AUDIT_PROCESSING_LOG.name(), new RuntimeException("broker down"));
        IllegalArgumentException failure = new IllegalArgumentException("bad input");
        assertThatThrownBy(() -> log(tracer(Sampler.alwaysOn())).record(REGISTRATION, "intake.change-person",
                List.of("p1"), () -> { throw failure; }))
                .isSameAs(failure)
                .satisfies(e -> assertThat(e.getSuppressed()).containsExactly(publisher.failWith));
    }

    @Test
    void subjectsCanComeFromTheResult() {
        ProcessingLog log = log(tracer(Sampler.alwaysOn()));
        List<String> found = log.recordResult(ProcessingActivity.of("overdracht"), "trajectory.list-handovers",
                () -> List.of("p1", "p2", "p3"), ids -> ids);
        assertThat(found).hasSize(3);
        assertThat(publisher.entries()).hasSize(3)
                .allSatisfy(e -> assertThat(e.getProcessingActivityId()).endsWith("/overdracht"));

        publisher.sent.clear();
        log.recordResult(ProcessingActivity.of("overdracht"), "trajectory.list-handovers", List::<String>of, ids -> ids);
        assertThat(publisher.sent).isEmpty();
    }

    @Test
    void aForeignOperationAndAConfiguredActivityUriAreCarried() {
        AuditProperties configured = new AuditProperties(java.net.URI.create("https://example.org/register"),
                Map.of("intake-registratie", java.net.URI.create("https://example.org/register/intake-registratie/v2")),
                "doorstroom-person-pseudonym", Duration.ofSeconds(5));
        ProcessingLog log = new ProcessingLog(publisher, tracer(Sampler.alwaysOn()), pseudonyms, configured, null,
                "intake-service", "", clock);
        ForeignOperation foreign = new ForeignOperation(PARENT_TRACE, PARENT_SPAN, "https://gemeente.example/verwerkingen");
        log.record(REGISTRATION, "intake.read-person", foreign, List.of("p1"), () -> null);
        log.record(ProcessingActivity.of("koppeling"), "intake.link-person", List.of("p1"), () -> null);

        List<ProcessingLogEntry> entries = publisher.entries();
        assertThat(entries.get(0).getProcessingActivityId()).isEqualTo("https://example.org/register/intake-registratie/v2");
        assertThat(entries.get(0).getForeignOperation()).isEqualTo(foreign);
        assertThat(entries.get(0).getActorRole()).isNull();
        assertThat(entries.get(0).getResource().getServiceVersion()).isNull();
        assertThat(entries.get(1).getProcessingActivityId()).isEqualTo("https://example.org/register/koppeling");
    }

    @Test
    void misuseIsRefusedBeforeTheWorkRuns() {
        ProcessingLog log = log(tracer(Sampler.alwaysOn()));
        AtomicInteger runs = new AtomicInteger();
        assertThatThrownBy(() -> log.record(REGISTRATION, "read Amina Haddad", List.of("p1"), runs::incrementAndGet))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("Amina");
        assertThatThrownBy(() -> log.record(REGISTRATION, "intake.read-person", List.of(), runs::incrementAndGet))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProcessingActivity.of("Intake Registratie")).isInstanceOf(IllegalArgumentException.class);
        assertThat(runs).hasValue(0);
        assertThat(publisher.sent).isEmpty();
    }

    /** Records what would be published, or fails like a broker that does not acknowledge. */
    static final class RecordingPublisher extends EventPublisher {

        final List<Object> sent = new ArrayList<>();
        final List<Object> keys = new ArrayList<>();
        RuntimeException failWith;

        RecordingPublisher() {
            super(null, Duration.ofSeconds(1));
        }

        @Override
        public <K, V> List<RecordMetadata> publishAll(Topic<K, V> topic, List<Map.Entry<K, V>> events) {
            assertThat(topic).isEqualTo(Topics.AUDIT_PROCESSING_LOG);
            if (failWith != null) {
                throw failWith;
            }
            events.forEach(event -> {
                keys.add(event.getKey());
                sent.add(event.getValue());
            });
            return List.of();
        }

        List<ProcessingLogEvent> events() {
            return sent.stream().map(ProcessingLogEvent.class::cast).toList();
        }

        List<ProcessingLogEntry> entries() {
            return events().stream().map(e -> (ProcessingLogEntry) e.getPayload()).toList();
        }
    }
}
