/**
 * Warm handover: the municipality a person is linked to receives the complete dossier (registration, early intake,
 * link) at once. {@link nl.doorstroom.trajectory.handover.HandoverDossiers} holds the rules,
 * {@link nl.doorstroom.trajectory.handover.HandoverTopology} keeps the dossier and inbox stores up to date from
 * {@code intake.person-events} and the moves on {@code trajectory.trajectory-events} (a move is final against later
 * intake links, see {@link nl.doorstroom.trajectory.handover.HandoverDossiers}),
 * {@link nl.doorstroom.trajectory.handover.Handovers} answers queries on them, and
 * {@link nl.doorstroom.trajectory.handover.HandoverResource} and {@link nl.doorstroom.trajectory.handover.HandoverPage}
 * serve them over REST and as pages.
 */
package nl.doorstroom.trajectory.handover;
