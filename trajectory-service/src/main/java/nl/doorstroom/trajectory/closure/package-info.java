/** Closure of a trajectory with its outcome; nothing is recorded after it. */
package nl.doorstroom.trajectory.closure;
