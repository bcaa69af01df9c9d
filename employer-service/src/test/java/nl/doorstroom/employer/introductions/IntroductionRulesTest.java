package nl.doorstroom.employer.introductions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import nl.doorstroom.employer.introductions.IntroductionRules.Party;
import nl.doorstroom.employer.introductions.IntroductionRules.Step;
import nl.doorstroom.schemas.employer.IntroductionStatus;

class IntroductionRulesTest {

    @ParameterizedTest(name = "{1} by {2} after {0}: {3}")
    @CsvSource(nullValues = "-", textBlock = """
            # status,          step,           party,       refusal
            -,                 AGREE,          CASE_WORKER, employer.problem.no-introduction
            PROPOSED,          AGREE,          CASE_WORKER, -
            PROPOSED,          AGREE,          EMPLOYER,    employer.problem.not-your-step
            PROPOSED,          OFFER,          EMPLOYER,    employer.problem.step-not-now
            AGREED,            PLAN_INTERVIEW, EMPLOYER,    -
            AGREED,            PLAN_INTERVIEW, CASE_WORKER, employer.problem.not-your-step
            INTERVIEW_PLANNED, PLAN_INTERVIEW, EMPLOYER,    -
            AGREED,            OFFER,          EMPLOYER,    -
            INTERVIEW_PLANNED, OFFER,          EMPLOYER,    -
            OFFERED,           ACCEPT,         CASE_WORKER, -
            OFFERED,           ACCEPT,         EMPLOYER,    employer.problem.not-your-step
            AGREED,            ACCEPT,         CASE_WORKER, employer.problem.step-not-now
            ACCEPTED,          START,          EMPLOYER,    -
            ACCEPTED,          START,          CASE_WORKER, -
            OFFERED,           START,          EMPLOYER,    employer.problem.step-not-now
            STARTED,           END,            CASE_WORKER, -
            ACCEPTED,          END,            EMPLOYER,    employer.problem.step-not-now
            PROPOSED,          DECLINE,        CASE_WORKER, -
            OFFERED,           DECLINE,        EMPLOYER,    -
            STARTED,           DECLINE,        EMPLOYER,    employer.problem.step-not-now
            DECLINED,          AGREE,          CASE_WORKER, employer.problem.step-not-now
            WITHDRAWN,         AGREE,          CASE_WORKER, employer.problem.step-not-now
            ENDED,             END,            EMPLOYER,    employer.problem.step-not-now
            """)
    void whoMayTakeWhichStepWhen(IntroductionStatus status, Step step, Party party, String refusal) {
        assertThat(IntroductionRules.conflict(status, step, party).orElse(null)).isEqualTo(refusal);
    }

    @ParameterizedTest(name = "a new proposal after {0}: {1}")
    @CsvSource(nullValues = "-", textBlock = """
            -,         -
            PROPOSED,  employer.problem.introduction-exists
            STARTED,   employer.problem.introduction-exists
            DECLINED,  -
            WITHDRAWN, -
            ENDED,     -
            """)
    void aCandidateIsProposedAgainOnlyOnceTheLastIntroductionStopped(IntroductionStatus status, String refusal) {
        assertThat(IntroductionRules.proposalConflict(status).orElse(null)).isEqualTo(refusal);
    }

    @ParameterizedTest(name = "the employer sees a name when {0}: {1}")
    @CsvSource(textBlock = """
            PROPOSED,          false
            AGREED,            true
            INTERVIEW_PLANNED, true
            OFFERED,           true
            ACCEPTED,          true
            STARTED,           true
            ENDED,             false
            DECLINED,          false
            WITHDRAWN,         false
            """)
    void theNameIsVisibleOnlyBetweenAgreementAndTheEnd(IntroductionStatus status, boolean visible) {
        assertThat(IntroductionRules.nameVisible(status)).isEqualTo(visible);
    }

    @ParameterizedTest(name = "a place is taken when {0}: {1}")
    @CsvSource(textBlock = """
            PROPOSED,          false
            OFFERED,           false
            ACCEPTED,          true
            STARTED,           true
            ENDED,             false
            DECLINED,          false
            WITHDRAWN,         false
            """)
    void aPlaceIsTakenFromTheAcceptanceUntilTheEnd(IntroductionStatus status, boolean taken) {
        assertThat(IntroductionRules.fillsAPlace(status)).isEqualTo(taken);
    }

    @ParameterizedTest(name = "after {0} the {1} may take {2}")
    @CsvSource(delimiter = ';', textBlock = """
            PROPOSED;          CASE_WORKER; AGREE, DECLINE
            PROPOSED;          EMPLOYER;    DECLINE
            AGREED;            EMPLOYER;    PLAN_INTERVIEW, OFFER, DECLINE
            AGREED;            CASE_WORKER; DECLINE
            OFFERED;           CASE_WORKER; ACCEPT, DECLINE
            ACCEPTED;          EMPLOYER;    DECLINE, START
            STARTED;           CASE_WORKER; END
            ENDED;             EMPLOYER;    ''
            """)
    void theStepsOfEachPartyFollowTheStatus(IntroductionStatus status, Party party, String steps) {
        assertThat(IntroductionRules.stepsFor(status, party).stream().map(Enum::name).toList())
                .containsExactly(steps.isEmpty() ? new String[0] : steps.split(",\\s*"));
    }
}
