package nl.doorstroom.trajectory.handover;

import java.time.Instant;
import java.util.Objects;

import nl.doorstroom.schemas.intake.ConsentDecision;
import nl.doorstroom.schemas.intake.ConsentPurpose;
import nl.doorstroom.schemas.intake.ConsentRecorded;
import nl.doorstroom.schemas.intake.EarlyIntakeRecorded;
import nl.doorstroom.schemas.intake.LinkReason;
import nl.doorstroom.schemas.intake.PersonEvent;
import nl.doorstroom.schemas.intake.PersonErased;
import nl.doorstroom.schemas.intake.PersonLinkedToMunicipality;
import nl.doorstroom.schemas.intake.PersonRegistered;
import nl.doorstroom.schemas.intake.PersonalDetailsCorrected;
import nl.doorstroom.schemas.trajectory.DossierMove;
import nl.doorstroom.schemas.trajectory.HandoverDossier;
import nl.doorstroom.schemas.trajectory.PersonMoved;
import nl.doorstroom.schemas.trajectory.TrajectoryEvent;

/**
 * The rules that turn a person's intake events into the dossier a municipality receives at the warm handover.
 * No Kafka here: the topology feeds events in arrival order (one person's events are ordered on one partition).
 * <ul>
 *     <li>Each event replaces its part of the dossier as a whole (registration, early intake, link); the other parts
 *     are kept, so an early intake or a link that arrives before the registration is held, not lost.</li>
 *     <li>An event older than the part it would replace is stale (a late duplicate of an earlier event) and is ignored;
 *     an event with the same time is applied again, which changes nothing (replays are harmless).</li>
 *     <li>A correction of the personal details replaces the identity (names, date of birth, V-number, BSN), sex,
 *     country of origin, languages and literacy in the registration, so the municipality sees the corrected details;
 *     the reception location and a nareiziger's family reunification stay as registered. The personal details are as
 *     recent as the later of the registration and the latest correction: a correction older than that is stale, and a
 *     registration that is not newer than the latest correction (a late duplicate, or the registration arriving after
 *     its correction) gets the correction applied, so it never undoes it; a newer registration replaces the personal
 *     details as a whole.</li>
 *     <li>A link puts the person in that municipality's inbox; a re-link to another municipality takes the person out
 *     of the previous one's inbox, so a person is in at most one inbox.</li>
 *     <li>The latest decision on consent for employer profile sharing is kept (an older one is stale); consent for
 *     other purposes is not the municipality's business and is ignored.</li>
 *     <li>A move ({@code PersonMoved} on {@code trajectory.trajectory-events}, see {@link #applyMove}) makes the new
 *     municipality responsible: the person leaves the old municipality's inbox and enters the new one's. <b>A move is
 *     final against intake:</b> once a person has moved, a link that intake records later (a COA re-link or
 *     correction) is kept in the dossier as the link, but does not change the responsible municipality; only a later
 *     move does. COA links people before they move into a municipality; after a move between municipalities the
 *     municipalities decide, so a late or corrective re-link can never silently take the person away from where they
 *     live now. The topology logs such a link.</li>
 *     <li>An erasure removes the dossier and the inbox entry altogether.</li>
 *     <li>Event types this version does not know are ignored (a newer intake-service may add union branches).</li>
 * </ul>
 */
public final class HandoverDossiers {

    private HandoverDossiers() {
    }

    /**
     * What applying one event did.
     *
     * @param dossier         the dossier after the event (the same instance if nothing changed; {@code null} once the
     *                        person is erased)
     * @param changed         whether the dossier changed and must be stored
     * @param leftInbox       municipality whose inbox the person must leave, or {@code null}
     * @param inInbox         municipality whose inbox must hold the person, or {@code null} if not linked
     */
    public record Applied(HandoverDossier dossier, boolean changed, String leftInbox, String inInbox) {
    }

    /**
     * Applies one event to a person's dossier.
     *
     * @param current the dossier so far, or {@code null} if this is the person's first event
     * @param event   the event; its {@code personId} must be the dossier's
     */
    public static Applied apply(HandoverDossier current, PersonEvent event) {
        Objects.requireNonNull(event, "event");
        if (current != null && !current.getPersonId().equals(event.getPersonId())) {
            throw new IllegalArgumentException("event of another person applied to dossier " + current.getPersonId());
        }
        String linkedBefore = municipalityOf(current);
        Instant at = event.getOccurredAt();
        HandoverDossier.Builder next = current == null
                ? HandoverDossier.newBuilder().setPersonId(event.getPersonId()).setUpdatedAt(at)
                : HandoverDossier.newBuilder(current);

        switch (event.getPayload()) {
            case PersonRegistered registered -> {
                if (current != null && isBefore(at, current.getRegisteredAt())) {
                    return unchanged(current, linkedBefore);
                }
                PersonalDetailsCorrected correction = current == null ? null : current.getPersonalDetailsCorrection();
                if (correction != null && !at.isAfter(current.getPersonalDetailsCorrectedAt())) {
                    next.setRegistration(corrected(registered, correction));
                } else {
                    // a newer registration replaces the personal details as a whole, earlier corrections included
                    next.setRegistration(registered).setPersonalDetailsCorrection(null).setPersonalDetailsCorrectedAt(null);
                }
                next.setRegisteredAt(at);
            }
            case PersonalDetailsCorrected correction -> {
                if (current != null && (isBefore(at, current.getRegisteredAt())
                        || isBefore(at, current.getPersonalDetailsCorrectedAt()))) {
                    return unchanged(current, linkedBefore);
                }
                next.setPersonalDetailsCorrection(correction).setPersonalDetailsCorrectedAt(at);
                if (current != null && current.getRegistration() != null) {
                    next.setRegistration(corrected(current.getRegistration(), correction));
                }
            }
            case EarlyIntakeRecorded intake -> {
                if (current != null && isBefore(at, current.getEarlyIntakeRecordedAt())) {
                    return unchanged(current, linkedBefore);
                }
                next.setEarlyIntake(intake).setEarlyIntakeRecordedAt(at);
            }
            case PersonErased erased -> {
                return current == null ? new Applied(null, false, null, null) : new Applied(null, true, linkedBefore, null);
            }
            case ConsentRecorded consent -> {
                if (consent.getPurpose() != ConsentPurpose.EMPLOYER_PROFILE_SHARING
                        || current != null && isBefore(at, current.getEmployerProfileConsentAt())) {
                    return current == null ? new Applied(null, false, null, null) : unchanged(current, linkedBefore);
                }
                next.setEmployerProfileConsent(consent).setEmployerProfileConsentAt(at);
            }
            case PersonLinkedToMunicipality link -> {
                if (current != null && isBefore(at, current.getLinkedAt())) {
                    return unchanged(current, linkedBefore);
                }
                next.setLink(link).setLinkedAt(at);
            }
            case null, default -> {
                return current == null ? new Applied(null, false, null, null) : unchanged(current, linkedBefore);
            }
        }
        if (current == null || at.isAfter(current.getUpdatedAt())) {
            next.setUpdatedAt(at);
        }
        HandoverDossier dossier = next.build();
        String linkedNow = municipalityOf(dossier);
        String left = linkedBefore != null && !linkedBefore.equals(linkedNow) ? linkedBefore : null;
        return new Applied(dossier, !dossier.equals(current), left, linkedNow);
    }

    /**
     * Applies a move recorded in the trajectory to the person's dossier. A redelivered move (same event id) and a move
     * older than the one already applied change nothing; a move for a person without a dossier (erased since) is
     * dropped, as there is nobody left to move.
     *
     * @param current the dossier, or {@code null}
     * @param event   a trajectory event; anything but {@code PersonMoved} changes nothing
     */
    public static Applied applyMove(HandoverDossier current, TrajectoryEvent event) {
        Objects.requireNonNull(event, "event");
        String responsibleBefore = municipalityOf(current);
        if (current == null || !(event.getPayload() instanceof PersonMoved moved)) {
            return new Applied(current, false, null, responsibleBefore);
        }
        if (!current.getPersonId().equals(event.getPersonId())) {
            throw new IllegalArgumentException("event of another person applied to dossier " + current.getPersonId());
        }
        DossierMove previous = current.getMove();
        if (previous != null && (previous.getEventId().equals(event.getEventId())
                || event.getOccurredAt().isBefore(previous.getMovedAt()))) {
            return unchanged(current, responsibleBefore);
        }
        HandoverDossier.Builder next = HandoverDossier.newBuilder(current).setMove(new DossierMove(event.getEventId(),
                moved.getFromMunicipalityCode(), moved.getToMunicipalityCode(), moved.getMoveDate(), event.getOccurredAt()));
        if (event.getOccurredAt().isAfter(current.getUpdatedAt())) {
            next.setUpdatedAt(event.getOccurredAt());
        }
        HandoverDossier dossier = next.build();
        String responsibleNow = municipalityOf(dossier);
        String left = responsibleBefore != null && !responsibleBefore.equals(responsibleNow) ? responsibleBefore : null;
        return new Applied(dossier, true, left, responsibleNow);
    }

    /**
     * The municipality responsible for the person: the one they last moved to, otherwise the one they are linked to;
     * {@code null} when neither.
     */
    public static String municipalityOf(HandoverDossier dossier) {
        if (dossier == null) {
            return null;
        }
        if (dossier.getMove() != null) {
            return dossier.getMove().getToMunicipalityCode();
        }
        return dossier.getLink() == null ? null : dossier.getLink().getMunicipalityCode();
    }

    /** When the person arrived at the responsible municipality: the move, otherwise the link; {@code null} when neither. */
    public static Instant arrivedAt(HandoverDossier dossier) {
        return dossier.getMove() != null ? dossier.getMove().getMovedAt() : dossier.getLinkedAt();
    }

    /** A nareiziger: registered to join family here (gezinshereniging), or linked for that reason. */
    public static boolean isNareiziger(HandoverDossier dossier) {
        return dossier.getRegistration() != null && dossier.getRegistration().getFamilyReunification() != null
                || dossier.getLink() != null && dossier.getLink().getReason() == LinkReason.FAMILY_REUNIFICATION;
    }

    /** Whether the person's consent for employer profile sharing is given (and not withdrawn since). */
    public static boolean employerProfileSharingConsented(HandoverDossier dossier) {
        ConsentRecorded consent = dossier.getEmployerProfileConsent();
        return consent != null && consent.getDecision() == ConsentDecision.GIVEN;
    }

    /**
     * The registration with the corrected personal details. The plain identifiers of a schema version 1 registration
     * are dropped: the corrected identity, sealed, replaces them.
     */
    static PersonRegistered corrected(PersonRegistered registration, PersonalDetailsCorrected correction) {
        return PersonRegistered.newBuilder(registration)
                .setGivenNames(null).setFamilyName(null).setDateOfBirth(null).setVNumber(null)
                .setIdentity(correction.getIdentity())
                .setSex(correction.getSex())
                .setCountryOfOrigin(correction.getCountryOfOrigin())
                .setLanguagesSpoken(correction.getLanguagesSpoken())
                .setLiterateInLatinScript(correction.getLiterateInLatinScript())
                .build();
    }

    private static Applied unchanged(HandoverDossier current, String linked) {
        return new Applied(current, false, null, linked);
    }

    private static boolean isBefore(Instant at, Instant existing) {
        return existing != null && at.isBefore(existing);
    }
}
