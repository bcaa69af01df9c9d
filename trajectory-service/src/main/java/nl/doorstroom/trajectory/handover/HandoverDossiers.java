package nl.doorstroom.trajectory.handover;

import java.time.Instant;
import java.util.Objects;

import nl.doorstroom.schemas.intake.EarlyIntakeRecorded;
import nl.doorstroom.schemas.intake.PersonEvent;
import nl.doorstroom.schemas.intake.PersonErased;
import nl.doorstroom.schemas.intake.PersonLinkedToMunicipality;
import nl.doorstroom.schemas.intake.PersonRegistered;
import nl.doorstroom.schemas.intake.PersonalDetailsCorrected;
import nl.doorstroom.schemas.trajectory.HandoverDossier;

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

    /** The municipality the person is linked to, or {@code null}. */
    public static String municipalityOf(HandoverDossier dossier) {
        return dossier == null || dossier.getLink() == null ? null : dossier.getLink().getMunicipalityCode();
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
