package nl.doorstroom.platform.audit;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import nl.doorstroom.platform.privacy.PseudonymDomain;
import nl.doorstroom.platform.privacy.Pseudonyms;
import nl.doorstroom.platform.kafka.EventNotPublishedException;
import nl.doorstroom.platform.kafka.EventPublisher;
import nl.doorstroom.schemas.Topics;
import nl.doorstroom.schemas.audit.ForeignOperation;
import nl.doorstroom.schemas.audit.ProcessingLogEntry;
import nl.doorstroom.schemas.audit.ProcessingLogEvent;
import nl.doorstroom.schemas.audit.ProcessingResource;
import nl.doorstroom.schemas.audit.ProcessingStatusCode;

/**
 * The processing log (Logboek dataverwerkingen): wrap every read or change of a person's data in {@code record(...)},
 * and one entry per data subject goes to {@code audit.processing-log}.
 *
 * <pre>{@code
 * RegisteredPerson person = processingLog.record(ProcessingActivity.of("intake-registratie"), "intake.read-person",
 *         List.of(personId), () -> persons.find(personId));
 * }</pre>
 *
 * <ul>
 * <li>The operation gets its own span in the current W3C trace (an incoming {@code traceparent} is continued by
 *     Micrometer Tracing); each subject gets a child span of it, and that span's ids are the entry's
 *     {@code traceId}, {@code spanId} and {@code parentSpanId}. Without a tracer, ids are drawn at random.</li>
 * <li>No sampling: entries are written by this class, not by a span exporter, so a trace that is not sampled
 *     (sampled flag 0) is logged all the same.</li>
 * <li>Status {@code OK}, or {@code ERROR} when the work throws; the exception is rethrown unchanged and nothing of
 *     it (message, type) goes into the entry, since messages may carry personal data.</li>
 * <li>Every entry is acknowledged by the broker (acks=all) before {@code record} returns; if the log cannot be
 *     written, {@code record} throws {@link EventNotPublishedException} (answered 503 with Retry-After).
 *     <b>Reads fail closed too</b>: the data that was read is not handed back when its entry could not be stored,
 *     so nothing is disclosed unlogged. A change is already made when its entry is written (the entry needs the end
 *     time and the outcome): the caller then gets the 503 for a change that did happen, and a retry with the same
 *     {@code Idempotency-Key} answers it again and logs it again. When the work itself failed as well, the work's
 *     exception is thrown with the log failure attached as suppressed.</li>
 * <li>Subject ids (person ids) are pseudonymised with {@link Pseudonyms} (the audit domain); the pseudonym is the record key.</li>
 * </ul>
 */
public class ProcessingLog {

    static final Pattern OPERATION_NAME = Pattern.compile("[a-z0-9]+(\\.[a-z0-9]+(-[a-z0-9]+)*)+");
    static final Pattern ROLE = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}");
    static final Pattern SPAN_ID = Pattern.compile("[0-9a-f]{16}");

    private final EventPublisher publisher;
    private final Tracer tracer;
    private final Pseudonyms pseudonyms;
    private final AuditProperties properties;
    private final ActorRoleProvider actorRole;
    private final ProcessingResource resource;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ProcessingLog(EventPublisher publisher, Tracer tracer, Pseudonyms pseudonyms,
                         AuditProperties properties, ActorRoleProvider actorRole, String serviceName,
                         String serviceVersion, Clock clock) {
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.tracer = tracer == null ? Tracer.NOOP : tracer;
        this.pseudonyms = Objects.requireNonNull(pseudonyms, "pseudonyms");
        this.properties = Objects.requireNonNull(properties, "properties");
        this.actorRole = actorRole == null ? ActorRoleProvider.NONE : actorRole;
        if (serviceName == null || serviceName.isBlank()) {
            throw new IllegalStateException("the processing log names the service: set spring.application.name");
        }
        this.resource = new ProcessingResource(serviceName,
                serviceVersion == null || serviceVersion.isBlank() ? null : serviceVersion);
        this.clock = clock == null ? Clock.systemUTC() : clock;
    }

    /**
     * Runs {@code work} as one processing of the personal data of {@code subjectIds} and logs one entry per subject.
     *
     * @param activity   the processing activity in the register
     * @param operation  what is done, {@code <domain>.<verb-noun>}, e.g. {@code intake.read-person}
     * @param subjectIds the person ids whose data is read or changed (at least one; duplicates count once)
     * @param work       the read or change
     * @return what {@code work} returned
     */
    public <T> T record(ProcessingActivity activity, String operation, Collection<String> subjectIds, Supplier<T> work) {
        return record(activity, operation, null, subjectIds, work);
    }

    /**
     * As {@link #record(ProcessingActivity, String, Collection, Supplier)}, done on request of another
     * organisation's processing, which the entries name as their {@code foreignOperation}.
     */
    public <T> T record(ProcessingActivity activity, String operation, ForeignOperation foreignOperation,
                        Collection<String> subjectIds, Supplier<T> work) {
        Objects.requireNonNull(subjectIds, "subjectIds");
        if (subjectIds.isEmpty()) {
            throw new IllegalArgumentException("a processing of personal data names at least one data subject");
        }
        List<String> subjects = List.copyOf(subjectIds);
        return run(activity, operation, foreignOperation, work, result -> subjects, subjects);
    }

    /**
     * For work whose subjects are known only from its result (a list, a search, a registration that creates the
     * person id): one entry per subject that {@code subjectsOf} finds in the result. A result without subjects writes
     * no entry, and neither does a failure, since no subject is known then.
     */
    public <T> T recordResult(ProcessingActivity activity, String operation, Supplier<T> work,
                              Function<? super T, ? extends Collection<String>> subjectsOf) {
        Objects.requireNonNull(subjectsOf, "subjectsOf");
        return run(activity, operation, null, work, subjectsOf, List.of());
    }

    private <T> T run(ProcessingActivity activity, String operation, ForeignOperation foreignOperation,
                      Supplier<T> work, Function<? super T, ? extends Collection<String>> subjectsOf,
                      Collection<String> subjectsOnFailure) {
        Objects.requireNonNull(activity, "activity");
        Objects.requireNonNull(work, "work");
        if (operation == null || !OPERATION_NAME.matcher(operation).matches()) {
            throw new IllegalArgumentException("an operation is named <domain>.<verb-noun>, e.g. intake.read-person");
        }
        if (foreignOperation != null) {
            requireIds(foreignOperation.getTraceId(), foreignOperation.getSpanId(), "foreign operation");
        }
        String activityUri = properties.uriOf(activity).toString();
        String role = actorRole.currentRole().filter(r -> ROLE.matcher(r).matches()).orElse(null);

        Span span = tracer.nextSpan().name(operation);
        Instant start = clock.instant();
        span.start(); // never sampled away from the log: sampling only decides whether a span is exported
        T result = null;
        Throwable failure = null;
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            result = work.get();
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        Instant end = clock.instant();
        ProcessingStatusCode status = failure == null ? ProcessingStatusCode.OK : ProcessingStatusCode.ERROR;
        // the status only, never the exception: exported spans must not carry its message either
        span.tag("dpl.core.status", status.name());
        try {
            Collection<String> subjects = failure == null ? subjectsOf.apply(result) : subjectsOnFailure;
            write(span, operation, activityUri, role, foreignOperation, subjects == null ? List.of() : subjects,
                    start, end, status);
        } catch (RuntimeException logFailure) {
            if (failure == null) {
                throw logFailure;
            }
            failure.addSuppressed(logFailure);
        } finally {
            span.end();
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        return result;
    }

    private void write(Span operationSpan, String operation, String activityUri, String role,
                       ForeignOperation foreignOperation, Collection<String> subjectIds, Instant start, Instant end,
                       ProcessingStatusCode status) {
        Set<String> distinct = new LinkedHashSet<>(subjectIds);
        String traceId = operationSpan.context().traceId();
        String parentSpanId = operationSpan.context().spanId();
        boolean traced = isTraceId(traceId) && isSpanId(parentSpanId);
        if (!traced) {
            traceId = randomHex(16);
            parentSpanId = randomHex(8);
        }
        List<Map.Entry<String, ProcessingLogEvent>> entries = new ArrayList<>(distinct.size());
        for (String subjectId : distinct) {
            String spanId;
            if (traced) {
                Span child = tracer.spanBuilder().setParent(operationSpan.context()).name(operation)
                        .startTimestamp(start.toEpochMilli(), TimeUnit.MILLISECONDS).start();
                child.tag("dpl.core.processing_activity_id", activityUri);
                child.end(end.toEpochMilli(), TimeUnit.MILLISECONDS);
                spanId = isSpanId(child.context().spanId()) ? child.context().spanId() : randomHex(8);
            } else {
                spanId = randomHex(8);
            }
            String pseudonym = pseudonyms.pseudonymOf(PseudonymDomain.AUDIT, subjectId);
            ProcessingLogEntry entry = ProcessingLogEntry.newBuilder()
                    .setTraceId(traceId)
                    .setSpanId(spanId)
                    .setParentSpanId(parentSpanId)
                    .setName(operation)
                    .setStartTime(start)
                    .setEndTime(end)
                    .setStatusCode(status)
                    .setProcessingActivityId(activityUri)
                    .setDataSubjectId(pseudonym)
                    .setDataSubjectIdType(properties.dataSubjectIdType())
                    .setResource(ProcessingResource.newBuilder(resource).build())
                    .setActorRole(role)
                    .setForeignOperation(foreignOperation == null ? null : ForeignOperation.newBuilder(foreignOperation).build())
                    .build();
            entries.add(Map.entry(pseudonym, new ProcessingLogEvent(UUID.randomUUID().toString(), clock.instant(), entry)));
        }
        publisher.publishAll(Topics.AUDIT_PROCESSING_LOG, entries);
    }

    private static void requireIds(String traceId, String spanId, String what) {
        if (!isTraceId(traceId) || !isSpanId(spanId)) {
            throw new IllegalArgumentException(what + ": trace id is 32 and span id 16 lowercase hex digits");
        }
    }

    static boolean isTraceId(String id) {
        return id != null && TRACE_ID.matcher(id).matches() && !id.chars().allMatch(c -> c == '0');
    }

    static boolean isSpanId(String id) {
        return id != null && SPAN_ID.matcher(id).matches() && !id.chars().allMatch(c -> c == '0');
    }

    private String randomHex(int bytes) {
        byte[] id = new byte[bytes];
        do {
            random.nextBytes(id);
        } while (isAllZero(id));
        return HexFormat.of().formatHex(id);
    }

    private static boolean isAllZero(byte[] bytes) {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
