package nl.doorstroom.employer.matching;

import java.util.List;
import java.util.Objects;

/**
 * One part of a match score and why it scored so: {@code reason} is a message key, {@code arguments} fill it in, so a
 * page shows the reason in the reader's language.
 */
public record ScoreComponent(Criterion criterion, int points, int maximum, String reason, List<Object> arguments) {

    /** What a component scores. */
    public enum Criterion {
        OCCUPATION, EDUCATION, LANGUAGE, HOURS, NEARNESS
    }

    public ScoreComponent {
        Objects.requireNonNull(criterion, "criterion");
        Objects.requireNonNull(reason, "reason");
        if (points < 0 || points > maximum) {
            throw new IllegalArgumentException(criterion + ": " + points + " points is outside 0.." + maximum);
        }
        arguments = List.copyOf(arguments);
    }

    static ScoreComponent of(Criterion criterion, int points, int maximum, String reason, Object... arguments) {
        return new ScoreComponent(criterion, points, maximum, reason, List.of(arguments));
    }
}
