package nl.doorstroom.trajectory.handover;

import java.time.Instant;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;
import nl.doorstroom.schemas.intake.PersonIdentity;
import nl.doorstroom.schemas.trajectory.HandoverDossier;

/**
 * One person in a municipality's handover inbox.
 *
 * @param personId            random id of the person (not a direct identifier)
 * @param givenNames          given names; absent while the registration has not arrived
 * @param familyName          family name; absent while the registration has not arrived
 * @param countryOfOrigin     ISO 3166-1 alpha-2 code
 * @param municipalityCode    CBS code of the municipality responsible for the person (linked or moved there)
 * @param permitDate          date the residence permit was granted
 * @param linkDate            date of the koppeling
 * @param linkedAt            when the link was recorded (RFC 3339, UTC)
 * @param registrationPresent whether the registration is in the dossier
 * @param earlyIntakePresent  whether the early intake is in the dossier
 * @param movedFrom           CBS code of the municipality the person moved from; absent when not moved
 * @param moveDate            date of the move; absent when not moved
 */
@Schema(name = "HandoverSummary", description = "A person in the municipality's handover inbox")
public record HandoverSummary(String personId, String givenNames, String familyName, String countryOfOrigin,
                              String municipalityCode, LocalDate permitDate, LocalDate linkDate, Instant linkedAt,
                              boolean registrationPresent, boolean earlyIntakePresent, String movedFrom,
                              LocalDate moveDate) {

    /** The summary of a dossier; {@code identity} is the registration's opened identity, if there is a registration. */
    static HandoverSummary of(HandoverDossier dossier, PersonIdentity identity) {
        var registration = dossier.getRegistration();
        var link = dossier.getLink();
        return new HandoverSummary(dossier.getPersonId(),
                identity == null ? null : identity.getGivenNames(),
                identity == null ? null : identity.getFamilyName(),
                registration == null ? null : registration.getCountryOfOrigin(),
                HandoverDossiers.municipalityOf(dossier),
                link == null ? null : link.getPermitDate(),
                link == null ? null : link.getLinkDate(),
                dossier.getLinkedAt(),
                registration != null,
                dossier.getEarlyIntake() != null,
                dossier.getMove() == null ? null : dossier.getMove().getFromMunicipalityCode(),
                dossier.getMove() == null ? null : dossier.getMove().getMoveDate());
    }
}
