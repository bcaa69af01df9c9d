package nl.doorstroom.trajectory.candidates;

import java.util.Optional;

import nl.doorstroom.platform.readmodel.ReadModel;

/**
 * The person behind a candidate pseudonym (employer domain), for everyone who ever had a candidate profile. The entry
 * sits with the person's own partition, so a lookup asks every instance; a pseudonym is unique, so it is one entry.
 */
public final class CandidatePseudonyms {

    private final ReadModel<String> personOf;

    CandidatePseudonyms(ReadModel<String> personOf) {
        this.personOf = personOf;
    }

    public Optional<String> personOf(String pseudonym) {
        return personOf.prefixScan(pseudonym).stream().filter(entry -> entry.key.equals(pseudonym))
                .map(entry -> entry.value).findFirst();
    }
}
