package nl.doorstroom.intake.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import nl.doorstroom.schemas.intake.Child;
import nl.doorstroom.schemas.intake.ConsentDecision;
import nl.doorstroom.schemas.intake.ConsentPurpose;
import nl.doorstroom.schemas.intake.ConsentRecorded;
import nl.doorstroom.schemas.intake.ErasureGround;
import nl.doorstroom.schemas.intake.HouseholdRecorded;
import nl.doorstroom.schemas.intake.Idempotency;
import nl.doorstroom.schemas.intake.IntakeRecordState;
import nl.doorstroom.schemas.intake.PersonErased;
import nl.doorstroom.schemas.intake.PersonEvent;
import nl.doorstroom.schemas.intake.PersonLinkedToMunicipality;
import nl.doorstroom.schemas.intake.PersonRegistered;
import nl.doorstroom.schemas.intake.PersonalDetailsCorrected;

/** How an intake record follows its events: each section's latest, bounded however often it changes. No Spring. */
class IntakeRecordTest {

    private static final String PERSON = "7d7f4a52-3c1e-4c61-9f0e-0a4a1c2b3d4e";

    /**
     * @param events  the events in order: {@code registered}, {@code corrected}, {@code household}, {@code link},
     *                {@code given}, {@code withdrawn}, {@code erased}
     * @param missing the sections still missing, or {@code -} for none
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "registered                                | 1 | true  | false | SY | household consent | false",
            "registered corrected                      | 2 | true  | false | ER | household consent | false",
            "registered household household given      | 4 | true  | false | SY | -                 | true",
            "registered given withdrawn                | 3 | true  | false | SY | household         | false",
            "registered withdrawn given                | 3 | true  | false | SY | household         | true",
            "registered household link given erased    | 5 | false | true  | -  | household consent | false",
    })
    void eachSectionIsTheOneItsLatestEventRecorded(String events, int version, boolean registered, boolean erased,
                                                   String country, String missing, boolean consented) {
        IntakeRecord record = IntakeRecord.empty(PERSON);
        for (String event : events.split(" ")) {
            record = record.with(event(record.version() + 1, event));
        }
        assertThat(record.version()).isEqualTo(version);
        assertThat(record.isRegistered()).isEqualTo(registered);
        assertThat(record.isErased()).isEqualTo(erased);
        assertThat(record.personalDetails() == null ? "-" : record.personalDetails().countryOfOrigin()).isEqualTo(country);
        assertThat(record.missingSections().stream().filter(s -> !s.equals("early-intake")).toList())
                .isEqualTo(missing.equals("-") ? List.of() : List.of(missing.split(" ")));
        assertThat(record.hasConsented(ConsentPurpose.EMPLOYER_PROFILE_SHARING)).isEqualTo(consented);
    }

    @Test
    void theLatestCorrectionHouseholdAndLinkAreKept() {
        IntakeRecord record = IntakeRecord.empty(PERSON).with(event(1, "registered")).with(event(2, "corrected"))
                .with(event(3, "household")).with(event(4, "link")).with(event(5, "household"));
        assertThat(StandardCharsets.UTF_8.decode(record.sealedIdentity()).toString()).isEqualTo("sealed-2");
        assertThat(record.household().orElseThrow().getChildren()).extracting(Child::getBirthYear).containsExactly(2005);
        assertThat(record.link().orElseThrow().getMunicipalityCode()).isEqualTo("GM0344");
        assertThat(record.linkedAt()).contains(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(4));
    }

    @Test
    void anErasedRecordKeepsNothingOfThePersonNorTheirRequests() {
        IntakeRecord record = IntakeRecord.empty(PERSON).with(event(1, "registered")).with(event(2, "household"))
                .with(event(3, "given")).with(event(4, "erased"));
        IntakeRecordState kept = record.state();
        assertThat(kept.getRegistration()).isNull();
        assertThat(kept.getHousehold()).isNull();
        assertThat(kept.getConsents()).isEmpty();
        assertThat(kept.getWrites().getRecentRequests()).isEmpty();
        assertThat(kept.getErasure()).isNotNull();
        assertThat(record.version()).isEqualTo(4);
    }

    @Test
    void aThousandCorrectionsLeaveTheRecordTheSizeOfOne() throws IOException {
        IntakeRecord record = IntakeRecord.empty(PERSON).with(event(1, "registered"));
        for (int version = 2; version <= 1001; version++) {
            record = record.with(event(version, "household"));
        }
        assertThat(record.version()).isEqualTo(1001);
        assertThat(record.recentRequests()).hasSize(64);
        assertThat(size(record.state())).isLessThan(16 * 1024);
    }

    private static int size(IntakeRecordState state) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        var encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<>(IntakeRecordState.class).write(state, encoder);
        encoder.flush();
        return out.size();
    }

    private static PersonEvent event(int version, String kind) {
        Object payload = switch (kind) {
            case "registered" -> PersonRegistered.newBuilder().setCountryOfOrigin("SY").setReceptionLocation("AZC-BUDEL")
                    .setIdentity(ByteBuffer.wrap("sealed-1".getBytes(StandardCharsets.UTF_8))).build();
            case "corrected" -> PersonalDetailsCorrected.newBuilder().setCountryOfOrigin("ER")
                    .setIdentity(ByteBuffer.wrap(("sealed-" + version).getBytes(StandardCharsets.UTF_8))).build();
            case "household" -> HouseholdRecorded.newBuilder()
                    .setChildren(List.of(new Child(2000 + version, true))).build();
            case "link" -> new PersonLinkedToMunicipality("GM0344", LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 19), null);
            case "given", "withdrawn" -> new ConsentRecorded(ConsentPurpose.EMPLOYER_PROFILE_SHARING,
                    kind.equals("given") ? ConsentDecision.GIVEN : ConsentDecision.WITHDRAWN, LocalDate.of(2026, 1, 5));
            case "erased" -> new PersonErased(ErasureGround.DATA_SUBJECT_REQUEST, "case-1");
            default -> throw new IllegalArgumentException(kind);
        };
        return PersonEvent.newBuilder().setEventId(UUID.randomUUID().toString()).setPersonId(PERSON)
                .setOccurredAt(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(version)).setRecordVersion(version)
                .setIdempotency(new Idempotency("key-" + version, "request-" + version)).setPayload(payload).build();
    }
}
