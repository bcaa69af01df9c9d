package nl.doorstroom.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.Test;

import nl.doorstroom.schemas.employer.CandidateMatchState;
import nl.doorstroom.schemas.employer.PlacementRecordState;
import nl.doorstroom.schemas.intake.IntakeRecordState;
import nl.doorstroom.schemas.intake.PersonIdentity;
import nl.doorstroom.schemas.platform.WriterState;
import nl.doorstroom.schemas.trajectory.HandoverDossier;
import nl.doorstroom.schemas.trajectory.TrajectoryRecordState;

/** House rules for contracts that the Avro compiler does not check. */
class SchemaRulesTest {

    private static final List<Schema> ALL_SCHEMAS = new ArrayList<>();

    static {
        Topics.ALL.forEach(t -> ALL_SCHEMAS.add(SpecificData.get().getSchema(t.valueType())));
        ALL_SCHEMAS.add(HandoverDossier.getClassSchema());
        ALL_SCHEMAS.add(IntakeRecordState.getClassSchema());
        ALL_SCHEMAS.add(TrajectoryRecordState.getClassSchema());
        ALL_SCHEMAS.add(WriterState.getClassSchema());
        ALL_SCHEMAS.add(PlacementRecordState.getClassSchema());
        ALL_SCHEMAS.add(CandidateMatchState.getClassSchema());
    }

    @Test
    void everyEnumHasADefaultSymbol() {
        for (Schema enumSchema : namedTypes(Schema.Type.ENUM)) {
            assertThat(enumSchema.getEnumDefault()).as("default symbol of %s", enumSchema.getFullName()).isNotNull();
        }
    }

    /**
     * Event topics carry one envelope per topic with a union of event types; compacted topics carry the latest state
     * per key (a profile, a data key) instead, which is not an event and has no CloudEvents type.
     */
    private static List<Topic<?, ?>> eventTopics() {
        return Topics.ALL.stream().filter(t -> !t.compacted()).toList();
    }

    @Test
    void eventTopicsAreEnvelopesAndStateTopicsAreNot() {
        for (Topic<?, ?> topic : Topics.ALL) {
            Schema value = SpecificData.get().getSchema(topic.valueType());
            assertThat(value.getField("payload") != null)
                    .as("%s: an event topic has an envelope with a payload union, a compacted topic holds state", topic.name())
                    .isEqualTo(!topic.compacted());
            assertThat(value.getProp(CloudEventTypes.SCHEMA_PROPERTY)).as("CloudEvents type of %s", value.getFullName()).isNull();
        }
    }

    @Test
    void everyEventTypeOnATopicNamesItsCloudEventType() {
        for (Topic<?, ?> topic : eventTopics()) {
            Schema envelope = SpecificData.get().getSchema(topic.valueType());
            Schema payload = envelope.getField("payload").schema();
            assertThat(payload.getType()).isEqualTo(Schema.Type.UNION);
            for (Schema eventType : payload.getTypes()) {
                assertThat(eventType.getProp(CloudEventTypes.SCHEMA_PROPERTY))
                        .as("CloudEvents type of %s", eventType.getFullName())
                        .matches(CloudEventTypes.PATTERN);
            }
        }
    }

    @Test
    void cloudEventTypesAreUnique() {
        Set<String> seen = new HashSet<>();
        for (Topic<?, ?> topic : eventTopics()) {
            for (Schema eventType : SpecificData.get().getSchema(topic.valueType()).getField("payload").schema().getTypes()) {
                assertThat(seen.add(eventType.getProp(CloudEventTypes.SCHEMA_PROPERTY))).isTrue();
            }
        }
    }

    /**
     * Text that is not a code, an identifier or a digest describes a person (findings, notes, job titles, wishes) and
     * is personal data: it must be marked {@code "personalData": "free-text"}, so the platform seals it with the
     * person's key. A new text field fails here until it is marked or, if it really is a code, listed with its reason.
     */
    private static final Set<String> TEXT_THAT_IS_NOT_FREE_TEXT = Set.of(
            // ids (random UUIDs, pseudonyms, the person's own id), never free text
            "PersonEvent.eventId", "PersonEvent.personId", "TrajectoryEvent.eventId", "TrajectoryEvent.personId",
            "HandoverDossier.personId", "IntakeRecordState.personId", "TrajectoryRecordState.personId", "Partner.personId",
            "FamilyReunification.anchorPersonId", "FamilyReunification.expectedMemberId", "ExpectedFamilyMember.memberId",
            "Activity.activityId", "MilestoneReached.milestoneId", "DossierMove.eventId", "TrajectoryErased.erasureEventId",
            "SubjectKey.personId", "CandidateProfile.candidatePseudonym", "CandidateContact.candidatePseudonym", "ProcessingLogEvent.eventId",
            "ProcessingLogEntry.dataSubjectId", "ProcessingLogEntry.dataSubjectIdType",
            "WriteProposal.recordKey", "WriteProposal.claimed", "WriteProposal.claims", "WriteProposal.releases",
            "WriteOutcome.takenClaim",
            // a dead letter's id and its topic: where a record is, never what it holds
            "DeadLetterReplay.deadLetterId", "DeadLetterReplay.sourceTopic",
            // codes from code lists (ISO 3166, ISO 639, ISCO-08, CBS, COA locations, labour-market regions)
            "PersonRegistered.countryOfOrigin", "PersonRegistered.languagesSpoken", "PersonRegistered.receptionLocation",
            "PersonalDetailsCorrected.countryOfOrigin", "PersonalDetailsCorrected.languagesSpoken",
            "Education.countryOfEducation", "Diploma.country", "LanguageLevel.language", "WorkExperience.iscoCode",
            "PersonLinkedToMunicipality.municipalityCode", "PersonMoved.fromMunicipalityCode",
            "PersonMoved.toMunicipalityCode", "DossierMove.fromMunicipalityCode", "DossierMove.toMunicipalityCode",
            "TrajectoryEvent.municipalityCode", "CandidateProfile.iscoCodes", "CandidateProfile.municipalityCode",
            "CandidateProfile.labourMarketRegionCode", "CandidateLanguageLevel.language", "CandidateContact.municipalityCode",
            // an employer's own texts about a place of work, never about a candidate
            "PlacementPosted.employerName", "PlacementEvent.employerKvk",
            "PlacementTerms.title", "PlacementTerms.description", "PlacementTerms.iscoCode", "PlacementTerms.requiredSkills",
            "PlacementTerms.preferredSkills", "PlacementTerms.schedule", "PlacementTerms.municipalityCode",
            "PlacementTerms.neighbouringRegionCodes", "PlacementStarted.iscoCode", "PlacementStarted.employerName", "PlacementStarted.placementTitle", "IntroductionProposed.employerKvk",
            "IntroductionProposed.municipalityCode",
            // ids: placements are not people; the candidate pseudonym is the employer domain's own key
            "PlacementEvent.eventId", "MatchEvent.eventId", "PlacementEvent.placementId", "MatchEvent.placementId", "MatchEvent.candidatePseudonym",
            "PlacementRecordState.placementId", "PlacementRecordState.employerKvk", "Introduction.placementId",
            "Introduction.employerKvk", "Introduction.municipalityCode", "CandidateMatchState.candidatePseudonym",
            // staff who recorded a change, and the erasure case: never the data subject
            "RecordedBy.role", "RecordedBy.organisation", "RecordedBy.accountId", "RecordedBy.displayName",
            "HandoverAccepted.caseWorkerAccountId", "PersonErased.caseReference", "ProcessingLogEntry.actorRole",
            // digests of requests and Idempotency-Keys
            "Idempotency.keyDigest", "Idempotency.requestDigest", "RequestDigests.keyDigest", "RequestDigests.requestDigest",
            "RecentRequest.keyDigest", "RecentRequest.requestDigest",
            // the processing log's own operation names and trace context
            "ProcessingLogEntry.name", "ProcessingLogEntry.processingActivityId", "ProcessingLogEntry.traceId",
            "ProcessingLogEntry.spanId", "ProcessingLogEntry.parentSpanId", "ProcessingResource.serviceName",
            "ProcessingResource.serviceVersion", "ForeignOperation.entity", "ForeignOperation.traceId",
            "ForeignOperation.spanId", "ProposedEvent.headers",
            // direct identifiers: only in schema version 1 in plain fields; since then sealed as a whole (identity)
            "PersonRegistered.givenNames", "PersonRegistered.familyName", "PersonRegistered.vNumber",
            "PersonIdentity.givenNames", "PersonIdentity.familyName", "PersonIdentity.vNumber", "PersonIdentity.bsn");

    @Test
    void everyFreeTextIsMarkedAsPersonalData() {
        List<String> unmarked = new ArrayList<>();
        List<Schema> records = new ArrayList<>(namedTypes(Schema.Type.RECORD));
        records.add(PersonIdentity.getClassSchema());
        for (Schema record : records) {
            for (Schema.Field field : record.getFields()) {
                String name = record.getName() + "." + field.name();
                if (holdsText(field.schema()) && !"free-text".equals(field.getProp("personalData"))
                        && !TEXT_THAT_IS_NOT_FREE_TEXT.contains(name)) {
                    unmarked.add(name);
                }
            }
        }
        assertThat(unmarked).as("text fields neither marked \"personalData\": \"free-text\" nor known codes").isEmpty();
    }

    private static boolean holdsText(Schema schema) {
        return switch (schema.getType()) {
            case STRING, MAP -> true;
            case ARRAY -> holdsText(schema.getElementType());
            case UNION -> schema.getTypes().stream().anyMatch(SchemaRulesTest::holdsText);
            default -> false;
        };
    }

    private static List<Schema> namedTypes(Schema.Type type) {
        List<Schema> found = new ArrayList<>();
        Set<String> visited = new HashSet<>();
        ALL_SCHEMAS.forEach(s -> collect(s, type, found, visited));
        return found;
    }

    private static void collect(Schema schema, Schema.Type type, List<Schema> found, Set<String> visited) {
        switch (schema.getType()) {
            case RECORD -> {
                if (visited.add(schema.getFullName())) {
                    if (type == Schema.Type.RECORD) {
                        found.add(schema);
                    }
                    schema.getFields().forEach(f -> collect(f.schema(), type, found, visited));
                }
            }
            case ENUM -> {
                if (visited.add(schema.getFullName()) && type == Schema.Type.ENUM) {
                    found.add(schema);
                }
            }
            case UNION -> schema.getTypes().forEach(t -> collect(t, type, found, visited));
            case ARRAY -> collect(schema.getElementType(), type, found, visited);
            case MAP -> collect(schema.getValueType(), type, found, visited);
            default -> { }
        }
    }
}
