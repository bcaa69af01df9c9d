/**
 * Readiness for placements and the candidate profile: a case worker marks a person ready (or takes the mark away),
 * and {@link nl.doorstroom.trajectory.candidates.CandidateProfileTopology} keeps {@code trajectory.candidate-profiles}
 * in step with the dossier and the trajectory: a minimised, pseudonymised profile while the person is ready, consented
 * to employer profile sharing and their trajectory is open; a tombstone otherwise.
 */
package nl.doorstroom.trajectory.candidates;
