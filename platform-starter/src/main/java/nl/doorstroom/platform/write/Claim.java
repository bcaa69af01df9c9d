package nl.doorstroom.platform.write;

/**
 * A unique natural key a change takes (a V-number, a KvK number): the write path gives it to one record only, across
 * threads and instances, and answers {@code ifTaken} when another record holds it.
 *
 * @param key     the keyed digest of the natural key ({@link ClaimKeys}), never the natural key itself: claim keys are
 *                record keys on a topic
 * @param ifTaken what the user is told when another record holds it
 */
public record Claim(String key, ClaimTakenException ifTaken) {
}
