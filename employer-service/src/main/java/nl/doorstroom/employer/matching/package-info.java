/**
 * The transparent match score: {@link nl.doorstroom.employer.matching.MatchScoring} decides which candidates a
 * placement reaches and ranks them, every score made of components that each say why. Pure rules, no I/O: the caller
 * resolves locations from the reference list and turns the Avro contracts into
 * {@link nl.doorstroom.employer.matching.Candidate} and {@link nl.doorstroom.employer.matching.PlacementRequirements}.
 */
package nl.doorstroom.employer.matching;
