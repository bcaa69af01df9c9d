package nl.doorstroom.trajectory.milestones;

import java.util.ArrayList;
import java.util.List;

import nl.doorstroom.schemas.intake.CefrLevel;
import nl.doorstroom.schemas.intake.CefrSkill;
import nl.doorstroom.schemas.trajectory.MilestoneKind;
import nl.doorstroom.platform.write.FieldProblem;

/** Exams are passed per skill at a level, so a passed exam names both; other milestones name neither. */
public final class MilestoneRules {

    static final String REQUIRED_FOR_EXAM = "trajectory.field.required-for-exam";
    static final String ONLY_FOR_EXAM = "trajectory.field.only-for-exam";

    private MilestoneRules() {
    }

    public static List<FieldProblem> problems(MilestoneKind kind, CefrSkill skill, CefrLevel level) {
        List<FieldProblem> problems = new ArrayList<>();
        boolean exam = kind == MilestoneKind.EXAM_PASSED;
        if (exam && skill == null) {
            problems.add(new FieldProblem("skill", "required", REQUIRED_FOR_EXAM));
        }
        if (exam && level == null) {
            problems.add(new FieldProblem("level", "required", REQUIRED_FOR_EXAM));
        }
        if (!exam && skill != null) {
            problems.add(new FieldProblem("skill", "onlyForExam", ONLY_FOR_EXAM));
        }
        if (!exam && level != null) {
            problems.add(new FieldProblem("level", "onlyForExam", ONLY_FOR_EXAM));
        }
        return problems;
    }
}
