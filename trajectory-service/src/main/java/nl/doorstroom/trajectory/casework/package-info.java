/**
 * The case worker's pages that compose several features (server-rendered, Dutch first): the inbox with the handover
 * status, the person page with the plan as a timeline, and the signal list. Each change has its form page in its own
 * feature package, calling the same application service as the API; nothing here decides anything about a trajectory.
 */
package nl.doorstroom.trajectory.casework;
