package nl.doorstroom.trajectory.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import nl.doorstroom.schemas.trajectory.LearnabilityTestOutcome;
import nl.doorstroom.schemas.trajectory.LearningRoute;
import nl.doorstroom.platform.write.FieldProblem;

class LearningRoutesTest {

    @ParameterizedTest(name = "{0} → {1}, reason \"{2}\": reason required = {3}")
    @CsvSource(nullValues = "-", value = {
            "B1_ATTAINABLE,     B1_ROUTE,       -,                         false",
            "B1_ATTAINABLE,     ONDERWIJSROUTE, -,                         false",
            "B1_ATTAINABLE,     Z_ROUTE,        -,                         true",
            "B1_ATTAINABLE,     Z_ROUTE,        '   ',                     true",
            "B1_ATTAINABLE,     Z_ROUTE,        care duties for children,  false",
            "B1_NOT_ATTAINABLE, Z_ROUTE,        -,                         false",
            "B1_NOT_ATTAINABLE, B1_ROUTE,       -,                         true",
            "B1_NOT_ATTAINABLE, ONDERWIJSROUTE, -,                         true",
            "B1_NOT_ATTAINABLE, B1_ROUTE,       strong progress in course, false",
            "EXEMPTED,          B1_ROUTE,       -,                         false",
            "EXEMPTED,          Z_ROUTE,        -,                         false",
    })
    void aRouteTheTestDoesNotAllowNeedsAReason(LearnabilityTestOutcome outcome, LearningRoute route, String reason,
                                               boolean reasonRequired) {
        var problems = LearningRoutes.problems(outcome, route, reason);
        if (reasonRequired) {
            assertThat(problems).containsExactly(new FieldProblem("deviationReason", "required",
                    LearningRoutes.REASON_REQUIRED));
        } else {
            assertThat(problems).isEmpty();
        }
    }
}
