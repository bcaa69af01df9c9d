package nl.doorstroom.trajectory.casework;

import java.util.List;
import java.util.Set;

import org.springframework.context.MessageSource;

import jakarta.validation.ConstraintViolation;
import nl.doorstroom.schemas.intake.CefrLevel;
import nl.doorstroom.schemas.intake.CefrSkill;
import nl.doorstroom.schemas.trajectory.ActivityKind;
import nl.doorstroom.schemas.trajectory.ClosureOutcome;
import nl.doorstroom.schemas.trajectory.LearnabilityTestOutcome;
import nl.doorstroom.schemas.trajectory.LearningRoute;
import nl.doorstroom.schemas.trajectory.MilestoneKind;
import nl.doorstroom.trajectory.casework.PageForm.Type;
import nl.doorstroom.platform.web.RefusalStatus;
import nl.doorstroom.platform.write.ChangeRefusedException;
import nl.doorstroom.platform.write.StaleVersionException;

/** The fields of each form, named as in the API's input records, and how a sent form becomes a change. */
final class TrajectoryForms {


    private TrajectoryForms() {
    }

    static List<PageForm.Field> acceptance(MessageSource messages) {
        return new PageForm.Fields(messages).hinted("caseWorkerAccountId", Type.TEXT, false).build();
    }

    static List<PageForm.Field> bredeIntake(MessageSource messages) {
        return new PageForm.Fields(messages)
                .add("date", Type.DATE, true)
                .choice("learnabilityTestOutcome", LearnabilityTestOutcome.class, true)
                .add("educationFindings", Type.TEXTAREA, false)
                .add("workFindings", Type.TEXTAREA, false)
                .hinted("circumstancesFindings", Type.TEXTAREA, false)
                .build();
    }

    static List<PageForm.Field> plan(MessageSource messages) {
        return new PageForm.Fields(messages)
                .choice("learningRoute", LearningRoute.class, true)
                .add("adoptedOn", Type.DATE, true)
                .hinted("deviationReason", Type.TEXTAREA, false)
                .build();
    }

    static List<PageForm.Field> activity(MessageSource messages) {
        return new PageForm.Fields(messages)
                .choice("kind", ActivityKind.class, true)
                .add("plannedStart", Type.DATE, true)
                .add("plannedEnd", Type.DATE, false)
                .add("actualStart", Type.DATE, false)
                .add("actualEnd", Type.DATE, false)
                .hinted("hoursPerWeek", Type.NUMBER, true)
                .add("provider", Type.TEXT, false)
                .build();
    }

    static List<PageForm.Field> milestone(MessageSource messages) {
        return new PageForm.Fields(messages)
                .choice("kind", MilestoneKind.class, true)
                .add("date", Type.DATE, true)
                .choice("skill", CefrSkill.class, false)
                .choice("level", CefrLevel.class, false)
                .add("description", Type.TEXTAREA, false)
                .build();
    }

    static List<PageForm.Field> closure(MessageSource messages) {
        return new PageForm.Fields(messages)
                .add("closedOn", Type.DATE, true)
                .choice("outcome", ClosureOutcome.class, true)
                .add("note", Type.TEXTAREA, false)
                .build();
    }

    /** The municipality the person moves to, picked from today's municipalities by name, each with its region. */
    static List<PageForm.Field> move(MessageSource messages, List<PageForm.Option> municipalities) {
        return new PageForm.Fields(messages)
                .picker("toMunicipalityCode", true, municipalities)
                .add("moveDate", Type.DATE, true)
                .build();
    }

    /** Where a form is sent, below the person page. */
    static String path(String form, String activityId) {
        return switch (form) {
            case "acceptance" -> "/acceptatie";
            case "bredeIntake" -> "/brede-intake";
            case "plan" -> "/plan";
            case "activity" -> "/activiteiten";
            case "activityChange" -> "/activiteiten/" + activityId;
            case "milestone" -> "/mijlpalen";
            case "closure" -> "/afsluiting";
            case "move" -> "/verhuizing";
            default -> throw new IllegalArgumentException(form);
        };
    }

    /** The id of a form's button, stable for browser tests. */
    static String button(String form) {
        return switch (form) {
            case "acceptance" -> "accept";
            case "bredeIntake" -> "record-brede-intake";
            case "plan" -> "adopt-plan";
            case "activity" -> "plan-activity";
            case "activityChange" -> "save";
            case "milestone" -> "record-milestone";
            case "closure" -> "close-trajectory";
            case "move" -> "move";
            default -> throw new IllegalArgumentException(form);
        };
    }

    /**
     * Checks the input record as the API would (Bean Validation) and applies the change through the API's resource,
     * which adds the rules that need the record. Every refusal lands on the form: per field, or for the whole form
     * (a stale version, with the current one, which the form then carries; a step not allowed now).
     *
     * @return 0 when the change was applied, otherwise the HTTP status to answer the form with
     */
    static int submit(PageForm form, Set<? extends ConstraintViolation<?>> violations, Runnable change) {
        form.reject(violations);
        if (form.hasErrors()) {
            return 400;
        }
        try {
            change.run();
            return 0;
        } catch (ChangeRefusedException e) {
            if (e instanceof StaleVersionException stale) {
                int current = stale.currentVersion().getAsInt();
                form.fail("page.form.stale", current);
                form.with(PageForm.VERSION, current);
            } else if (!e.fieldProblems().isEmpty()) {
                e.fieldProblems().forEach(problem -> form.rejectKey(problem.field(), problem.reasonKey()));
            } else {
                form.fail(e.messageKey() + ".detail");
            }
            return RefusalStatus.of(e).value();
        }
    }
}
