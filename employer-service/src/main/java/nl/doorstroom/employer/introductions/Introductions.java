package nl.doorstroom.employer.introductions;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import nl.doorstroom.employer.candidates.CandidateContacts;
import nl.doorstroom.employer.candidates.CandidatePool;
import nl.doorstroom.employer.matches.MatchView;
import nl.doorstroom.employer.matching.Candidate;
import nl.doorstroom.employer.matching.Location;
import nl.doorstroom.employer.matching.MatchScore;
import nl.doorstroom.employer.matching.MatchScoring;
import nl.doorstroom.employer.matching.PlacementRequirements;
import nl.doorstroom.employer.placement.PlacementRecord;
import nl.doorstroom.employer.placement.Placements;
import nl.doorstroom.platform.reference.Municipalities;
import nl.doorstroom.platform.reference.Municipality;
import nl.doorstroom.platform.security.CurrentUser;
import nl.doorstroom.platform.security.DoorstroomUser;
import nl.doorstroom.platform.security.Role;
import nl.doorstroom.platform.web.NotFoundException;
import nl.doorstroom.platform.write.FieldProblemsException;
import nl.doorstroom.platform.write.StepNotAllowedException;
import nl.doorstroom.schemas.employer.DecliningParty;
import nl.doorstroom.schemas.employer.Introduction;
import nl.doorstroom.schemas.employer.InterviewPlanned;
import nl.doorstroom.schemas.employer.IntroductionAgreed;
import nl.doorstroom.schemas.employer.IntroductionDeclined;
import nl.doorstroom.schemas.employer.IntroductionProposed;
import nl.doorstroom.schemas.employer.OfferAccepted;
import nl.doorstroom.schemas.employer.PlacementEnded;
import nl.doorstroom.schemas.employer.PlacementOffered;
import nl.doorstroom.schemas.employer.PlacementStarted;
import nl.doorstroom.schemas.trajectory.CandidateProfile;

/**
 * Introducing candidates to placements, step by step ({@link IntroductionRules}), for the API and the pages alike. A
 * case worker proposes only their own municipality's candidates, for placements their region sees, and acts on those
 * introductions only; an employer acts only on introductions to its own placements. Anyone else gets 404.
 */
@Component
public class Introductions {

    private final IntroductionChanges changes;
    private final IntroductionIndex index;
    private final CandidatePool candidates;
    private final CandidateContacts contacts;
    private final Placements placements;
    private final Municipalities municipalities;

    Introductions(IntroductionChanges changes, IntroductionIndex index, CandidatePool candidates,
                  CandidateContacts contacts, Placements placements, Municipalities municipalities) {
        this.changes = changes;
        this.index = index;
        this.candidates = candidates;
        this.contacts = contacts;
        this.placements = placements;
        this.municipalities = municipalities;
    }

    /** A case worker proposes one of their candidates for a placement their region sees. */
    public IntroductionView propose(String placementId, String idempotencyKey, IntroductionInput.Proposal proposal) {
        DoorstroomUser user = CurrentUser.get();
        PlacementRecord placement = placements.requireVisible(placementId);
        String pseudonym = proposal.candidatePseudonym();
        CandidateProfile profile = candidates.find(pseudonym)
                .filter(p -> user.worksFor(p.getMunicipalityCode()))
                .orElseThrow(() -> FieldProblemsException.of("candidatePseudonym", "unknownCandidate",
                        "employer.problem.unknown-candidate"));
        MatchScore score = score(profile, placement).orElseThrow(() -> FieldProblemsException.of("candidatePseudonym",
                "outOfReach", "employer.problem.candidate-out-of-reach"));
        CandidateMatchRecord record = changes.apply(pseudonym, placementId, "PROPOSE", null, idempotencyKey, proposal,
                current -> {
                    IntroductionRules.proposalConflict(current.introduction(placementId).map(Introduction::getStatus)
                            .orElse(null)).ifPresent(conflict -> {
                                throw new StepNotAllowedException(conflict, current.version());
                            });
                    return List.of(new IntroductionProposed(placement.employerKvk(), profile.getMunicipalityCode(),
                            score.total()));
                });
        return view(record, placementId);
    }

    /** One step after the proposal, by the party whose step it is. */
    public IntroductionView step(String placementId, String pseudonym, String idempotencyKey, IntroductionInput.Step step) {
        IntroductionRules.Party party = requireParty(placementId, pseudonym);
        FieldProblemsException.rejectIfAny(step.problems(LocalDate.now(Placements.AMSTERDAM)));
        PlacementRecord placement = placements.current(placementId);
        CandidateMatchRecord record = changes.apply(pseudonym, placementId, step.step().name(), step.version(),
                idempotencyKey, step, current -> {
                    Introduction introduction = current.introduction(placementId).orElse(null);
                    IntroductionRules.conflict(introduction == null ? null : introduction.getStatus(), step.step(), party)
                            .ifPresent(conflict -> {
                                throw new StepNotAllowedException(conflict, current.version());
                            });
                    return List.of(payload(step, party, introduction, placement));
                });
        return view(record, placementId);
    }

    /** One introduction, as the case worker or the employer may see it (404 otherwise). */
    public IntroductionView read(String placementId, String pseudonym) {
        requireParty(placementId, pseudonym);
        return view(changes.awaitCurrent(pseudonym), placementId);
    }

    /**
     * The introductions to a placement: the employer sees all of its own placement's, a case worker those of their
     * own municipality's candidates.
     */
    public List<IntroductionView> ofPlacement(String placementId) {
        placements.requireVisible(placementId);
        DoorstroomUser user = CurrentUser.get();
        return changes.all(index.candidatesOf(placementId)).stream()
                .flatMap(record -> record.introduction(placementId).stream()
                        .filter(i -> user.has(Role.EMPLOYER) || user.worksFor(i.getMunicipalityCode()))
                        .map(i -> view(record, placementId)))
                .sorted(Comparator.comparing(IntroductionView::changedAt).reversed())
                .toList();
    }

    /** How many of a placement's places are taken: by candidates who accepted its offer or started (its employer only). */
    public int filledPlaces(String placementId) {
        return (int) ofPlacement(placementId).stream().filter(i -> IntroductionRules.fillsAPlace(i.status())).count();
    }

    /** Every introduction of a municipality's candidates, the latest change first (a case worker of it only). */
    public List<IntroductionView> ofMunicipality(String municipalityCode) {
        if (!CurrentUser.get().worksFor(municipalityCode)) {
            throw new NotFoundException("municipality");
        }
        return changes.all(index.introducedBy(municipalityCode)).stream()
                .flatMap(record -> record.introductions().stream()
                        .filter(i -> i.getMunicipalityCode().equals(municipalityCode))
                        .map(i -> view(record, i.getPlacementId())))
                .sorted(Comparator.comparing(IntroductionView::changedAt).reversed())
                .toList();
    }

    private IntroductionRules.Party requireParty(String placementId, String pseudonym) {
        DoorstroomUser user = CurrentUser.get();
        Introduction introduction = changes.awaitCurrent(pseudonym).introduction(placementId)
                .orElseThrow(() -> new NotFoundException("introduction"));
        if (user.has(Role.EMPLOYER) && introduction.getEmployerKvk().equals(user.kvk())) {
            return IntroductionRules.Party.EMPLOYER;
        }
        if (user.has(Role.CASE_WORKER) && user.worksFor(introduction.getMunicipalityCode())) {
            return IntroductionRules.Party.CASE_WORKER;
        }
        throw new NotFoundException("introduction");
    }

    private static Object payload(IntroductionInput.Step step, IntroductionRules.Party party, Introduction introduction,
                                  PlacementRecord placement) {
        return switch (step.step()) {
            case AGREE -> new IntroductionAgreed();
            case PLAN_INTERVIEW -> new InterviewPlanned(step.interviewOn());
            case OFFER -> new PlacementOffered(step.hoursPerWeek(), step.startDate());
            case ACCEPT -> new OfferAccepted();
            case DECLINE -> new IntroductionDeclined(party == IntroductionRules.Party.EMPLOYER ? DecliningParty.EMPLOYER
                    : DecliningParty.CANDIDATE, step.declineReason());
            case START -> new PlacementStarted(step.startDate(), introduction.getOffer() == null
                    ? placement.terms().getHoursPerWeek() : introduction.getOffer().getHoursPerWeek(),
                    placement.terms().getKind(), placement.terms().getIscoCode(), placement.employerName(),
                    placement.terms().getTitle());
            case END -> new PlacementEnded(step.endDate(), step.endReason());
        };
    }

    private Optional<MatchScore> score(CandidateProfile profile, PlacementRecord placement) {
        var candidateAt = municipalities.find(profile.getMunicipalityCode()).map(Location::of);
        var placementAt = municipalities.find(placement.terms().getMunicipalityCode()).map(Location::of);
        if (candidateAt.isEmpty() || placementAt.isEmpty()) {
            return Optional.empty();
        }
        Candidate candidate = Candidate.of(profile, candidateAt.get());
        PlacementRequirements requirements = PlacementRequirements.of(placement.placementId(), placement.terms(), placementAt.get());
        return MatchScoring.inReach(candidate, requirements) ? Optional.of(MatchScoring.score(candidate, requirements))
                : Optional.empty();
    }

    private IntroductionView view(CandidateMatchRecord record, String placementId) {
        Introduction introduction = record.introduction(placementId).orElseThrow(() -> new NotFoundException("introduction"));
        PlacementRecord placement = placements.current(placementId);
        MatchView.CandidateSummary candidate = candidates.find(record.candidatePseudonym())
                .map(profile -> MatchView.CandidateSummary.of(profile, municipalities)).orElse(null);
        return IntroductionView.of(record, introduction, placement.isPosted() ? placement.terms().getTitle() : null,
                placement.isPosted() ? placement.employerName() : null, candidate, contact(record, introduction));
    }

    /** The name and contact route, only while the candidate's agreement holds for this introduction. */
    private IntroductionView.Contact contact(CandidateMatchRecord record, Introduction introduction) {
        if (!IntroductionRules.nameVisible(introduction.getStatus())) {
            return null;
        }
        return contacts.find(record.candidatePseudonym()).map(found -> new IntroductionView.Contact(found.getName(),
                found.getContactPerson(), municipalities.find(found.getMunicipalityCode()).map(Municipality::name)
                        .orElse(found.getMunicipalityCode()))).orElse(null);
    }
}
