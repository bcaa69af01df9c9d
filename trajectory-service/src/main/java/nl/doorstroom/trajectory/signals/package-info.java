/**
 * Nobody unseen: per municipality, the people linked (or moved) there for longer than the configured number of weeks
 * who still have no accepted handover, no brede intake or no activity ({@link nl.doorstroom.trajectory.signals.SignalRules}),
 * nareizigers as a group of their own, served by {@link nl.doorstroom.trajectory.signals.SignalResource}.
 */
package nl.doorstroom.trajectory.signals;
