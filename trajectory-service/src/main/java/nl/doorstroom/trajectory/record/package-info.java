/**
 * The person's trajectory record, shared by the trajectory features:
 * {@link nl.doorstroom.trajectory.record.TrajectoryTopology} materialises it from {@code trajectory.trajectory-events},
 * {@link nl.doorstroom.trajectory.record.TrajectoryRecords} reads it scoped by the handover dossier (only the linked
 * municipality's case workers), {@link nl.doorstroom.trajectory.record.TrajectoryChanges} is the one way it changes
 * (per-person lock, Idempotency-Key, version check, {@link nl.doorstroom.trajectory.record.TrajectoryRules}), and
 * {@link nl.doorstroom.trajectory.record.TrajectoryResource} serves it.
 */
package nl.doorstroom.trajectory.record;
