package nl.doorstroom.employer.matching;

/** A candidate in a placement's ranking, with the score that placed them there. */
public record RankedCandidate(Candidate candidate, MatchScore score) {
}
