package nl.doorstroom.platform.deadletters;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.common.TopicPartition;

import nl.doorstroom.schemas.Topic;

/**
 * Where a dead letter is: {@code <dead-letter topic>-<partition>-<offset>}, e.g.
 * {@code intake.person-events.dlt-0-42}. Unique for as long as the dead-letter topic exists, and data-free.
 *
 * @param deadLetterTopic the {@code .dlt} topic
 * @param partition       its partition
 * @param offset          the dead letter's offset there
 */
public record DeadLetterId(String deadLetterTopic, int partition, long offset) {

    /** The form of an id, for validating it where it comes in. */
    public static final String PATTERN = "[a-z0-9][a-z0-9.-]{0,200}\\.dlt-[0-9]{1,9}-[0-9]{1,18}";

    private static final Pattern PARTS =
            Pattern.compile("(.+" + Pattern.quote(Topic.DEAD_LETTER_SUFFIX) + ")-([0-9]{1,9})-([0-9]{1,18})");

    /** The id's parts, or empty for something that is no dead letter's id. */
    public static Optional<DeadLetterId> parse(String id) {
        Matcher parts = id == null ? null : PARTS.matcher(id);
        if (parts == null || !parts.matches()) {
            return Optional.empty();
        }
        return Optional.of(new DeadLetterId(parts.group(1), Integer.parseInt(parts.group(2)),
                Long.parseLong(parts.group(3))));
    }

    /** The topic whose record this was: the dead-letter topic's name without {@code .dlt}. */
    public String sourceTopic() {
        return deadLetterTopic.substring(0, deadLetterTopic.length() - Topic.DEAD_LETTER_SUFFIX.length());
    }

    public TopicPartition topicPartition() {
        return new TopicPartition(deadLetterTopic, partition);
    }

    @Override
    public String toString() {
        return deadLetterTopic + "-" + partition + "-" + offset;
    }
}
