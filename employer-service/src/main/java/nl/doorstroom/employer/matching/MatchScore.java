package nl.doorstroom.employer.matching;

import java.util.List;

import nl.doorstroom.employer.matching.ScoreComponent.Criterion;

/** A match score out of 100 and the components it is the sum of. */
public record MatchScore(int total, List<ScoreComponent> components) {

    public MatchScore {
        components = List.copyOf(components);
        int sum = components.stream().mapToInt(ScoreComponent::points).sum();
        if (total != sum) {
            throw new IllegalArgumentException("total " + total + " is not the sum of its components, " + sum);
        }
    }

    static MatchScore of(List<ScoreComponent> components) {
        return new MatchScore(components.stream().mapToInt(ScoreComponent::points).sum(), components);
    }

    /** The points of one criterion; 0 when the score has no component for it. */
    public int points(Criterion criterion) {
        return components.stream().filter(c -> c.criterion() == criterion).mapToInt(ScoreComponent::points).sum();
    }
}
