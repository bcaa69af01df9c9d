package nl.doorstroom.employer.matching;

import static java.util.Comparator.comparing;

import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.doorstroom.employer.matching.ScoreComponent.Criterion;
import nl.doorstroom.schemas.employer.PlacementKind;
import nl.doorstroom.schemas.intake.CefrLevel;
import nl.doorstroom.schemas.intake.CefrSkill;
import nl.doorstroom.schemas.intake.IscedLevel;

/**
 * The transparent match score of a candidate for a placement: 0 to 100, the sum of five components that each carry
 * their reason. Matching is on what people can do: occupation weighs most and Dutch is capped below it, since language
 * is learnt on the job too. The choices behind every number are in docs/matching.md.
 */
public final class MatchScoring {

    private static final int OCCUPATION_MAX = 35;
    private static final int EDUCATION_MAX = 15;
    private static final int LANGUAGE_MAX = 25;
    private static final int HOURS_MAX = 10;
    private static final int NEARNESS_MAX = 15;

    /** Occupation points by the number of leading ISCO-08 digits shared: none, major, sub-major, minor, unit group. */
    private static final int[] OCCUPATION_BY_SHARED_DIGITS = {0, 8, 15, 25, OCCUPATION_MAX};
    private static final String[] OCCUPATION_REASONS = {"none", "major-group", "sub-major-group", "minor-group",
            "unit-group"};
    /** These kinds exist to gain experience, so having none must not push a candidate down. */
    private static final Set<PlacementKind> NO_EXPERIENCE_NEEDED = EnumSet.of(PlacementKind.WORK_EXPERIENCE_PLACE,
            PlacementKind.INTERNSHIP, PlacementKind.LEARN_WORK_PLACE, PlacementKind.VOLUNTEERING);
    private static final int NO_EXPERIENCE_FLOOR = 20;

    /** One level short or not known: rounded down from half, so neither earns as much as meeting the minimum. */
    private static final int EDUCATION_PARTLY = 7;

    /** A skill's part of the language points, in fifths. */
    private static final int SKILL_MEETS = 5;
    private static final int SKILL_ROOM_TO_GROW = 4;
    private static final int SKILL_ONE_SHORT = 1;

    private static final int HOURS_NEARLY = 6;
    private static final int HOURS_UNKNOWN = 5;

    private static final int NEAR_MUNICIPALITY = NEARNESS_MAX;
    private static final int NEAR_COROP = 11;
    private static final int NEAR_REGION = 8;
    private static final int NEAR_OPENED_REGION = 4;

    private static final String REASON = "match.reason.";

    private static final Comparator<RankedCandidate> CANDIDATES_BEST_FIRST =
            comparing(RankedCandidate::score, MatchScoring::betterFirst)
                    .thenComparing(r -> r.candidate().pseudonym());
    private static final Comparator<RankedPlacement> PLACEMENTS_BEST_FIRST =
            comparing(RankedPlacement::score, MatchScoring::betterFirst)
                    .thenComparing(r -> r.placement().placementId());

    /** How far a candidate's Dutch is from a minimum for one skill, from none to the furthest. */
    private enum LanguageGap {
        MEETS, ROOM_TO_GROW, ONE_SHORT, TOO_LOW
    }

    private MatchScoring() {
    }

    /**
     * Whether the placement reaches the candidate: they live in its labour-market region or in a region it was opened
     * to. A candidate out of reach is never matched, however near across a region border.
     */
    public static boolean inReach(Candidate candidate, PlacementRequirements placement) {
        String region = candidate.location().labourMarketRegionCode();
        return region.equals(placement.location().labourMarketRegionCode())
                || placement.openToRegionCodes().contains(region);
    }

    /** The score of a candidate for a placement; a candidate out of reach scores 0 for nearness. */
    public static MatchScore score(Candidate candidate, PlacementRequirements placement) {
        return MatchScore.of(List.of(occupation(candidate, placement), education(candidate, placement),
                language(candidate, placement), hours(candidate, placement), nearness(candidate, placement)));
    }

    /** The candidates the placement reaches, best first; equal scores by nearness, then by pseudonym. */
    public static List<RankedCandidate> rank(PlacementRequirements placement, Collection<Candidate> candidates) {
        return candidates.stream().filter(c -> inReach(c, placement))
                .map(c -> new RankedCandidate(c, score(c, placement)))
                .sorted(CANDIDATES_BEST_FIRST).toList();
    }

    /** The placements that reach the candidate, best first; equal scores by nearness, then by placement id. */
    public static List<RankedPlacement> rankPlacements(Candidate candidate, Collection<PlacementRequirements> placements) {
        return placements.stream().filter(p -> inReach(candidate, p))
                .map(p -> new RankedPlacement(p, score(candidate, p)))
                .sorted(PLACEMENTS_BEST_FIRST).toList();
    }

    private static ScoreComponent occupation(Candidate candidate, PlacementRequirements placement) {
        int shared = 0;
        String closest = null;
        for (String code : candidate.iscoCodes()) {
            int digits = sharedDigits(code, placement.iscoCode());
            if (digits > shared) {
                shared = digits;
                closest = code;
            }
        }
        int points = OCCUPATION_BY_SHARED_DIGITS[shared];
        if (NO_EXPERIENCE_NEEDED.contains(placement.kind()) && points < NO_EXPERIENCE_FLOOR) {
            return ScoreComponent.of(Criterion.OCCUPATION, NO_EXPERIENCE_FLOOR, OCCUPATION_MAX,
                    REASON + "occupation.no-experience-needed");
        }
        String reason = REASON + "occupation." + OCCUPATION_REASONS[shared];
        return closest == null ? ScoreComponent.of(Criterion.OCCUPATION, points, OCCUPATION_MAX, reason)
                : ScoreComponent.of(Criterion.OCCUPATION, points, OCCUPATION_MAX, reason, closest);
    }

    private static ScoreComponent education(Candidate candidate, PlacementRequirements placement) {
        IscedLevel minimum = placement.minimumEducation();
        IscedLevel level = candidate.education();
        if (minimum == null || minimum == IscedLevel.UNKNOWN) {
            return ScoreComponent.of(Criterion.EDUCATION, EDUCATION_MAX, EDUCATION_MAX, REASON + "education.no-minimum");
        }
        if (level == null || level == IscedLevel.UNKNOWN) {
            return ScoreComponent.of(Criterion.EDUCATION, EDUCATION_PARTLY, EDUCATION_MAX, REASON + "education.unknown",
                    iscedNumber(minimum));
        }
        int below = minimum.compareTo(level);
        int points = below <= 0 ? EDUCATION_MAX : below == 1 ? EDUCATION_PARTLY : 0;
        String reason = below <= 0 ? "meets" : below == 1 ? "one-level-below" : "below";
        return ScoreComponent.of(Criterion.EDUCATION, points, EDUCATION_MAX, REASON + "education." + reason,
                iscedNumber(level), iscedNumber(minimum));
    }

    /**
     * The average over the skills with a minimum; the reason names the furthest gap (it is what to talk about first)
     * and how many of the asked skills have it.
     */
    private static ScoreComponent language(Candidate candidate, PlacementRequirements placement) {
        int asked = 0;
        int fifths = 0;
        LanguageGap worst = LanguageGap.MEETS;
        int atWorst = 0;
        for (Map.Entry<CefrSkill, CefrLevel> minimum : placement.minimumDutch().entrySet()) {
            if (minimum.getValue() == CefrLevel.UNKNOWN) {
                continue;
            }
            LanguageGap gap = gap(candidate.dutch().get(minimum.getKey()), minimum.getValue(), placement.languageSupport());
            asked++;
            fifths += switch (gap) {
                case MEETS -> SKILL_MEETS;
                case ROOM_TO_GROW -> SKILL_ROOM_TO_GROW;
                case ONE_SHORT -> SKILL_ONE_SHORT;
                case TOO_LOW -> 0;
            };
            if (gap.compareTo(worst) > 0) {
                worst = gap;
                atWorst = 0;
            }
            if (gap == worst) {
                atWorst++;
            }
        }
        if (asked == 0) {
            return ScoreComponent.of(Criterion.LANGUAGE, LANGUAGE_MAX, LANGUAGE_MAX, REASON + "language.no-minimum");
        }
        int points = roundedShare(LANGUAGE_MAX * fifths, SKILL_MEETS * asked);
        return switch (worst) {
            case MEETS -> ScoreComponent.of(Criterion.LANGUAGE, points, LANGUAGE_MAX, REASON + "language.meets");
            case ROOM_TO_GROW -> ScoreComponent.of(Criterion.LANGUAGE, points, LANGUAGE_MAX,
                    REASON + "language.room-to-grow", atWorst, asked);
            case ONE_SHORT -> ScoreComponent.of(Criterion.LANGUAGE, points, LANGUAGE_MAX,
                    REASON + "language.one-level-short", atWorst, asked);
            case TOO_LOW -> ScoreComponent.of(Criterion.LANGUAGE, points, LANGUAGE_MAX, REASON + "language.too-low",
                    atWorst, asked);
        };
    }

    private static ScoreComponent hours(Candidate candidate, PlacementRequirements placement) {
        Integer available = candidate.availableHoursPerWeek();
        int asked = placement.hoursPerWeek();
        if (available == null) {
            return ScoreComponent.of(Criterion.HOURS, HOURS_UNKNOWN, HOURS_MAX, REASON + "hours.unknown", asked);
        }
        if (available >= asked) {
            return ScoreComponent.of(Criterion.HOURS, HOURS_MAX, HOURS_MAX, REASON + "hours.enough", available, asked);
        }
        // at least three quarters of the hours is worth a conversation with the employer
        if (available * 4 >= asked * 3) {
            return ScoreComponent.of(Criterion.HOURS, HOURS_NEARLY, HOURS_MAX, REASON + "hours.nearly", available, asked);
        }
        return ScoreComponent.of(Criterion.HOURS, 0, HOURS_MAX, REASON + "hours.too-few", available, asked);
    }

    private static ScoreComponent nearness(Candidate candidate, PlacementRequirements placement) {
        Location home = candidate.location();
        Location work = placement.location();
        if (!inReach(candidate, placement)) {
            return ScoreComponent.of(Criterion.NEARNESS, 0, NEARNESS_MAX, REASON + "nearness.out-of-reach");
        }
        if (home.municipalityCode().equals(work.municipalityCode())) {
            return ScoreComponent.of(Criterion.NEARNESS, NEAR_MUNICIPALITY, NEARNESS_MAX,
                    REASON + "nearness.same-municipality");
        }
        // a COROP area is a core town with the area around it, so it follows daily travel better than the region
        if (home.coropCode().equals(work.coropCode())) {
            return ScoreComponent.of(Criterion.NEARNESS, NEAR_COROP, NEARNESS_MAX, REASON + "nearness.same-corop");
        }
        if (home.labourMarketRegionCode().equals(work.labourMarketRegionCode())) {
            return ScoreComponent.of(Criterion.NEARNESS, NEAR_REGION, NEARNESS_MAX, REASON + "nearness.same-region");
        }
        return ScoreComponent.of(Criterion.NEARNESS, NEAR_OPENED_REGION, NEARNESS_MAX,
                REASON + "nearness.opened-region");
    }

    static <E extends Enum<E>> E higher(E one, E other) {
        return one.compareTo(other) >= 0 ? one : other;
    }

    private static LanguageGap gap(CefrLevel level, CefrLevel minimum, boolean languageSupport) {
        if (level == null || level == CefrLevel.UNKNOWN) {
            return LanguageGap.TOO_LOW;
        }
        int levelsShort = minimum.compareTo(level);
        if (levelsShort <= 0) {
            return LanguageGap.MEETS;
        }
        if (levelsShort == 1) {
            return languageSupport ? LanguageGap.ROOM_TO_GROW : LanguageGap.ONE_SHORT;
        }
        return LanguageGap.TOO_LOW;
    }

    private static int betterFirst(MatchScore one, MatchScore other) {
        int byTotal = Integer.compare(other.total(), one.total());
        return byTotal != 0 ? byTotal
                : Integer.compare(other.points(Criterion.NEARNESS), one.points(Criterion.NEARNESS));
    }

    private static int sharedDigits(String one, String other) {
        int length = Math.min(4, Math.min(one.length(), other.length()));
        int shared = 0;
        while (shared < length && one.charAt(shared) == other.charAt(shared)) {
            shared++;
        }
        return shared;
    }

    /** numerator / denominator rounded half up, for non-negative numbers. */
    private static int roundedShare(int numerator, int denominator) {
        return (2 * numerator + denominator) / (2 * denominator);
    }

    private static int iscedNumber(IscedLevel level) {
        return Integer.parseInt(level.name().substring("ISCED_".length()));
    }
}
