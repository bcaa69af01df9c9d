/**
 * Placements at employers in the person's trajectory: a placement that started (an event of employer-service) is a
 * running activity beside the language course, and its hours count in the dual-trajectory check.
 */
package nl.doorstroom.trajectory.placements;
