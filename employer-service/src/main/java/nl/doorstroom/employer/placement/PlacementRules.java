package nl.doorstroom.employer.placement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import nl.doorstroom.platform.write.FieldProblem;
import nl.doorstroom.schemas.employer.PlacementKind;
import nl.doorstroom.schemas.employer.PlacementTerms;
import nl.doorstroom.schemas.intake.CefrLevel;
import nl.doorstroom.schemas.intake.CefrSkill;
import nl.doorstroom.schemas.intake.IscedLevel;

/**
 * The rules of a placement that one field's constraint cannot express: codes that must exist, a start that is not in
 * the past, one minimum per language skill, the neighbouring regions it is opened to, and which steps a closed
 * placement still allows. Pure: no web, no Kafka.
 */
public final class PlacementRules {

    static final int MIN_HOURS_PER_WEEK = 1;
    static final int MAX_HOURS_PER_WEEK = 60;
    /** A placement is for a handful of people; an employer with more places posts more placements. */
    static final int MAX_PLACES = 500;

    private PlacementRules() {
    }

    /** What an employer can do with a placement. */
    public enum Step { POST, CHANGE, CLOSE }

    /**
     * The problems of a posting or a change; empty when it may be saved.
     *
     * @param input            the terms as sent (fields already valid on their own)
     * @param current          the terms as they stand, or {@code null} for a posting
     * @param today            today's date in the Netherlands
     * @param ownRegion        the labour-market region of the place of work
     * @param knownRegion      whether a labour-market region code exists
     * @param knownOccupation  whether an ISCO-08 unit group exists
     */
    public static List<FieldProblem> problems(PlacementInput input, PlacementTerms current, LocalDate today,
                                              String ownRegion, Predicate<String> knownRegion,
                                              Predicate<String> knownOccupation) {
        List<FieldProblem> problems = new ArrayList<>();
        if (input.kind() == PlacementKind.UNKNOWN) {
            problems.add(new FieldProblem("kind", "unknownKind", "employer.problem.unknown-kind"));
        }
        if (input.iscoCode() != null && !knownOccupation.test(input.iscoCode())) {
            problems.add(new FieldProblem("iscoCode", "unknownOccupation", "employer.problem.unknown-occupation"));
        }
        // a change may keep a start that has passed meanwhile; a new start date is never in the past
        boolean startKept = current != null && current.getStartDate().equals(input.startDate());
        if (input.startDate() != null && input.startDate().isBefore(today) && !startKept) {
            problems.add(new FieldProblem("startDate", "startInPast", "employer.problem.start-in-past"));
        }
        if (input.minimumEducation() == IscedLevel.UNKNOWN) {
            problems.add(new FieldProblem("minimumEducation", "unknownLevel", "employer.problem.unknown-education-level"));
        }
        Set<CefrSkill> skills = new HashSet<>();
        List<PlacementInput.LanguageMinimum> minimums = input.minimumLanguageLevels() == null ? List.of()
                : input.minimumLanguageLevels();
        for (int i = 0; i < minimums.size(); i++) {
            PlacementInput.LanguageMinimum minimum = minimums.get(i);
            String field = "minimumLanguageLevels[" + i + "]";
            if (minimum.skill() == CefrSkill.UNKNOWN) {
                problems.add(new FieldProblem(field + ".skill", "unknownSkill", "employer.problem.unknown-language-skill"));
            } else if (!skills.add(minimum.skill())) {
                problems.add(new FieldProblem(field + ".skill", "duplicateSkill", "employer.problem.duplicate-language-skill"));
            }
            if (minimum.level() == CefrLevel.UNKNOWN) {
                problems.add(new FieldProblem(field + ".level", "unknownLevel", "employer.problem.unknown-language-level"));
            }
        }
        List<String> regions = input.neighbouringRegionCodes() == null ? List.of() : input.neighbouringRegionCodes();
        for (int i = 0; i < regions.size(); i++) {
            String region = regions.get(i);
            String field = "neighbouringRegionCodes[" + i + "]";
            if (region.equals(ownRegion)) {
                problems.add(new FieldProblem(field, "ownRegion", "employer.problem.own-region"));
            } else if (!knownRegion.test(region)) {
                problems.add(new FieldProblem(field, "unknownRegion", "employer.problem.unknown-region"));
            }
        }
        return problems;
    }

    /** Why a step is not allowed on the placement as it stands, as a message key; empty when it is. */
    public static Optional<String> conflict(PlacementRecord placement, Step step) {
        return switch (step) {
            case POST -> placement.isPosted() ? Optional.of("employer.problem.already-posted") : Optional.empty();
            case CHANGE, CLOSE -> placement.isOpen() ? Optional.empty() : Optional.of("employer.problem.placement-closed");
        };
    }

    /** The labour-market regions whose case workers see the placement: its own, then the ones it is opened to. */
    public static Set<String> regionsThatSee(String ownRegion, PlacementTerms terms) {
        Set<String> regions = new LinkedHashSet<>();
        regions.add(ownRegion);
        regions.addAll(terms.getNeighbouringRegionCodes());
        return regions;
    }
}
