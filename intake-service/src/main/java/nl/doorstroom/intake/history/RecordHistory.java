package nl.doorstroom.intake.history;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import nl.doorstroom.intake.record.IntakeRecord;
import nl.doorstroom.intake.record.PersonRecords;
import nl.doorstroom.intake.registration.PersonView;
import nl.doorstroom.intake.registration.PersonViews;
import nl.doorstroom.platform.audit.ProcessingActivity;
import nl.doorstroom.platform.audit.ProcessingLog;
import nl.doorstroom.platform.web.NotFoundException;
import nl.doorstroom.schemas.CloudEventTypes;
import nl.doorstroom.schemas.intake.ConsentRecorded;
import nl.doorstroom.schemas.intake.EarlyIntakeRecorded;
import nl.doorstroom.schemas.intake.HouseholdRecorded;
import nl.doorstroom.schemas.intake.PersonEvent;
import nl.doorstroom.schemas.intake.RecordedBy;
import nl.doorstroom.schemas.intake.PersonLinkedToMunicipality;
import nl.doorstroom.schemas.intake.PersonRegistered;
import nl.doorstroom.schemas.intake.PersonalDetailsCorrected;

/** The versions of a person's record as a timeline: what changed in each, when, and by which role. */
@Component
public class RecordHistory {

    static final ProcessingActivity REGISTRATION = ProcessingActivity.of("intake-registratie");

    private final PersonViews views;
    private final PersonRecords persons;
    private final ProcessingLog processingLog;

    RecordHistory(PersonViews views, PersonRecords persons, ProcessingLog processingLog) {
        this.views = views;
        this.persons = persons;
        this.processingLog = processingLog;
    }

    /** The timeline of a person the current user may see (404 otherwise), newest first; the read is logged. */
    public List<Version> ofVisible(String personId) {
        return processingLog.record(REGISTRATION, "intake.read-history", List.of(personId), () -> of(
                persons.findVisible(personId).orElseThrow(() -> new NotFoundException("person"))));
    }

    /**
     * One version of the record.
     *
     * @param change        what kind of change: {@code registered}, {@code personal-details}, {@code household},
     *                      {@code early-intake}, {@code municipality-link}, {@code consent}
     * @param eventType     the CloudEvents type of the event that made this version
     * @param recordedByName the staff member who recorded it; their account id for versions recorded before names
     *                      were kept
     * @param changedFields top-level fields of the section that differ from the previous version (empty for a first
     *                      recording)
     * @param detail        a short fact about the change that needs no personal data: the municipality code of a link,
     *                      the decision on a consent
     */
    public record Version(int version, String change, String eventType, Instant recordedAt, String recordedByRole,
                          String recordedByOrganisation, String recordedByName, List<String> changedFields,
                          String detail) {
    }

    /** The record's versions from its events, each compared with the record as it was one version before. */
    public List<Version> of(IntakeRecord record) {
        List<Version> versions = new ArrayList<>();
        IntakeRecord previous = IntakeRecord.empty(record.personId());
        Optional<PersonView> before = Optional.empty();
        for (PersonEvent event : persons.store().history(record.personId())) {
            IntakeRecord next = previous.with(event);
            Optional<PersonView> after = views.of(next, Map.of());
            versions.add(new Version(next.version(), change(event), CloudEventTypes.of(event.getPayload()),
                    event.getOccurredAt(), event.getRecordedBy() == null ? null : event.getRecordedBy().getRole(),
                    event.getRecordedBy() == null ? null : event.getRecordedBy().getOrganisation(),
                    recordedByName(event), changedFields(event, before, after), detail(event)));
            previous = next;
            before = after;
        }
        return versions.reversed();
    }

    /** The staff member's name; the account id for events recorded before names were kept. */
    private static String recordedByName(PersonEvent event) {
        RecordedBy by = event.getRecordedBy();
        return by == null ? null : by.getDisplayName() != null ? by.getDisplayName() : by.getAccountId();
    }

    private static String change(PersonEvent event) {
        return switch (event.getPayload()) {
            case PersonRegistered ignored -> "registered";
            case PersonalDetailsCorrected ignored -> "personal-details";
            case HouseholdRecorded ignored -> "household";
            case EarlyIntakeRecorded ignored -> "early-intake";
            case PersonLinkedToMunicipality ignored -> "municipality-link";
            case ConsentRecorded ignored -> "consent";
            default -> "other";
        };
    }

    private static String detail(PersonEvent event) {
        return switch (event.getPayload()) {
            case PersonLinkedToMunicipality link -> link.getMunicipalityCode();
            case ConsentRecorded consent -> consent.getDecision().name();
            default -> null;
        };
    }

    private static List<String> changedFields(PersonEvent event, Optional<PersonView> before, Optional<PersonView> after) {
        Function<PersonView, Object> section = switch (event.getPayload()) {
            case PersonalDetailsCorrected ignored -> PersonView::personalDetails;
            case HouseholdRecorded ignored -> v -> v.household() == null ? null : v.household().withoutVersion();
            case EarlyIntakeRecorded ignored -> v -> v.earlyIntake() == null ? null : v.earlyIntake().withoutVersion();
            default -> null;
        };
        if (section == null || before.isEmpty() || after.isEmpty()) {
            return List.of();
        }
        Object previous = section.apply(before.get());
        Object current = section.apply(after.get());
        if (previous == null || current == null || !current.getClass().isRecord()) {
            return List.of();
        }
        List<String> changed = new ArrayList<>();
        for (RecordComponent component : current.getClass().getRecordComponents()) {
            if (!Objects.equals(value(component, previous), value(component, current))) {
                changed.add(component.getName());
            }
        }
        return changed;
    }

    private static Object value(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component.getName(), e);
        }
    }
}
