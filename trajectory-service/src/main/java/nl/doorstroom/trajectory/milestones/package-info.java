/** Milestones of a trajectory: exams passed per skill, diplomas, first paid job, leaving benefits. */
package nl.doorstroom.trajectory.milestones;
