package nl.doorstroom.platform.cloudevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.doorstroom.schemas.CloudEventTypes;
import nl.doorstroom.schemas.intake.PersonEvent;
import nl.doorstroom.schemas.intake.PersonRegistered;
import nl.doorstroom.schemas.trajectory.HandoverDossier;

class CloudEventsProducerInterceptorTest {

    private static final String SOURCE = "urn:nld:oin:00000000000000000000:systeem:doorstroom-intake-service";
    private static final String TOPIC = "intake.person-events";

    private final CloudEventsProducerInterceptor interceptor = new CloudEventsProducerInterceptor();

    private final String eventId = "0b6e4c1e-5f2a-4d7b-9c3e-2a1f0e8d7c6b";
    private final String personId = "5c2d8e4f-a0b1-4c3d-8e5f-6a7b8c9d0e1f";
    private final Instant occurredAt = Instant.parse("2026-03-14T09:26:53.589Z");
    private final PersonRegistered registered = PersonRegistered.newBuilder()
            .setGivenNames("Amina Fatima")
            .setFamilyName("Haddad")
            .setDateOfBirth(LocalDate.of(1991, 7, 23))
            .setVNumber("1234567890")
            .setCountryOfOrigin("SY")
            .setReceptionLocation("AZC-TER-APEL")
            .build();
    private final PersonEvent event = PersonEvent.newBuilder()
            .setEventId(eventId)
            .setPersonId(personId)
            .setOccurredAt(occurredAt)
            .setPayload(registered)
            .build();

    @BeforeEach
    void configure() {
        interceptor.configure(Map.of(CloudEventsProducerInterceptor.SOURCE_CONFIG, SOURCE));
    }

    @Test
    void addsCloudEventsAttributesFromTheEnvelope() {
        ProducerRecord<Object, Object> record = interceptor.onSend(new ProducerRecord<>(TOPIC, personId, event));

        Map<String, String> headers = headers(record);
        assertThat(headers).containsEntry(CloudEventHeaders.ID, eventId)
                .containsEntry(CloudEventHeaders.SOURCE, SOURCE)
                .containsEntry(CloudEventHeaders.SPEC_VERSION, "1.0")
                .containsEntry(CloudEventHeaders.SUBJECT, personId)
                .containsEntry(CloudEventHeaders.CONTENT_TYPE, "application/avro");
        String type = PersonRegistered.getClassSchema().getProp(CloudEventTypes.SCHEMA_PROPERTY);
        assertThat(type).isEqualTo("nl.inburgering.intake.person-registered.v1");
        assertThat(headers).containsEntry(CloudEventHeaders.TYPE, type);
        assertThat(headers.get(CloudEventHeaders.TYPE)).matches(CloudEventTypes.PATTERN);

        String time = headers.get(CloudEventHeaders.TIME);
        assertThat(time).isEqualTo("2026-03-14T09:26:53.589Z");
        // RFC 3339: parses as a date-time with an offset, and names the same instant
        assertThat(OffsetDateTime.parse(time, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant()).isEqualTo(occurredAt);
    }

    @Test
    void eachAttributeAppearsOnce() {
        ProducerRecord<Object, Object> record = interceptor.onSend(new ProducerRecord<>(TOPIC, personId, event));

        for (String name : new String[] {CloudEventHeaders.ID, CloudEventHeaders.SOURCE, CloudEventHeaders.TYPE,
                CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.TIME, CloudEventHeaders.SUBJECT}) {
            assertThat(record.headers().headers(name)).as(name).hasSize(1);
        }
    }

    @Test
    void noHeaderCarriesDirectIdentifiers() {
        ProducerRecord<Object, Object> record = interceptor.onSend(new ProducerRecord<>(TOPIC, personId, event));

        assertThat(record.headers().toArray()).isNotEmpty().allSatisfy(header -> {
            String value = new String(header.value(), StandardCharsets.UTF_8);
            assertThat(value).as(header.key())
                    .doesNotContain("Amina", "Haddad", "1234567890", "1991-07-23", "AZC-TER-APEL",
                            String.valueOf(LocalDate.of(1991, 7, 23).toEpochDay()));
        });
    }

    @Test
    void leavesValuesThatAreNotEventsAlone() {
        ProducerRecord<Object, Object> plain = new ProducerRecord<>("some.changelog", "key", "not an event");
        assertThat(interceptor.onSend(plain)).isSameAs(plain);
        assertThat(plain.headers().toArray()).isEmpty();

        ProducerRecord<Object, Object> tombstone = new ProducerRecord<>(TOPIC, personId, null);
        assertThat(interceptor.onSend(tombstone).headers().toArray()).isEmpty();

        // an Avro record without a cloudEventType (a read model on a changelog topic) is not an event either,
        // even though it has a personId
        HandoverDossier dossier = HandoverDossier.newBuilder().setPersonId(personId).setUpdatedAt(occurredAt).build();
        ProducerRecord<Object, Object> changelog = new ProducerRecord<>("trajectory-dossiers-changelog", personId, dossier);
        assertThat(interceptor.onSend(changelog).headers().toArray()).isEmpty();
    }

    @Test
    void keepsCloudEventsHeadersAlreadyPresent() {
        // a dead letter being replayed keeps its original identity, source and time
        RecordHeaders existing = new RecordHeaders();
        existing.add(CloudEventHeaders.ID, "original-id".getBytes(StandardCharsets.UTF_8));
        existing.add(CloudEventHeaders.SOURCE, "urn:nld:oin:11111111111111111111:systeem:elders".getBytes(StandardCharsets.UTF_8));
        existing.add(CloudEventHeaders.TIME, "2025-01-01T00:00:00Z".getBytes(StandardCharsets.UTF_8));
        ProducerRecord<Object, Object> record = new ProducerRecord<>(TOPIC, null, personId, event, existing);

        Map<String, String> headers = headers(interceptor.onSend(record));

        assertThat(headers).containsEntry(CloudEventHeaders.ID, "original-id")
                .containsEntry(CloudEventHeaders.SOURCE, "urn:nld:oin:11111111111111111111:systeem:elders")
                .containsEntry(CloudEventHeaders.TIME, "2025-01-01T00:00:00Z");
        assertThat(record.headers().headers(CloudEventHeaders.ID)).hasSize(1);
    }

    @Test
    void keepsUnrelatedHeaders() {
        RecordHeaders existing = new RecordHeaders();
        existing.add("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01".getBytes(StandardCharsets.UTF_8));
        ProducerRecord<Object, Object> record = new ProducerRecord<>(TOPIC, null, personId, event, existing);

        Map<String, String> headers = headers(interceptor.onSend(record));

        assertThat(headers).containsEntry("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
                .containsEntry(CloudEventHeaders.ID, eventId);
    }

    @Test
    void refusesToStartWithoutSource() {
        var unconfigured = new CloudEventsProducerInterceptor();
        assertThatThrownBy(() -> unconfigured.configure(Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(CloudEventsProducerInterceptor.SOURCE_CONFIG);
        Map<String, Object> blank = new HashMap<>();
        blank.put(CloudEventsProducerInterceptor.SOURCE_CONFIG, "  ");
        assertThatThrownBy(() -> unconfigured.configure(blank)).isInstanceOf(IllegalStateException.class);
    }

    private static Map<String, String> headers(ProducerRecord<Object, Object> record) {
        Map<String, String> values = new HashMap<>();
        for (Header header : record.headers()) {
            values.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return values;
    }
}
