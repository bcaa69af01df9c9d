package nl.doorstroom.intake.registration;

import java.time.LocalDate;

import nl.doorstroom.schemas.intake.PersonIdentity;
import nl.doorstroom.schemas.intake.PersonRegistered;

/** A registered person as the API shows it. */
public record RegisteredPerson(String id, String givenNames, String familyName, LocalDate dateOfBirth,
                               String vNumber, String countryOfOrigin, String receptionLocation) {

    static RegisteredPerson of(String id, PersonRegistered registered, PersonIdentity identity) {
        return new RegisteredPerson(id, identity.getGivenNames(), identity.getFamilyName(), identity.getDateOfBirth(),
                identity.getVNumber(), registered.getCountryOfOrigin(), registered.getReceptionLocation());
    }
}
