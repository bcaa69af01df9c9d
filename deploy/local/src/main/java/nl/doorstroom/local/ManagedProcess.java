package nl.doorstroom.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A child process with its output in a log file. Stopping it also stops its descendants,
 * and only those: the processes it started, found through {@link ProcessHandle#descendants()}.
 */
final class ManagedProcess {

    /** util-linux setsid: the child gets its own session, so a Ctrl-C in the terminal reaches only the launcher. */
    private static final Optional<Path> SETSID = List.of(Path.of("/usr/bin/setsid"), Path.of("/bin/setsid")).stream()
            .filter(Files::isExecutable)
            .findFirst();

    private final String name;
    private final Process process;
    private final Path log;
    private final long startedNanos = System.nanoTime();
    private final Set<ProcessHandle> descendants = ConcurrentHashMap.newKeySet();

    private ManagedProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code command} in {@code workDir}; stdout and stderr go to {@code log} (the previous one is kept as
     * *.previous.log). {@code environment} is added to the launcher's; a null value removes that variable.
     */
    static ManagedProcess start(String name, List<String> command, Path workDir, Path log, Map<String, String> environment) {
        try {
            Files.createDirectories(workDir);
            Files.createDirectories(log.getParent());
            if (Files.exists(log)) {
                String file = log.getFileName().toString();
                Path previous = log.resolveSibling(file.replaceFirst("\\.log$", "") + ".previous.log");
                Files.move(log, previous, StandardCopyOption.REPLACE_EXISTING);
            }
            List<String> fullCommand = new ArrayList<>();
            SETSID.ifPresent(setsid -> fullCommand.add(setsid.toString()));
            fullCommand.addAll(command);
            ProcessBuilder builder = new ProcessBuilder(fullCommand)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            // a null value removes an inherited variable
            environment.forEach((key, value) -> {
                if (value == null) {
                    builder.environment().remove(key);
                } else {
                    builder.environment().put(key, value);
                }
            });
            return new ManagedProcess(name, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name + ": " + e.getMessage(), e);
        }
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    Process process() {
        return process;
    }

    Duration age() {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    /** The last {@code lines} lines of the log, for error messages. */
    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(could not read " + log + ": " + e.getMessage() + ")";
        }
    }

    boolean logContains(String text) {
        try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.anyMatch(line -> line.contains(text));
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    /**
     * Sends SIGTERM to the process and returns at once; {@link #awaitStop} finishes the job. Its descendants are
     * noted first: once the process is gone they are re-parented and can no longer be found through it.
     */
    void requestStop() {
        noteDescendants();
        if (process.isAlive()) {
            process.destroy();
        }
    }

    private void noteDescendants() {
        process.descendants().forEach(descendants::add);
    }

    /**
     * Waits up to {@code timeout} for the process to exit after {@link #requestStop()}, then kills it;
     * afterwards does the same for every descendant still running. Returns true if nothing had to be killed.
     */
    boolean awaitStop(Duration timeout) {
        noteDescendants();
        boolean graceful = waitOrKill(process.toHandle(), timeout);
        List<ProcessHandle> descendants = List.copyOf(this.descendants);
        for (ProcessHandle descendant : descendants) {
            if (descendant.isAlive()) {
                descendant.destroy();
            }
        }
        for (ProcessHandle descendant : descendants) {
            graceful &= waitOrKill(descendant, timeout);
        }
        return graceful;
    }

    private static boolean waitOrKill(ProcessHandle handle, Duration timeout) {
        try {
            handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception notInTime) {
            handle.destroyForcibly();
            try {
                handle.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // reported by the caller through isAlive()
            }
            return false;
        }
    }

    /** Resident memory of the process and its descendants in kB, read from /proc (0 where /proc is missing). */
    long rssKb() {
        if (!process.isAlive()) {
            return 0;
        }
        long total = rssKb(process.pid());
        for (ProcessHandle descendant : process.descendants().toList()) {
            total += rssKb(descendant.pid());
        }
        return total;
    }

    static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | UncheckedIOException | NumberFormatException e) {
            // process gone, or not Linux
        }
        return 0;
    }
}
