package nl.doorstroom.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Everything the launcher started, in tiers (broker, registry, services). {@link #stopAll()} stops the
 * tiers in reverse order; within a tier all processes get SIGTERM first and are then awaited together.
 * Once stopping has begun nothing new can be started.
 */
final class ProcessGroup {

    private final List<List<ManagedProcess>> tiers = new ArrayList<>();
    private final Duration stopTimeout;
    private volatile boolean stopping;

    ProcessGroup(Duration stopTimeout) {
        this.stopTimeout = stopTimeout;
    }

    /** Following starts belong to a new tier, stopped before the earlier ones. */
    synchronized void newTier() {
        tiers.add(new ArrayList<>());
    }

    synchronized ManagedProcess start(String name, List<String> command, Path workDir, Path log, Map<String, String> env) {
        if (stopping) {
            throw new IllegalStateException("stopping; not starting " + name);
        }
        if (tiers.isEmpty()) {
            newTier();
        }
        ManagedProcess process = ManagedProcess.start(name, command, workDir, log, env);
        tiers.getLast().add(process);
        return process;
    }

    boolean isStopping() {
        return stopping;
    }

    synchronized List<ManagedProcess> processes() {
        return tiers.stream().flatMap(List::stream).toList();
    }

    /** Total resident memory of all started processes and their descendants, in kB. */
    long rssKb() {
        return processes().stream().mapToLong(ManagedProcess::rssKb).sum();
    }

    /** Completes when every started process has exited. */
    CompletableFuture<Void> allExited() {
        return CompletableFuture.allOf(processes().stream()
                .map(process -> process.process().onExit())
                .toArray(CompletableFuture[]::new));
    }

    /** Stops every started process and its descendants, last tier first. Safe to call more than once. */
    synchronized void stopAll() {
        stopping = true;
        for (List<ManagedProcess> tier : tiers.reversed()) {
            List<ManagedProcess> running = tier.stream().filter(ManagedProcess::isAlive).toList();
            if (running.isEmpty()) {
                continue;
            }
            System.out.println("Stopping " + String.join(", ", running.stream().map(ManagedProcess::name).toList()) + " ...");
            running.forEach(ManagedProcess::requestStop);
            // await side by side so that one slow process does not delay the others' deadline
            List<Future<Boolean>> stops;
            try (ExecutorService waiters = Executors.newVirtualThreadPerTaskExecutor()) {
                stops = running.stream()
                        .map(process -> waiters.submit(() -> process.awaitStop(stopTimeout)))
                        .toList();
            } // close() waits for every task
            for (int i = 0; i < running.size(); i++) {
                if (stops.get(i).state() != Future.State.SUCCESS || !stops.get(i).resultNow()) {
                    System.out.println("  " + running.get(i).name() + " did not stop within "
                            + stopTimeout.toSeconds() + " s and was killed");
                }
            }
        }
        // also covers tiers whose processes had already exited on their own: their descendants
        for (ManagedProcess process : processes()) {
            process.awaitStop(stopTimeout);
        }
    }
}
