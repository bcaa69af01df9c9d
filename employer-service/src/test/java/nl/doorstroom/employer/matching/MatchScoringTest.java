package nl.doorstroom.employer.matching;

import static java.util.stream.Collectors.joining;
import static java.util.stream.Collectors.toMap;
import static nl.doorstroom.schemas.employer.PlacementKind.INTERNSHIP;
import static nl.doorstroom.schemas.employer.PlacementKind.LEARN_WORK_PLACE;
import static nl.doorstroom.schemas.employer.PlacementKind.PAID_JOB;
import static nl.doorstroom.schemas.employer.PlacementKind.VOLUNTEERING;
import static nl.doorstroom.schemas.employer.PlacementKind.WORK_EXPERIENCE_PLACE;
import static nl.doorstroom.schemas.intake.IscedLevel.ISCED_1;
import static nl.doorstroom.schemas.intake.IscedLevel.ISCED_2;
import static nl.doorstroom.schemas.intake.IscedLevel.ISCED_3;
import static nl.doorstroom.schemas.intake.IscedLevel.ISCED_4;
import static nl.doorstroom.schemas.intake.IscedLevel.ISCED_6;
import static nl.doorstroom.schemas.intake.IscedLevel.ISCED_7;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.ClassPathResource;

import nl.doorstroom.employer.matching.ScoreComponent.Criterion;
import nl.doorstroom.platform.reference.Municipalities;
import nl.doorstroom.schemas.employer.MinimumLanguageLevel;
import nl.doorstroom.schemas.employer.PlacementKind;
import nl.doorstroom.schemas.employer.PlacementTerms;
import nl.doorstroom.schemas.intake.CefrLevel;
import nl.doorstroom.schemas.intake.CefrSkill;
import nl.doorstroom.schemas.intake.IscedLevel;
import nl.doorstroom.schemas.trajectory.CandidateEducationLevel;
import nl.doorstroom.schemas.trajectory.CandidateLanguageLevel;
import nl.doorstroom.schemas.trajectory.CandidateProfile;

class MatchScoringTest {

    /** Locations come from the real reference list, so COROP areas and regions are as CBS draws them. */
    private static final Municipalities REFERENCE =
            Municipalities.load(new ClassPathResource("reference/municipalities.csv"));

    private static final Map<String, CefrSkill> SKILLS = Map.of("L", CefrSkill.LISTENING, "R", CefrSkill.READING,
            "SI", CefrSkill.SPOKEN_INTERACTION, "SP", CefrSkill.SPOKEN_PRODUCTION, "W", CefrSkill.WRITING);

    private static final Properties DUTCH_MESSAGES = messages("/messages.properties");
    private static final Properties ENGLISH_MESSAGES = messages("/messages_en.properties");

    // ---------------------------------------------------------------------------------------------------------------
    // The test set. Pseudonyms are readable here (in production they are employer-<32 base32 characters>).
    // Municipalities, with COROP area and labour-market region from the reference list (2026):
    //   GM0344 Utrecht, GM0356 Nieuwegein, GM0355 Zeist   CR17 Utrecht          AM13 Midden-Utrecht
    //   GM0307 Amersfoort                                 CR17 Utrecht          AM14 Amersfoort
    //   GM0345 Veenendaal                                 CR17 Utrecht          AM38 FoodValley
    //   GM0228 Ede                                        CR13 Veluwe           AM38 FoodValley
    //   GM0363 Amsterdam                                  CR23 Groot-Amsterdam  AM18 Groot Amsterdam
    // Dutch: L listening, R reading, SI spoken interaction, SP spoken production, W writing; a skill left out is unknown.
    // ---------------------------------------------------------------------------------------------------------------

    private static final List<Candidate> CANDIDATES = List.of(
            //        pseudonym                 lives in  ISCO-08      ISCED    Dutch                         hours
            candidate("utrecht-electrician",    "GM0344", "7411",      ISCED_3, "L:B1 R:A2 SI:A2 SP:A2 W:A2", 40),
            candidate("nieuwegein-fitter",      "GM0356", "7412",      ISCED_3, "L:A2 R:A2 SI:A2",            36),
            candidate("zeist-carpenter",        "GM0355", "7115",      ISCED_2, "L:B1 R:B1 SI:B1 SP:B1 W:A2", 40),
            candidate("amersfoort-electrician", "GM0307", "7411",      ISCED_4, "L:A2 SI:A1",                 null),
            candidate("amsterdam-developer",    "GM0363", "2512",      ISCED_7, "L:B2 R:B2 SI:B1 SP:B1 W:B1", 40),
            candidate("utrecht-developer",      "GM0344", "2511",      ISCED_6, "L:A2 R:A2 SI:A2 SP:A1 W:A2", 32),
            candidate("veenendaal-driver",      "GM0345", "8332",      ISCED_2, "L:A2 R:A1",                  40),
            candidate("nieuwegein-cook",        "GM0356", "5120",      null,    "L:A2 SI:A2",                 24),
            candidate("utrecht-care",           "GM0344", "5322",      ISCED_3, "L:B1 R:A2 SI:B1 SP:A2 W:A2", 32),
            candidate("zeist-newcomer",         "GM0355", "",          null,    "L:A1 SI:A1",                 20),
            candidate("utrecht-kitchen",        "GM0344", "9412 5131", ISCED_1, "L:A1 SI:A2",                 24),
            candidate("amersfoort-nurse",       "GM0307", "2221",      ISCED_6, "L:B1 R:B1 SI:B1 SP:B1 W:A2", 32),
            candidate("veenendaal-gardener",    "GM0345", "6113",      ISCED_2, "L:A2 SI:A2",                 16),
            candidate("amsterdam-driver",       "GM0363", "8322",      ISCED_3, "L:B1 R:B1 SI:B1",            40));

    private static final Map<String, PlacementRequirements> PLACEMENTS = byId(
            //        placement id                    kind                   ISCO    ISCED    Dutch asked                   support hours  where     opened to
            placement("utrecht-electrician-job",      PAID_JOB,              "7411", ISCED_3, "L:B1 SI:A2",                 false, 38, "GM0344", "AM14"),
            placement("nieuwegein-kitchen-wep",       WORK_EXPERIENCE_PLACE, "9412", null,    "L:A2 SI:A2",                 true,  24, "GM0356", ""),
            placement("utrecht-developer-internship", INTERNSHIP,            "2512", ISCED_6, "R:B1 W:A2",                  true,  32, "GM0344", "AM14 AM18"),
            placement("zeist-care-learn-work",        LEARN_WORK_PLACE,      "5321", ISCED_2, "L:B1 R:A2 SI:B1 SP:A2 W:A2", true,  32, "GM0355", "AM14"),
            placement("utrecht-garden-volunteer",     VOLUNTEERING,          "9214", null,    "",                           false,  8, "GM0344", ""),
            placement("ede-truck-driver",             PAID_JOB,              "8332", null,    "L:A2 R:A2",                  false, 40, "GM0228", "AM13"),
            placement("nieuwegein-cook-job",          PAID_JOB,              "5120", null,    "L:B1 SI:A2",                 true,  32, "GM0356", "AM38"));

    /**
     * The expected ranking of each placement, best first, with the points per component. Candidates left out are out
     * of reach. Equal totals go by nearness, then by pseudonym.
     */
    static Stream<Arguments> expectedRankings() {
        return Stream.of(
                arguments("utrecht-electrician-job", """
                        # AM13 and AM14 are in reach; Amsterdam and Veenendaal are not
                        #                        total occupation education language hours nearness
                        utrecht-electrician        100  35 15 25 10 15
                        nieuwegein-fitter           72  25 15 15  6 11   electrical fitter: same minor group 741
                        amersfoort-electrician      71  35 15  5  5 11   the occupation outweighs Dutch a level short
                        utrecht-care                61   0 15 25  6 15   ties with the carpenter, lives nearer
                        zeist-carpenter             61   8  7 25 10 11   carpenter: same major group 7
                        amersfoort-nurse            57   0 15 25  6 11
                        utrecht-developer           51   0 15 15  6 15
                        nieuwegein-cook             33   0  7 15  0 11
                        utrecht-kitchen             28   0  0 13  0 15
                        zeist-newcomer              21   0  7  3  0 11
                        """),
                arguments("nieuwegein-kitchen-wep", """
                        # a werkervaringsplaats: no experience needed, so everyone has at least 20 for occupation
                        #                        total occupation education language hours nearness
                        utrecht-kitchen             94  35 15 23 10 11   kitchen helper; A1 listening: room to grow
                        nieuwegein-cook             85  20 15 25 10 15
                        nieuwegein-fitter           85  20 15 25 10 15
                        utrecht-care                81  20 15 25 10 11
                        utrecht-developer           81  20 15 25 10 11
                        utrecht-electrician         81  20 15 25 10 11
                        zeist-carpenter             81  20 15 25 10 11
                        zeist-newcomer              72  20 15 20  6 11   20 of 24 hours is at least 75 %
                        """),
                arguments("utrecht-developer-internship", """
                        # opened to AM14 and AM18: everyone but Veenendaal is in reach
                        #                        total occupation education language hours nearness
                        amsterdam-developer         89  35 15 25 10  4   far, but the same occupation
                        utrecht-developer           88  25 15 23 10 15
                        amersfoort-nurse            81  20 15 25 10 11   major group 2 (8) is below the floor of 20
                        utrecht-care                68  20  0 23 10 15
                        utrecht-electrician         68  20  0 23 10 15
                        zeist-carpenter             66  20  0 25 10 11
                        nieuwegein-fitter           51  20  0 10 10 11   writing not known
                        amsterdam-driver            47  20  0 13 10  4
                        nieuwegein-cook             44  20  7  0  6 11
                        utrecht-kitchen             41  20  0  0  6 15
                        zeist-newcomer              38  20  7  0  0 11
                        amersfoort-electrician      36  20  0  0  5 11
                        """),
                arguments("zeist-care-learn-work", """
                        #                        total occupation education language hours nearness
                        utrecht-care                86  25 15 25 10 11   home-care worker: same minor group 532
                        zeist-carpenter             85  20 15 25 10 15
                        amersfoort-nurse            81  20 15 25 10 11
                        utrecht-electrician         80  20 15 24 10 11
                        utrecht-developer           78  20 15 22 10 11
                        nieuwegein-fitter           69  20 15 13 10 11
                        amersfoort-electrician      55  20 15  4  5 11
                        nieuwegein-cook             52  20  7  8  6 11
                        utrecht-kitchen             48  20  7  4  6 11
                        zeist-newcomer              42  20  7  0  0 15
                        """),
                arguments("utrecht-garden-volunteer", """
                        # volunteering asks nothing: only nearness tells the candidates apart
                        #                        total occupation education language hours nearness
                        utrecht-care                85  20 15 25 10 15
                        utrecht-developer           85  20 15 25 10 15
                        utrecht-electrician         85  20 15 25 10 15
                        utrecht-kitchen             85  20 15 25 10 15
                        nieuwegein-cook             81  20 15 25 10 11
                        nieuwegein-fitter           81  20 15 25 10 11
                        zeist-carpenter             81  20 15 25 10 11
                        zeist-newcomer              81  20 15 25 10 11
                        """),
                arguments("ede-truck-driver", """
                        # Ede is in FoodValley (AM38) and COROP Veluwe; opened to AM13, not to AM18 (the Amsterdam driver)
                        #                        total occupation education language hours nearness
                        veenendaal-driver           83  35 15 15 10  8   same region, other COROP area
                        utrecht-electrician         54   0 15 25 10  4
                        zeist-carpenter             54   0 15 25 10  4
                        nieuwegein-fitter           50   0 15 25  6  4
                        utrecht-care                50   0 15 25  6  4
                        utrecht-developer           50   0 15 25  6  4
                        veenendaal-gardener         36   0 15 13  0  8
                        nieuwegein-cook             32   0 15 13  0  4
                        utrecht-kitchen             22   0 15  3  0  4
                        zeist-newcomer              22   0 15  3  0  4
                        """),
                arguments("nieuwegein-cook-job", """
                        # opened to AM38: Veenendaal is in COROP Utrecht, like Nieuwegein
                        #                        total occupation education language hours nearness
                        nieuwegein-cook             94  35 15 23  6 15   A2 listening for B1: room to grow
                        utrecht-care                69   8 15 25 10 11
                        nieuwegein-fitter           63   0 15 23 10 15
                        utrecht-electrician         61   0 15 25 10 11
                        zeist-carpenter             61   0 15 25 10 11
                        utrecht-kitchen             60  15 15 13  6 11   waiter (5131): same sub-major group 51
                        utrecht-developer           59   0 15 23 10 11
                        veenendaal-gardener         49   0 15 23  0 11
                        veenendaal-driver           46   0 15 10 10 11
                        zeist-newcomer              36   0 15 10  0 11
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expectedRankings")
    void eachPlacementRanksTheTestSetAsExpected(String placementId, String expected) {
        List<String> expectedLines = expected.lines().filter(l -> !l.isBlank() && !l.strip().startsWith("#"))
                .map(l -> String.join(" ", Arrays.asList(l.strip().split("\\s+")).subList(0, 7))).toList();

        List<String> actual = MatchScoring.rank(PLACEMENTS.get(placementId), CANDIDATES).stream()
                .map(r -> r.candidate().pseudonym() + " " + r.score().total() + " " + r.score().components().stream()
                        .map(c -> String.valueOf(c.points())).collect(joining(" ")))
                .toList();

        assertThat(actual).containsExactlyElementsOf(expectedLines);
    }

    @Test
    void everyTotalIsTheSumOfItsComponentsAndAtMostAHundred() {
        for (PlacementRequirements placement : PLACEMENTS.values()) {
            for (Candidate candidate : CANDIDATES) {
                MatchScore score = MatchScoring.score(candidate, placement);
                assertThat(score.total()).isEqualTo(score.components().stream().mapToInt(ScoreComponent::points).sum())
                        .isBetween(0, 100);
                assertThat(score.components()).extracting(ScoreComponent::criterion).containsExactly(Criterion.values());
                assertThat(score.components().stream().mapToInt(ScoreComponent::maximum).sum()).isEqualTo(100);
                score.components().forEach(MatchScoringTest::assertHasMessages);
            }
        }
    }

    @Test
    void aCandidateSeesThePlacementsThatReachThemBestFirst() {
        assertThat(placementsFor("utrecht-care")).containsExactly("zeist-care-learn-work 86",
                "utrecht-garden-volunteer 85", "nieuwegein-kitchen-wep 81", "nieuwegein-cook-job 69",
                "utrecht-developer-internship 68", "utrecht-electrician-job 61", "ede-truck-driver 50");
        assertThat(placementsFor("amersfoort-electrician")).containsExactly("utrecht-electrician-job 71",
                "zeist-care-learn-work 55", "utrecht-developer-internship 36");
        assertThat(placementsFor("veenendaal-driver")).containsExactly("ede-truck-driver 83", "nieuwegein-cook-job 46");
    }

    private static List<String> placementsFor(String pseudonym) {
        return MatchScoring.rankPlacements(candidate(pseudonym), PLACEMENTS.values()).stream()
                .map(r -> r.placement().placementId() + " " + r.score().total()).toList();
    }

    @Test
    void languageSupportRanksACandidateOneLevelShortHigher() {
        PlacementRequirements withoutSupport = PLACEMENTS.get("utrecht-electrician-job");
        PlacementRequirements withSupport = new PlacementRequirements(withoutSupport.placementId(), withoutSupport.kind(),
                withoutSupport.iscoCode(), withoutSupport.minimumEducation(), withoutSupport.minimumDutch(), true,
                withoutSupport.hoursPerWeek(), withoutSupport.location(), withoutSupport.openToRegionCodes());

        // amersfoort-electrician is one level short in both skills asked
        assertThat(position("amersfoort-electrician", withoutSupport)).isEqualTo(3);
        assertThat(position("amersfoort-electrician", withSupport)).isEqualTo(2);
        Candidate candidate = candidate("amersfoort-electrician");
        ScoreComponent roomToGrow = MatchScoring.score(candidate, withSupport).components().get(2);
        assertThat(roomToGrow.points()).isEqualTo(20)
                .isGreaterThan(MatchScoring.score(candidate, withoutSupport).points(Criterion.LANGUAGE));
        assertThat(roomToGrow.reason()).isEqualTo("match.reason.language.room-to-grow");
        assertThat(roomToGrow.arguments()).containsExactly(2, 2);
        assertThat(MatchScoring.score(candidate, withSupport).total()).isEqualTo(86);
    }

    private static int position(String pseudonym, PlacementRequirements placement) {
        List<String> ranking = MatchScoring.rank(placement, CANDIDATES).stream().map(r -> r.candidate().pseudonym()).toList();
        return ranking.indexOf(pseudonym) + 1;
    }

    @Test
    void languageNeverOutweighsOccupationNearnessAndHoursTogether() {
        MatchScore any = MatchScoring.score(CANDIDATES.getFirst(), PLACEMENTS.get("utrecht-electrician-job"));
        Map<Criterion, Integer> maximum = new EnumMap<>(Criterion.class);
        any.components().forEach(c -> maximum.put(c.criterion(), c.maximum()));
        assertThat(maximum.get(Criterion.LANGUAGE)).isLessThan(maximum.get(Criterion.OCCUPATION))
                .isLessThan(maximum.get(Criterion.OCCUPATION) + maximum.get(Criterion.NEARNESS)
                        + maximum.get(Criterion.HOURS));

        // for every placement: someone who can do the work nearby but speaks no Dutch yet ranks above someone with
        // all the Dutch asked but without the experience, the hours or the nearness
        for (PlacementRequirements placement : PLACEMENTS.values()) {
            Location work = placement.location();
            Location elsewhereInRegion = new Location("GM9999", "CR99", work.labourMarketRegionCode());
            Candidate worker = new Candidate("worker", List.of(placement.iscoCode()), placement.minimumEducation(),
                    Map.of(), placement.hoursPerWeek(), work);
            Candidate speaker = new Candidate("speaker", List.of(), placement.minimumEducation(),
                    placement.minimumDutch(), 0, elsewhereInRegion);
            assertThat(MatchScoring.rank(placement, List.of(speaker, worker)))
                    .as(placement.placementId()).extracting(r -> r.candidate().pseudonym())
                    .containsExactly("worker", "speaker");
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The boundaries of each criterion.
    // ---------------------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} {1}, experience {2} → {3} ({4})")
    @CsvSource(nullValues = "-", value = {
            "PAID_JOB,              7411, 7411,           35, unit-group,           7411",
            "PAID_JOB,              7411, 7412,           25, minor-group,          7412",
            "PAID_JOB,              7411, 7421,           15, sub-major-group,      7421",
            "PAID_JOB,              7411, 7115,            8, major-group,          7115",
            "PAID_JOB,              7411, 5120,            0, none,                 -",
            "PAID_JOB,              7411, -,               0, none,                 -",
            "PAID_JOB,              7411, 5120 7115 7412, 25, minor-group,          7412",
            "UNKNOWN,               7411, -,               0, none,                 -",
            "WORK_EXPERIENCE_PLACE, 9412, -,              20, no-experience-needed, -",
            "INTERNSHIP,            2512, 2221,           20, no-experience-needed, -",
            "LEARN_WORK_PLACE,      5321, 5322,           25, minor-group,          5322",
            "VOLUNTEERING,          9214, 9214,           35, unit-group,           9214",
    })
    void occupationFollowsTheIscoHierarchy(PlacementKind kind, String placementIsco, String experience, int points,
                                           String reason, String arguments) {
        PlacementRequirements placement = placement("p", kind, placementIsco, null, "", false, 32, "GM0344", "");
        Candidate candidate = candidate("c", "GM0344", experience == null ? "" : experience, ISCED_3, "", 32);
        assertComponent(MatchScoring.score(candidate, placement), Criterion.OCCUPATION, points,
                "match.reason.occupation." + reason, arguments);
    }

    @ParameterizedTest(name = "asked {0}, has {1} → {2} ({3})")
    @CsvSource(nullValues = "-", value = {
            "-,       ISCED_1, 15, no-minimum,      -",
            "-,       -,       15, no-minimum,      -",
            "UNKNOWN, ISCED_2, 15, no-minimum,      -",
            "ISCED_3, ISCED_3, 15, meets,           3 3",
            "ISCED_3, ISCED_6, 15, meets,           6 3",
            "ISCED_3, ISCED_2,  7, one-level-below, 2 3",
            "ISCED_3, ISCED_1,  0, below,           1 3",
            "ISCED_3, -,        7, unknown,         3",
            "ISCED_3, UNKNOWN,  7, unknown,         3",
    })
    void educationCountsTheIscedLevelsShort(IscedLevel minimum, IscedLevel level, int points, String reason,
                                            String arguments) {
        PlacementRequirements placement = placement("p", PAID_JOB, "7411", minimum, "", false, 32, "GM0344", "");
        Candidate candidate = candidate("c", "GM0344", "7411", level, "", 32);
        assertComponent(MatchScoring.score(candidate, placement), Criterion.EDUCATION, points,
                "match.reason.education." + reason, arguments);
    }

    @ParameterizedTest(name = "asked {0}, support {1}, speaks {2} → {3} ({4})")
    @CsvSource(nullValues = "-", value = {
            "-,                          false, -,                          25, no-minimum,      -",
            "L:B1 SI:A2,                 false, L:B1 SI:A2,                 25, meets,           -",
            "L:B1 SI:A2,                 false, L:C1 SI:B2,                 25, meets,           -",
            "L:B1,                       true,  L:A2,                       20, room-to-grow,    1 1",
            "L:B1,                       false, L:A2,                        5, one-level-short, 1 1",
            "L:B1,                       true,  L:A1,                        0, too-low,         1 1",
            "L:B1,                       true,  -,                           0, too-low,         1 1",
            "L:B1 SI:A2,                 true,  L:A2 SI:A2,                 23, room-to-grow,    1 2",
            "L:B1 SI:A2,                 false, L:A2 SI:A2,                 15, one-level-short, 1 2",
            "L:B1 SI:A2,                 true,  L:A1 SI:A1,                 10, too-low,         1 2",
            "L:B1 R:A2 SI:B1 SP:A2 W:A2, true,  L:B1 R:A2 SI:B1 SP:A2 W:A1, 24, room-to-grow,    1 5",
            "L:B1 R:A2 SI:B1 SP:A2 W:A2, false, L:A2 R:A1 SI:A2,             3, too-low,         2 5",
    })
    void dutchIsScoredPerSkillWithRoomToGrowWhereTheEmployerSupports(String minimum, boolean support, String dutch,
                                                                      int points, String reason, String arguments) {
        PlacementRequirements placement = placement("p", PAID_JOB, "7411", null, minimum, support, 32, "GM0344", "");
        Candidate candidate = candidate("c", "GM0344", "7411", ISCED_3, dutch, 32);
        assertComponent(MatchScoring.score(candidate, placement), Criterion.LANGUAGE, points,
                "match.reason.language." + reason, arguments);
    }

    @ParameterizedTest(name = "asked {0}, available {1} → {2} ({3})")
    @CsvSource(nullValues = "-", value = {
            "32, 40, 10, enough,  40 32",
            "32, 32, 10, enough,  32 32",
            "32, 24,  6, nearly,  24 32",
            "32, 23,  0, too-few, 23 32",
            "38, 29,  6, nearly,  29 38",
            "38, 28,  0, too-few, 28 38",
            "32, 0,   0, too-few, 0 32",
            "32, -,   5, unknown, 32",
    })
    void hoursFitFromThreeQuartersOfTheHoursAsked(int asked, Integer available, int points, String reason,
                                                 String arguments) {
        PlacementRequirements placement = placement("p", PAID_JOB, "7411", null, "", false, asked, "GM0344", "");
        Candidate candidate = candidate("c", "GM0344", "7411", ISCED_3, "", available);
        assertComponent(MatchScoring.score(candidate, placement), Criterion.HOURS, points,
                "match.reason.hours." + reason, arguments);
    }

    @ParameterizedTest(name = "work in {0} opened to [{1}], lives in {2} → {3} ({4})")
    @CsvSource(nullValues = "-", value = {
            "GM0344, -,    GM0344, 15, same-municipality",
            "GM0344, -,    GM0356, 11, same-corop",         // Nieuwegein: CR17 and AM13 like Utrecht
            "GM0228, AM13, GM0345,  8, same-region",        // Veenendaal: AM38 like Ede, but CR17, not CR13
            "GM0228, AM13, GM0344,  4, opened-region",
            "GM0344, AM14, GM0307, 11, same-corop",         // Amersfoort: CR17 in the opened AM14
            "GM0344, AM18, GM0363,  4, opened-region",
            "GM0344, -,    GM0363,  0, out-of-reach",
            "GM0344, -,    GM0307,  0, out-of-reach",       // near, but AM14 is not opened
    })
    void nearnessGoesFromTheMunicipalityToAnOpenedRegion(String work, String openTo, String home, int points,
                                                         String reason) {
        PlacementRequirements placement = placement("p", PAID_JOB, "7411", null, "", false, 32, work,
                openTo == null ? "" : openTo);
        Candidate candidate = candidate("c", home, "7411", ISCED_3, "", 32);
        assertComponent(MatchScoring.score(candidate, placement), Criterion.NEARNESS, points,
                "match.reason.nearness." + reason, null);
    }

    @ParameterizedTest(name = "work in {0} opened to [{1}], lives in {2} → in reach {3}")
    @CsvSource(nullValues = "-", value = {
            "GM0344, -,         GM0344, true",
            "GM0344, -,         GM0355, true",   // Zeist, own region AM13
            "GM0344, -,         GM0307, false",  // Amersfoort: COROP CR17 like Utrecht, but region AM14
            "GM0344, AM14,      GM0307, true",
            "GM0344, AM14,      GM0345, false",  // Veenendaal: CR17 too, in AM38, not opened
            "GM0344, AM14 AM18, GM0363, true",
            "GM0344, AM14,      GM0363, false",
            "GM0228, AM13,      GM0356, true",
            "GM0228, AM13,      GM0307, false",
    })
    void aPlacementReachesItsOwnRegionAndTheRegionsItWasOpenedTo(String work, String openTo, String home,
                                                                 boolean inReach) {
        PlacementRequirements placement = placement("p", PAID_JOB, "7411", null, "", false, 32, work,
                openTo == null ? "" : openTo);
        Candidate candidate = candidate("c", home, "7411", ISCED_3, "", 32);
        assertThat(MatchScoring.inReach(candidate, placement)).isEqualTo(inReach);
        assertThat(MatchScoring.rank(placement, List.of(candidate))).hasSize(inReach ? 1 : 0);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // From the Avro contracts.
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void aCandidateTakesOnlyTheDutchLevelsOfTheProfile() {
        CandidateProfile profile = CandidateProfile.newBuilder().setCandidatePseudonym("employer-abc")
                .setIscoCodes(List.of("7411", "7412"))
                .setEducationLevel(new CandidateEducationLevel(IscedLevel.UNKNOWN, null))
                .setLanguageLevels(List.of(
                        new CandidateLanguageLevel("nl", CefrSkill.LISTENING, CefrLevel.A2),
                        new CandidateLanguageLevel("nl", CefrSkill.LISTENING, CefrLevel.B1),
                        new CandidateLanguageLevel("nl", CefrSkill.READING, CefrLevel.UNKNOWN),
                        new CandidateLanguageLevel("ar", CefrSkill.WRITING, CefrLevel.C2),
                        new CandidateLanguageLevel("en", CefrSkill.SPOKEN_INTERACTION, CefrLevel.B2)))
                .setAvailableHoursPerWeek(null).setMunicipalityCode("GM0344").setLabourMarketRegionCode("AM13").build();

        Candidate candidate = Candidate.of(profile, location("GM0344"));

        assertThat(candidate).isEqualTo(new Candidate("employer-abc", List.of("7411", "7412"), null,
                Map.of(CefrSkill.LISTENING, CefrLevel.B1), null, new Location("GM0344", "CR17", "AM13")));
        assertThatThrownBy(() -> Candidate.of(profile, location("GM0356"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void placementRequirementsComeFromTheTerms() {
        PlacementTerms terms = PlacementTerms.newBuilder().setKind(LEARN_WORK_PLACE).setTitle("Helpende zorg")
                .setDescription(null).setIscoCode("5321").setRequiredSkills(List.of("VOG"))
                .setPreferredSkills(List.of()).setMinimumEducation(IscedLevel.UNKNOWN)
                .setMinimumLanguageLevels(List.of(new MinimumLanguageLevel(CefrSkill.LISTENING, CefrLevel.A2),
                        new MinimumLanguageLevel(CefrSkill.LISTENING, CefrLevel.B1),
                        new MinimumLanguageLevel(CefrSkill.WRITING, CefrLevel.UNKNOWN)))
                .setLanguageSupport(true).setHoursPerWeek(32).setSchedule(null)
                .setStartDate(LocalDate.parse("2026-09-01")).setPlaces(2).setMunicipalityCode("GM0355")
                .setNeighbouringRegionCodes(List.of("AM14")).build();

        PlacementRequirements placement = PlacementRequirements.of("placement-1", terms, location("GM0355"));

        assertThat(placement).isEqualTo(new PlacementRequirements("placement-1", LEARN_WORK_PLACE, "5321", null,
                Map.of(CefrSkill.LISTENING, CefrLevel.B1), true, 32, new Location("GM0355", "CR17", "AM13"),
                Set.of("AM14")));
        assertThatThrownBy(() -> PlacementRequirements.of("placement-1", terms, location("GM0344")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static void assertComponent(MatchScore score, Criterion criterion, int points, String reason,
                                        String arguments) {
        ScoreComponent component = score.components().stream().filter(c -> c.criterion() == criterion).findFirst()
                .orElseThrow();
        assertThat(component.points()).as("points").isEqualTo(points);
        assertThat(component.reason()).as("reason").isEqualTo(reason);
        assertThat(component.arguments().stream().map(String::valueOf).collect(joining(" ")))
                .as("arguments").isEqualTo(arguments == null ? "" : arguments);
        assertHasMessages(component);
    }

    /** Every reason reads in Dutch and in English, with its arguments filled in. */
    private static void assertHasMessages(ScoreComponent component) {
        for (var messages : Map.of(Locale.of("nl"), DUTCH_MESSAGES, Locale.ENGLISH, ENGLISH_MESSAGES).entrySet()) {
            String pattern = messages.getValue().getProperty(component.reason());
            assertThat(pattern).as(component.reason() + " in " + messages.getKey()).isNotBlank();
            String text = new MessageFormat(pattern, messages.getKey()).format(component.arguments().toArray());
            assertThat(text).as(text).doesNotContain("{");
        }
    }

    private static Properties messages(String resource) {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(MatchScoringTest.class.getResourceAsStream(resource),
                StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return properties;
    }

    private static Candidate candidate(String pseudonym) {
        return CANDIDATES.stream().filter(c -> c.pseudonym().equals(pseudonym)).findFirst().orElseThrow();
    }

    private static Location location(String municipalityCode) {
        return Location.of(REFERENCE.find(municipalityCode).orElseThrow());
    }

    private static Map<CefrSkill, CefrLevel> dutch(String levels) {
        Map<CefrSkill, CefrLevel> dutch = new EnumMap<>(CefrSkill.class);
        for (String level : words(levels)) {
            String[] skillAndLevel = level.split(":");
            dutch.put(SKILLS.get(skillAndLevel[0]), CefrLevel.valueOf(skillAndLevel[1]));
        }
        return dutch;
    }

    private static List<String> words(String text) {
        return text == null || text.isBlank() ? List.of() : List.of(text.strip().split("\\s+"));
    }

    private static Candidate candidate(String pseudonym, String municipality, String iscoCodes, IscedLevel education,
                                       String dutch, Integer hours) {
        return new Candidate(pseudonym, words(iscoCodes), education, dutch(dutch), hours, location(municipality));
    }

    private static PlacementRequirements placement(String id, PlacementKind kind, String iscoCode,
                                                   IscedLevel minimumEducation, String minimumDutch, boolean support,
                                                   int hours, String municipality, String openTo) {
        return new PlacementRequirements(id, kind, iscoCode, minimumEducation, dutch(minimumDutch), support, hours,
                location(municipality), Set.copyOf(words(openTo)));
    }

    private static Map<String, PlacementRequirements> byId(PlacementRequirements... placements) {
        return Stream.of(placements).collect(toMap(PlacementRequirements::placementId, p -> p, (a, b) -> a,
                LinkedHashMap::new));
    }
}
