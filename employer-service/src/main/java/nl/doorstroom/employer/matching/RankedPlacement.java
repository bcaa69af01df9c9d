package nl.doorstroom.employer.matching;

/** A placement in a candidate's list of matches, with the candidate's score for it. */
public record RankedPlacement(PlacementRequirements placement, MatchScore score) {
}
