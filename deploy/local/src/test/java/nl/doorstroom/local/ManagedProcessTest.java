package nl.doorstroom.local;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

@DisabledOnOs(OS.WINDOWS)
class ManagedProcessTest {

    private static final Duration BOUND = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private final List<ManagedProcess> started = new ArrayList<>();
    private final List<ProcessHandle> children = new ArrayList<>();

    /** Only matters when a test fails: nothing a test started may outlive it. */
    @AfterEach
    void killLeftovers() {
        for (ManagedProcess process : started) {
            process.process().descendants().forEach(ProcessHandle::destroyForcibly);
            process.process().destroyForcibly();
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }

    private ManagedProcess sh(String name, String script) {
        ManagedProcess process = ManagedProcess.start(name, List.of("/bin/sh", "-c", script), dir, dir.resolve(name + ".log"), Map.of());
        started.add(process);
        return process;
    }

    /** Bounded wait until the process has started {@code count} children of its own. */
    private List<ProcessHandle> awaitDescendants(ManagedProcess process, int count) {
        List<ProcessHandle> descendants = await().atMost(BOUND).pollInterval(Duration.ofMillis(20))
                .until(() -> process.process().descendants().toList(), list -> list.size() >= count);
        children.addAll(descendants);
        return descendants;
    }

    @Test
    void stoppingAProcessAlsoStopsItsDescendants() {
        ManagedProcess process = sh("tree", "sleep 300 & sleep 300 & wait");
        List<ProcessHandle> children = awaitDescendants(process, 2);

        process.requestStop();
        assertTrue(process.awaitStop(BOUND));

        assertFalse(process.isAlive());
        children.forEach(child -> assertFalse(child.isAlive(), "child " + child.pid() + " still runs"));
    }

    @Test
    void aProcessIgnoringSigtermIsKilledAfterTheBoundedWait() {
        ManagedProcess process = sh("stubborn", "trap '' TERM; sleep 300 & wait");
        List<ProcessHandle> children = awaitDescendants(process, 1);

        long start = System.nanoTime();
        process.requestStop();
        assertFalse(process.awaitStop(Duration.ofMillis(500)), "reported as a graceful stop");

        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(BOUND) < 0);
        assertFalse(process.isAlive());
        children.forEach(child -> assertFalse(child.isAlive(), "child " + child.pid() + " still runs"));
    }

    @Test
    void processGroupStopsTheLastTierFirst() throws Exception {
        Path order = dir.resolve("order.txt");
        ProcessGroup group = new ProcessGroup(BOUND);
        group.newTier();
        ManagedProcess broker = group.start("broker", recorder(order, "broker"), dir, dir.resolve("broker.log"), Map.of());
        group.newTier();
        ManagedProcess service = group.start("service", recorder(order, "service"), dir, dir.resolve("service.log"), Map.of());
        started.addAll(List.of(broker, service));
        List<ProcessHandle> brokerChildren = awaitDescendants(broker, 1);
        List<ProcessHandle> serviceChildren = awaitDescendants(service, 1);

        group.stopAll();

        assertEquals(List.of("service", "broker"), Files.readAllLines(order));
        assertTrue(group.processes().stream().noneMatch(ManagedProcess::isAlive));
        assertTrue(brokerChildren.stream().noneMatch(ProcessHandle::isAlive));
        assertTrue(serviceChildren.stream().noneMatch(ProcessHandle::isAlive));
        assertThrows(IllegalStateException.class,
                () -> group.start("late", List.of("/bin/true"), dir, dir.resolve("late.log"), Map.of()));
    }

    /** A shell that appends its name to {@code order} when it receives SIGTERM. */
    private static List<String> recorder(Path order, String name) {
        return List.of("/bin/sh", "-c", "trap 'echo " + name + " >> " + order + "; exit 0' TERM; sleep 300 & wait");
    }

    @Test
    void outputGoesToTheLogAndAFailedStartShowsItsTail() {
        ManagedProcess process = sh("failing", "echo first line; echo 'something broke' >&2; exit 3");

        StartupException e = assertThrows(StartupException.class,
                () -> HealthWait.untilLogContains(process, "never printed", BOUND));

        assertTrue(e.getMessage().startsWith("failing exited with code 3 before it was ready."), e.getMessage());
        assertTrue(e.getMessage().contains("something broke"), e.getMessage());
        assertTrue(process.logContains("first line"));
    }

    @Test
    void aProcessThatIsNotReadyInTimeFailsWithTheLimitInTheMessage() {
        ManagedProcess process = sh("slow", "echo starting; sleep 300");

        StartupException e = assertThrows(StartupException.class,
                () -> HealthWait.untilLogContains(process, "started", Duration.ofMillis(300)));

        assertTrue(e.getMessage().contains("--ready-timeout"), e.getMessage());
        assertTrue(e.getMessage().contains("starting"), e.getMessage());
    }

    @Test
    void aPreviousLogIsKept() throws Exception {
        ManagedProcess first = sh("repeat", "echo run one");
        HealthWait.untilExitedCleanly(first, BOUND);
        ManagedProcess second = sh("repeat", "echo run two");
        HealthWait.untilExitedCleanly(second, BOUND);

        assertEquals(List.of("run two"), Files.readAllLines(dir.resolve("repeat.log")));
        assertEquals(List.of("run one"), Files.readAllLines(dir.resolve("repeat.previous.log")));
    }
}
