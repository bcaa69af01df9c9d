/**
 * The case worker's pages on the trajectory (server-rendered, Dutch first): the inbox with the handover status, the
 * person page with the plan as a timeline, and a form for every change. The forms go through the same resources and
 * rules as the API; nothing here decides anything about a trajectory.
 */
package nl.doorstroom.trajectory.casework;
