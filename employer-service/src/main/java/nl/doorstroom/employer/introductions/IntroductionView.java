package nl.doorstroom.employer.introductions;

import java.time.Instant;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;
import nl.doorstroom.employer.matches.MatchView;
import nl.doorstroom.schemas.employer.DeclineReason;
import nl.doorstroom.schemas.employer.DecliningParty;
import nl.doorstroom.schemas.employer.Introduction;
import nl.doorstroom.schemas.employer.IntroductionStatus;
import nl.doorstroom.schemas.employer.PlacementEndReason;

/**
 * One candidate's introduction to one placement, as the case worker and the employer see it.
 *
 * @param version   the version of the candidate's introductions; send it with the next step
 * @param candidate the minimised profile; absent once the candidate withdrew
 * @param contact   the candidate's name and whom to contact: only from the candidate's agreement until the
 *                  introduction ends, and gone at once when the candidate withdraws or is erased
 */
@Schema(name = "Introduction")
public record IntroductionView(String placementId, String placementTitle, String employerName, String candidatePseudonym,
                               int version, IntroductionStatus status, int score, String municipalityCode,
                               Instant proposedAt, Instant changedAt, LocalDate interviewOn, Integer offeredHoursPerWeek,
                               LocalDate offeredStartDate, LocalDate startedOn, LocalDate endedOn,
                               PlacementEndReason endReason, DecliningParty declinedBy, DeclineReason declineReason,
                               MatchView.CandidateSummary candidate, Contact contact) {

    /**
     * Whom the employer is introduced to, and through whom to reach them.
     *
     * @param name             the candidate's given names and family name
     * @param contactPerson    the case worker who recorded the candidate's agreement
     * @param municipalityName that case worker's municipality
     */
    @Schema(name = "IntroductionContact")
    public record Contact(String name, String contactPerson, String municipalityName) {
    }

    static IntroductionView of(CandidateMatchRecord record, Introduction i, String placementTitle, String employerName,
                               MatchView.CandidateSummary candidate, Contact contact) {
        return new IntroductionView(i.getPlacementId(), placementTitle, employerName, record.candidatePseudonym(),
                record.version(), i.getStatus(), i.getScore(), i.getMunicipalityCode(), i.getProposedAt(), i.getChangedAt(),
                i.getInterviewOn(), i.getOffer() == null ? null : i.getOffer().getHoursPerWeek(),
                i.getOffer() == null ? null : i.getOffer().getStartDate(),
                i.getStarted() == null ? null : i.getStarted().getStartDate(),
                i.getEnded() == null ? null : i.getEnded().getEndDate(),
                i.getEnded() == null ? null : i.getEnded().getReason(),
                i.getDeclined() == null ? null : i.getDeclined().getDeclinedBy(),
                i.getDeclined() == null ? null : i.getDeclined().getReason(), candidate, contact);
    }
}
