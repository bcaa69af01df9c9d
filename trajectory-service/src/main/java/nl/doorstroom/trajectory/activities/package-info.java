/** Activities of the plan, planned and changed, with their rules ({@link nl.doorstroom.trajectory.activities.ActivityRules}). */
package nl.doorstroom.trajectory.activities;
