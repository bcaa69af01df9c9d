package nl.doorstroom.trajectory.candidates;

import java.util.Optional;

import nl.doorstroom.platform.readmodel.ReadModel;
import nl.doorstroom.schemas.trajectory.CandidateProfile;

/**
 * The person behind a candidate pseudonym (employer domain), for everyone who ever had a candidate profile, and whether
 * they are a candidate now. The pseudonym's entry sits with the person's own partition, so a lookup asks every
 * instance; a pseudonym is unique, so it is one entry.
 */
public final class CandidatePseudonyms {

    private final ReadModel<String> personOf;
    private final ReadModel<CandidateProfile> published;

    CandidatePseudonyms(ReadModel<String> personOf, ReadModel<CandidateProfile> published) {
        this.personOf = personOf;
        this.published = published;
    }

    /** Whether the person has a candidate profile now (ready, consented, trajectory open). */
    public boolean isCandidate(String personId) {
        return published.get(personId).isPresent();
    }

    public Optional<String> personOf(String pseudonym) {
        return personOf.prefixScan(pseudonym).stream().filter(entry -> entry.key.equals(pseudonym))
                .map(entry -> entry.value).findFirst();
    }
}
