package nl.doorstroom.intake.registration;

import java.time.LocalDate;

import nl.doorstroom.schemas.intake.PersonRegistered;

/** A registered person as the API shows it. */
public record RegisteredPerson(String id, String givenNames, String familyName, LocalDate dateOfBirth,
                               String vNumber, String countryOfOrigin, String receptionLocation) {

    static RegisteredPerson of(String id, PersonRegistered registered) {
        return new RegisteredPerson(id, registered.getGivenNames(), registered.getFamilyName(),
                registered.getDateOfBirth(), registered.getVNumber(), registered.getCountryOfOrigin(),
                registered.getReceptionLocation());
    }
}
