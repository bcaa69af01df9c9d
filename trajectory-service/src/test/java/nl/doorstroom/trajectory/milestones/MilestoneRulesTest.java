package nl.doorstroom.trajectory.milestones;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import nl.doorstroom.schemas.intake.CefrLevel;
import nl.doorstroom.schemas.intake.CefrSkill;
import nl.doorstroom.schemas.trajectory.MilestoneKind;

class MilestoneRulesTest {

    @ParameterizedTest(name = "{0} {1} {2} → {3}")
    @CsvSource(nullValues = "-", value = {
            "EXAM_PASSED,    READING, B1, -",
            "EXAM_PASSED,    -,       B1, skill:required",
            "EXAM_PASSED,    WRITING, -,  level:required",
            "EXAM_PASSED,    -,       -,  skill:required level:required",
            "DIPLOMA,        -,       -,  -",
            "FIRST_PAID_JOB, -,       -,  -",
            "LEFT_BENEFITS,  READING, -,  skill:onlyForExam",
            "DIPLOMA,        -,       B2, level:onlyForExam",
    })
    void aPassedExamNamesItsSkillAndLevel(MilestoneKind kind, CefrSkill skill, CefrLevel level, String expected) {
        List<String> problems = MilestoneRules.problems(kind, skill, level).stream()
                .map(p -> p.field() + ":" + p.code()).toList();
        assertThat(problems).isEqualTo(expected == null ? List.of() : Arrays.asList(expected.split(" ")));
    }
}
