/**
 * Erasure (AVG art. 17) reaching the trajectory: when intake erases a person, their trajectory record and history are
 * dropped here too, and their key is forgotten once more, so nothing recorded in the municipality stays readable.
 */
package nl.doorstroom.trajectory.erasure;
