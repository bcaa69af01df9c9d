/** Acceptance of the warm handover by a case worker of the linked municipality, who assigns the trajectory. */
package nl.doorstroom.trajectory.acceptance;
