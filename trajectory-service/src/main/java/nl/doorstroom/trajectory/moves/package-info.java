/**
 * Moves between municipalities: a case worker of the municipality responsible now records that the person moved to
 * another one ({@code PersonMoved}); the handover topology then puts the dossier, and with it the trajectory so far, in
 * the new municipality's inbox, and the old municipality no longer sees the person.
 */
package nl.doorstroom.trajectory.moves;
