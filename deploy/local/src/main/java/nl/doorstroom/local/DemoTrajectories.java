package nl.doorstroom.local;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.doorstroom.local.DemoData.DemoException;
import nl.doorstroom.local.DemoData.TokenSource;

/**
 * Takes some of the demo persons linked to Utrecht further through trajectory-service's REST API, as the case worker
 * {@code utrecht} would, so that the case worker pages show trajectories at different stages: Amina Haddad with the
 * handover accepted, a brede intake, a PIP on the B1-route, a language course and a work-experience place at the same
 * time (a dual trajectory), a passed exam, and ready for placements (she consented to employer profile sharing at
 * intake); Elif Yıldız accepted with only a brede intake. Karim Haddad, the nareiziger, stays a new arrival in the
 * inbox, and so do the persons linked to the other municipalities.
 *
 * <p>Seeding again does not duplicate anything: the trajectory as trajectory-service answers it now decides what is
 * missing, and only that is recorded, each change based on the trajectory's current version and with an
 * {@code Idempotency-Key} of its own. Activities and milestones count as recorded when the trajectory holds one of
 * their kind.
 */
final class DemoTrajectories {

    /**
     * A demo trajectory. Every change body is written without {@code version}: it is added when sent.
     *
     * @param personKey          the key of a person in {@link DemoData#PERSONS}
     * @param caseWorker         the case worker's demo account, of the person's municipality
     * @param bredeIntake        brede intake body, or {@code null}
     * @param plan               PIP body, or {@code null}
     * @param activities         activity bodies, at most one of each kind
     * @param milestones         milestone bodies, at most one of each kind
     * @param readyForPlacements whether the case worker marks the person ready for placements
     */
    record Trajectory(String personKey, String caseWorker, String municipalityCode, String bredeIntake, String plan,
                      List<String> activities, List<String> milestones, boolean readyForPlacements) {
    }

    static final List<Trajectory> TRAJECTORIES = List.of(
            new Trajectory("amina-haddad", "utrecht", "GM0344", """
                    {"date":"2026-10-27","learnabilityTestOutcome":"B1_ATTAINABLE","educationFindings":"Mbo 4 elektrotechniek in Syrië; diplomawaardering aangevraagd bij IDW.","workFindings":"Zes jaar elektricien; wil weer in de techniek werken.","circumstancesFindings":"Zorgt voor een kind (2019); 24 uur per week beschikbaar, onder schooltijd."}""",
                    """
                    {"learningRoute":"B1_ROUTE","adoptedOn":"2026-11-10"}""",
                    List.of("""
                            {"kind":"LANGUAGE_COURSE","plannedStart":"2026-11-16","plannedEnd":"2027-11-12","actualStart":"2026-11-16","hoursPerWeek":16,"provider":"Taalschool Utrecht"}""", """
                            {"kind":"WORK_EXPERIENCE_PLACE","plannedStart":"2026-11-23","plannedEnd":"2027-05-21","actualStart":"2026-11-23","hoursPerWeek":8,"provider":"Installatiebedrijf Van Vliet"}"""),
                    List.of("""
                            {"kind":"EXAM_PASSED","date":"2026-12-01","skill":"SPOKEN_INTERACTION","level":"A2","description":"Tussentoets spreken bij Taalschool Utrecht"}"""),
                    true),
            new Trajectory("elif-yildiz", "utrecht", "GM0344", """
                    {"date":"2026-11-03","learnabilityTestOutcome":"B1_ATTAINABLE","educationFindings":"Associate degree verpleegkunde in Turkije; niveau-indicatie bij IDW.","workFindings":"Vijf jaar verpleegkundige; wil de BIG-registratie halen.","circumstancesFindings":"Twee jonge kinderen; 20 uur per week beschikbaar."}""",
                    null, List.of(), List.of(), false));

    /** How long the first read waits for the handover: the dossier reaches trajectory-service shortly after the link. */
    private static final Duration HANDOVER_WAIT = Duration.ofSeconds(60);
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"");
    private static final Pattern KIND = Pattern.compile("\"kind\"\\s*:\\s*\"([A-Z_]+)\"");
    private static final Pattern READY = Pattern.compile("\"readyForPlacements\"\\s*:\\s*true");

    private final DemoRequests trajectoryService;
    private final PersonIds personIds;

    DemoTrajectories(URI trajectoryBaseUri, TokenSource tokens, PersonIds personIds) {
        this.trajectoryService = new DemoRequests(trajectoryBaseUri, tokens, HANDOVER_WAIT);
        this.personIds = personIds;
    }

    /** Seeds every trajectory; returns how many are complete. Problems are printed, not thrown. */
    int seed() {
        int complete = 0;
        for (Trajectory trajectory : TRAJECTORIES) {
            try {
                seed(trajectory);
                complete++;
            } catch (DemoException e) {
                System.out.println("  demo trajectory " + trajectory.personKey() + ": " + e.getMessage());
            }
        }
        return complete;
    }

    private void seed(Trajectory trajectory) throws DemoException {
        String personId = personIds.of(trajectory.personKey())
                .orElseThrow(() -> new DemoException("the person is not registered"));
        String path = "/api/v1/municipalities/" + trajectory.municipalityCode() + "/trajectories/" + personId;
        String view = handedOver(trajectory.caseWorker(), path);
        int version = DemoData.version(view).orElseThrow(() -> new DemoException("no version in the answer: " + view));
        String caseWorker = trajectory.caseWorker();
        String key = "doorstroom-demo-trajectory-" + trajectory.personKey();

        if (isPending(view)) {
            version = change(caseWorker, "PUT", path + "/acceptance", "{}", version, key + "-acceptance");
        }
        if (trajectory.bredeIntake() != null && !DemoData.holds(view, "bredeIntake")) {
            version = change(caseWorker, "PUT", path + "/brede-intake", trajectory.bredeIntake(), version, key + "-brede-intake");
        }
        if (trajectory.plan() != null && !DemoData.holds(view, "plan")) {
            version = change(caseWorker, "PUT", path + "/plan", trajectory.plan(), version, key + "-plan");
        }
        for (String activity : missing(view, trajectory.activities())) {
            version = change(caseWorker, "POST", path + "/activities", activity, version, key + "-activity-" + kind(activity));
        }
        for (String milestone : missing(view, trajectory.milestones())) {
            version = change(caseWorker, "POST", path + "/milestones", milestone, version, key + "-milestone-" + kind(milestone));
        }
        if (trajectory.readyForPlacements() && !READY.matcher(view).find()) {
            change(caseWorker, "PUT", path + "/placement-readiness", "{\"ready\":true}", version, key + "-ready");
        }
    }

    /** The trajectory as it is now, once the handover has reached trajectory-service (404 until then). */
    private String handedOver(String caseWorker, String path) throws DemoException {
        return trajectoryService.send(caseWorker, "GET", path, null, null, true, false).body();
    }

    /** Sends one change based on the trajectory's current version; returns the version after it. */
    private int change(String account, String method, String path, String json, int version, String idempotencyKey)
            throws DemoException {
        String answer = trajectoryService.send(account, method, path, DemoData.withVersion(json, version), idempotencyKey,
                false, false).body();
        return DemoData.version(answer).orElse(version + 1);
    }

    /** Whether the handover still waits for a case worker to accept it. */
    static boolean isPending(String view) {
        Matcher status = STATUS.matcher(view);
        return status.find() && status.group(1).equals("HANDOVER_PENDING");
    }

    /** The bodies whose kind the trajectory does not hold yet, in their order. */
    static List<String> missing(String view, List<String> bodies) {
        List<String> held = KIND.matcher(view).results().map(m -> m.group(1)).toList();
        return bodies.stream().filter(body -> !held.contains(kind(body))).toList();
    }

    private static String kind(String body) {
        Matcher kind = KIND.matcher(body);
        return kind.find() ? kind.group(1) : "";
    }

    /** The id of a demo person by their key; empty when they are not registered. */
    @FunctionalInterface
    interface PersonIds {
        Optional<String> of(String personKey) throws DemoException;
    }
}
