package nl.doorstroom.employer.introductions;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import nl.doorstroom.schemas.employer.IntroductionStatus;

/**
 * Which step of an introduction may follow which, and whose step it is. The case worker proposes, records the
 * candidate's agreement (only then may the employer see a name) and the candidate's answer to an offer; the employer
 * plans an interview and makes an offer; either side records the start, the end, or a decline with a reason. Pure: no
 * web, no Kafka.
 */
public final class IntroductionRules {

    private IntroductionRules() {
    }

    /** Who takes a step: the case worker of the candidate's municipality, or the employer of the placement. */
    public enum Party { CASE_WORKER, EMPLOYER }

    /** The steps after the proposal, with the statuses they may follow and the parties that may take them. */
    public enum Step {
        AGREE(EnumSet.of(IntroductionStatus.PROPOSED), EnumSet.of(Party.CASE_WORKER)),
        PLAN_INTERVIEW(EnumSet.of(IntroductionStatus.AGREED, IntroductionStatus.INTERVIEW_PLANNED), EnumSet.of(Party.EMPLOYER)),
        OFFER(EnumSet.of(IntroductionStatus.AGREED, IntroductionStatus.INTERVIEW_PLANNED), EnumSet.of(Party.EMPLOYER)),
        ACCEPT(EnumSet.of(IntroductionStatus.OFFERED), EnumSet.of(Party.CASE_WORKER)),
        DECLINE(EnumSet.of(IntroductionStatus.PROPOSED, IntroductionStatus.AGREED, IntroductionStatus.INTERVIEW_PLANNED,
                IntroductionStatus.OFFERED, IntroductionStatus.ACCEPTED), EnumSet.allOf(Party.class)),
        START(EnumSet.of(IntroductionStatus.ACCEPTED), EnumSet.allOf(Party.class)),
        END(EnumSet.of(IntroductionStatus.STARTED), EnumSet.allOf(Party.class));

        private final Set<IntroductionStatus> after;
        private final Set<Party> takenBy;

        Step(Set<IntroductionStatus> after, Set<Party> takenBy) {
            this.after = after;
            this.takenBy = takenBy;
        }
    }

    /** Statuses in which the introduction is still going on (a new proposal for the same placement waits for its end). */
    static final Set<IntroductionStatus> OPEN = EnumSet.of(IntroductionStatus.PROPOSED, IntroductionStatus.AGREED,
            IntroductionStatus.INTERVIEW_PLANNED, IntroductionStatus.OFFERED, IntroductionStatus.ACCEPTED,
            IntroductionStatus.STARTED);

    /** Statuses in which the employer may see the candidate's name: the candidate agreed, and it has not ended. */
    static final Set<IntroductionStatus> NAME_VISIBLE = EnumSet.of(IntroductionStatus.AGREED,
            IntroductionStatus.INTERVIEW_PLANNED, IntroductionStatus.OFFERED, IntroductionStatus.ACCEPTED,
            IntroductionStatus.STARTED);

    /** Statuses in which the candidate takes one of the placement's places: the offer is accepted, or it started. */
    static final Set<IntroductionStatus> FILLING = EnumSet.of(IntroductionStatus.ACCEPTED, IntroductionStatus.STARTED);

    /** Why a proposal is not allowed, as a message key; empty when it is. */
    public static Optional<String> proposalConflict(IntroductionStatus current) {
        return current != null && OPEN.contains(current)
                ? Optional.of("employer.problem.introduction-exists") : Optional.empty();
    }

    /** Why a step is not allowed, as a message key; empty when it is. */
    public static Optional<String> conflict(IntroductionStatus current, Step step, Party party) {
        if (current == null) {
            return Optional.of("employer.problem.no-introduction");
        }
        if (!step.takenBy.contains(party)) {
            return Optional.of("employer.problem.not-your-step");
        }
        return step.after.contains(current) ? Optional.empty() : Optional.of("employer.problem.step-not-now");
    }

    /** The status a step leads to. */
    public static IntroductionStatus after(Step step) {
        return switch (step) {
            case AGREE -> IntroductionStatus.AGREED;
            case PLAN_INTERVIEW -> IntroductionStatus.INTERVIEW_PLANNED;
            case OFFER -> IntroductionStatus.OFFERED;
            case ACCEPT -> IntroductionStatus.ACCEPTED;
            case DECLINE -> IntroductionStatus.DECLINED;
            case START -> IntroductionStatus.STARTED;
            case END -> IntroductionStatus.ENDED;
        };
    }

    /** Whether the candidate takes one of the placement's places in this status. */
    public static boolean fillsAPlace(IntroductionStatus status) {
        return FILLING.contains(status);
    }

    /** The steps a party may take now, in the order they usually come. */
    public static List<Step> stepsFor(IntroductionStatus current, Party party) {
        return Arrays.stream(Step.values()).filter(step -> conflict(current, step, party).isEmpty()).toList();
    }

    /** Whether the employer may see the candidate's name and contact route in this status. */
    public static boolean nameVisible(IntroductionStatus status) {
        return NAME_VISIBLE.contains(status);
    }
}
