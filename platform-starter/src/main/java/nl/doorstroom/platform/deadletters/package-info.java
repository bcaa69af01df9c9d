/**
 * Dead letters, operated: what went to a {@code <topic>.dlt} can be seen and replayed by a platform operator, in every
 * service (API {@code /api/v1/dead-letters}, page {@code /beheer/dode-letters}), and is counted in metrics.
 *
 * <p>A dead letter is shown by where it is and why, never by what it holds: its id, source topic, partition, offset,
 * time and key (a random person id or a digest), and the reason as the exception's class name with a fixed category.
 * The value bytes and the exception's message and stack trace headers may hold personal data and are never read out.
 * {@link nl.doorstroom.platform.deadletters.DeadLetterOperations} lists and replays;
 * {@link nl.doorstroom.platform.deadletters.DeadLetterStore} reads the dead-letter topics and the replay markers on
 * {@code platform.dead-letter-replays}.
 */
package nl.doorstroom.platform.deadletters;
