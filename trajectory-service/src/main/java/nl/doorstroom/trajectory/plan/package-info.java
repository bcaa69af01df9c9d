/**
 * The PIP (persoonlijk plan inburgering en participatie): its adoption with a learning route the leerbaarheidstoets
 * allows ({@link nl.doorstroom.trajectory.plan.LearningRoutes}), and the plan view with the dual trajectory
 * ({@link nl.doorstroom.trajectory.plan.DualTrajectory}: overlapping activities, hours beyond the availability).
 */
package nl.doorstroom.trajectory.plan;
