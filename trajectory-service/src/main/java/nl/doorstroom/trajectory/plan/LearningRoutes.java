package nl.doorstroom.trajectory.plan;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import nl.doorstroom.schemas.trajectory.LearnabilityTestOutcome;
import nl.doorstroom.schemas.trajectory.LearningRoute;
import nl.doorstroom.platform.write.FieldProblem;

/**
 * Which learning routes the leerbaarheidstoets allows. B1 attainable: the B1-route or the onderwijsroute (both aim at
 * B1); B1 not attainable: the Z-route; exempted from the test (art. 14(6)-(7) Wi2021): no outcome limits the route.
 * The municipality may depart from the outcome if it gives its reasons, so another route needs a recorded reason.
 */
public final class LearningRoutes {

    static final String REASON_REQUIRED = "trajectory.field.route-needs-reason";

    private LearningRoutes() {
    }

    public static Set<LearningRoute> allowedBy(LearnabilityTestOutcome outcome) {
        return switch (outcome) {
            case B1_ATTAINABLE -> EnumSet.of(LearningRoute.B1_ROUTE, LearningRoute.ONDERWIJSROUTE);
            case B1_NOT_ATTAINABLE -> EnumSet.of(LearningRoute.Z_ROUTE);
            case EXEMPTED, UNKNOWN -> EnumSet.of(LearningRoute.B1_ROUTE, LearningRoute.ONDERWIJSROUTE, LearningRoute.Z_ROUTE);
        };
    }

    /** The field problems of adopting {@code route} after a test with {@code outcome}, with or without a reason. */
    public static List<FieldProblem> problems(LearnabilityTestOutcome outcome, LearningRoute route, String deviationReason) {
        boolean reasoned = deviationReason != null && !deviationReason.isBlank();
        if (allowedBy(outcome).contains(route) || reasoned) {
            return List.of();
        }
        return List.of(new FieldProblem("deviationReason", "required", REASON_REQUIRED));
    }
}
