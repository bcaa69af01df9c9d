package nl.doorstroom.trajectory.activities;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import nl.doorstroom.schemas.trajectory.ActivityKind;
import nl.doorstroom.platform.write.FieldProblem;

class ActivityRulesTest {

    private static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();

    @AfterAll
    static void close() {
        VALIDATION.close();
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }

    @ParameterizedTest(name = "planned {0}..{1}, actual {2}..{3} → {4}")
    @CsvSource(nullValues = "-", value = {
            "2026-03-02, 2026-12-18, -,          -,          -",
            "2026-03-02, -,          -,          -,          -",
            "2026-03-02, 2026-03-02, 2026-03-02, 2026-03-02, -",
            "2026-03-02, 2026-03-01, -,          -,          plannedEnd:endsBeforeStart",
            "2026-03-02, 2026-12-18, 2026-03-09, 2026-03-06, actualEnd:endsBeforeStart",
            "2026-03-02, 2026-12-18, -,          2026-06-01, actualStart:required",
            "2026-03-02, 2026-01-01, 2026-03-09, 2026-03-06, plannedEnd:endsBeforeStart actualEnd:endsBeforeStart",
    })
    void anActivityDoesNotEndBeforeItStarts(String plannedStart, String plannedEnd, String actualStart, String actualEnd,
                                            String expected) {
        List<String> problems = ActivityRules.dateProblems(date(plannedStart), date(plannedEnd), date(actualStart),
                date(actualEnd)).stream().map(p -> p.field() + ":" + p.code()).toList();
        assertThat(problems).isEqualTo(expected == null ? List.of() : Arrays.asList(expected.split(" ")));
    }

    @ParameterizedTest(name = "{0} hours per week valid: {1}")
    @CsvSource({"-1, false", "0, true", "1, true", "24, true", "60, true", "61, false", "168, false"})
    void hoursPerWeekAreZeroToSixty(int hours, boolean valid) {
        ActivityInput input = new ActivityInput(3, ActivityKind.LANGUAGE_COURSE, date("2026-03-02"), null, null, null,
                hours, "Taalschool Utrecht");
        var violations = VALIDATION.getValidator().validate(input);
        assertThat(violations.isEmpty()).isEqualTo(valid);
        violations.forEach(v -> assertThat(v.getPropertyPath()).hasToString("hoursPerWeek"));
    }

    @Test
    void theKindOfAnActivityStays() {
        assertThat(ActivityRules.changeProblems(ActivityKind.INTERNSHIP, ActivityKind.INTERNSHIP)).isEmpty();
        assertThat(ActivityRules.changeProblems(ActivityKind.INTERNSHIP, ActivityKind.PAID_WORK))
                .containsExactly(new FieldProblem("kind", "unchanged", ActivityRules.KIND_UNCHANGED));
    }
}
