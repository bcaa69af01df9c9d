package nl.doorstroom.employer.placement;

import java.time.Instant;
import java.util.Optional;

import nl.doorstroom.platform.write.RecordFold;
import nl.doorstroom.platform.write.RecordStore;
import nl.doorstroom.schemas.employer.PlacementChanged;
import nl.doorstroom.schemas.employer.PlacementClosed;
import nl.doorstroom.schemas.employer.PlacementEvent;
import nl.doorstroom.schemas.employer.PlacementPosted;
import nl.doorstroom.schemas.employer.PlacementRecordState;
import nl.doorstroom.schemas.employer.PlacementTerms;
import nl.doorstroom.schemas.platform.WriterState;

/**
 * A placement as it stands after its events: the posting, the terms as last changed, and whether it is closed. No
 * Kafka and no Spring here.
 */
public final class PlacementRecord implements RecordStore.Versioned {

    /** How the stored record follows the events; the platform adds the version and the recent requests. */
    static final RecordFold<PlacementRecordState, PlacementEvent> FOLD = RecordFold.of(
            id -> PlacementRecordState.newBuilder().setPlacementId(id).setWrites(RecordFold.unwritten()).build(),
            PlacementRecordState::getWrites, PlacementRecord::apply, event -> false);

    private final PlacementRecordState state;

    private PlacementRecord(PlacementRecordState state) {
        this.state = state;
    }

    public static PlacementRecord of(PlacementRecordState state) {
        return new PlacementRecord(state);
    }

    private static PlacementRecordState apply(PlacementRecordState record, PlacementEvent event, WriterState written) {
        var next = PlacementRecordState.newBuilder(record).setWrites(written)
                .setEmployerKvk(event.getEmployerKvk()).setChangedAt(event.getOccurredAt());
        switch (event.getPayload()) {
            case PlacementPosted posted -> next.setPosted(posted).setTerms(posted.getTerms()).setPostedAt(event.getOccurredAt());
            case PlacementChanged changed -> next.setTerms(changed.getTerms());
            case PlacementClosed closed -> next.setClosure(closed);
            case null, default -> {
                // a newer version of this service may add event types; this one leaves them out of the record
            }
        }
        return next.build();
    }

    public String placementId() {
        return state.getPlacementId();
    }

    @Override
    public WriterState writes() {
        return state.getWrites();
    }

    public boolean isPosted() {
        return state.getPosted() != null;
    }

    public String employerKvk() {
        return state.getEmployerKvk();
    }

    public String employerName() {
        return state.getPosted().getEmployerName();
    }

    public PlacementTerms terms() {
        return state.getTerms();
    }

    public Instant postedAt() {
        return state.getPostedAt();
    }

    public Instant changedAt() {
        return state.getChangedAt();
    }

    public Optional<PlacementClosed> closure() {
        return Optional.ofNullable(state.getClosure());
    }

    public boolean isOpen() {
        return isPosted() && state.getClosure() == null;
    }
}
