package nl.doorstroom.employer.introductions;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import nl.doorstroom.platform.write.RecordFold;
import nl.doorstroom.platform.write.RecordStore;
import nl.doorstroom.schemas.employer.CandidateMatchState;
import nl.doorstroom.schemas.employer.CandidateWithdrawn;
import nl.doorstroom.schemas.employer.InterviewPlanned;
import nl.doorstroom.schemas.employer.Introduction;
import nl.doorstroom.schemas.employer.IntroductionAgreed;
import nl.doorstroom.schemas.employer.IntroductionDeclined;
import nl.doorstroom.schemas.employer.IntroductionProposed;
import nl.doorstroom.schemas.employer.IntroductionStatus;
import nl.doorstroom.schemas.employer.MatchEvent;
import nl.doorstroom.schemas.employer.OfferAccepted;
import nl.doorstroom.schemas.employer.PlacementEnded;
import nl.doorstroom.schemas.employer.PlacementOffered;
import nl.doorstroom.schemas.employer.PlacementStarted;
import nl.doorstroom.schemas.platform.WriterState;

/**
 * A candidate's introductions as they stand after the candidate's match events: one per placement, its latest step.
 * A withdrawn profile stops every introduction that has not started (a placement already running goes on until it
 * ends). No Kafka and no Spring here.
 */
public final class CandidateMatchRecord implements RecordStore.Versioned {

    static final RecordFold<CandidateMatchState, MatchEvent> FOLD = RecordFold.of(
            pseudonym -> CandidateMatchState.newBuilder().setCandidatePseudonym(pseudonym)
                    .setWrites(RecordFold.unwritten()).build(),
            CandidateMatchState::getWrites, CandidateMatchRecord::apply, event -> false);

    private final CandidateMatchState state;

    private CandidateMatchRecord(CandidateMatchState state) {
        this.state = state;
    }

    public static CandidateMatchRecord of(CandidateMatchState state) {
        return new CandidateMatchRecord(state);
    }

    static CandidateMatchRecord empty(String pseudonym) {
        return new CandidateMatchRecord(FOLD.empty(pseudonym));
    }

    private static CandidateMatchState apply(CandidateMatchState record, MatchEvent event, WriterState written) {
        var next = CandidateMatchState.newBuilder(record).setWrites(written);
        String placementId = event.getPlacementId();
        switch (event.getPayload()) {
            case IntroductionProposed proposed -> next.setIntroductions(replaced(record.getIntroductions(), placementId,
                    Introduction.newBuilder().setPlacementId(placementId).setEmployerKvk(proposed.getEmployerKvk())
                            .setMunicipalityCode(proposed.getMunicipalityCode()).setScore(proposed.getScore())
                            .setStatus(IntroductionStatus.PROPOSED).setProposedAt(event.getOccurredAt())
                            .setChangedAt(event.getOccurredAt()).build()));
            case IntroductionAgreed ignored -> next.setIntroductions(changed(record, event, i -> i.setStatus(IntroductionStatus.AGREED)));
            case InterviewPlanned planned -> next.setIntroductions(changed(record, event,
                    i -> i.setStatus(IntroductionStatus.INTERVIEW_PLANNED).setInterviewOn(planned.getInterviewOn())));
            case PlacementOffered offer -> next.setIntroductions(changed(record, event,
                    i -> i.setStatus(IntroductionStatus.OFFERED).setOffer(offer)));
            case OfferAccepted ignored -> next.setIntroductions(changed(record, event, i -> i.setStatus(IntroductionStatus.ACCEPTED)));
            case IntroductionDeclined declined -> next.setIntroductions(changed(record, event,
                    i -> i.setStatus(IntroductionStatus.DECLINED).setDeclined(declined)));
            case PlacementStarted started -> next.setIntroductions(changed(record, event,
                    i -> i.setStatus(IntroductionStatus.STARTED).setStarted(started)));
            case PlacementEnded ended -> next.setIntroductions(changed(record, event,
                    i -> i.setStatus(IntroductionStatus.ENDED).setEnded(ended)));
            case CandidateWithdrawn ignored -> next.setWithdrawnAt(event.getOccurredAt())
                    .setIntroductions(record.getIntroductions().stream().map(i ->
                            IntroductionRules.OPEN.contains(i.getStatus()) && i.getStatus() != IntroductionStatus.STARTED
                                    ? Introduction.newBuilder(i).setStatus(IntroductionStatus.WITHDRAWN)
                                    .setChangedAt(event.getOccurredAt()).build() : i).toList());
            case null, default -> {
                // a newer version of this service may add steps; this one leaves them out of the record
            }
        }
        return next.build();
    }

    private static List<Introduction> changed(CandidateMatchState record, MatchEvent event,
                                              UnaryOperator<Introduction.Builder> change) {
        return record.getIntroductions().stream().map(i -> i.getPlacementId().equals(event.getPlacementId())
                ? change.apply(Introduction.newBuilder(i).setChangedAt(event.getOccurredAt())).build() : i).toList();
    }

    private static List<Introduction> replaced(List<Introduction> introductions, String placementId, Introduction introduction) {
        List<Introduction> next = new ArrayList<>(introductions.stream()
                .filter(i -> !i.getPlacementId().equals(placementId)).toList());
        next.add(introduction);
        return next;
    }

    public String candidatePseudonym() {
        return state.getCandidatePseudonym();
    }

    @Override
    public WriterState writes() {
        return state.getWrites();
    }

    public List<Introduction> introductions() {
        return state.getIntroductions();
    }

    public Optional<Introduction> introduction(String placementId) {
        return state.getIntroductions().stream().filter(i -> i.getPlacementId().equals(placementId)).findFirst();
    }
}
