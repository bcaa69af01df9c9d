package nl.doorstroom.trajectory.signals;

/** What is missing for a person who has been with the municipality for longer than the signal period. */
public enum Signal {
    /** Nobody accepted the handover (since the link or the last move). */
    NO_ACCEPTED_HANDOVER,
    /** No brede intake has been recorded. */
    NO_BREDE_INTAKE,
    /** No activity is planned or started. */
    NO_ACTIVITY
}
