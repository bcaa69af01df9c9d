package nl.doorstroom.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Bounded waits for processes to become ready. A limit counts from the start of the process; a wait fails
 * at once when the process exits, and every failure carries the tail of that process's log.
 */
final class HealthWait {

    private static final Duration POLL = Duration.ofMillis(250);
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private HealthWait() {
    }

    /** Until {@code GET uri} answers 200. */
    static void untilHttpOk(ManagedProcess process, URI uri, Duration timeout) throws StartupException {
        untilAllHttpOk(Map.of(process, uri), timeout);
    }

    /** Until every process answers 200 at its URI; fails as soon as any of them exits or is late. */
    static void untilAllHttpOk(Map<ManagedProcess, URI> targets, Duration timeout) throws StartupException {
        Map<ManagedProcess, URI> waiting = new LinkedHashMap<>(targets);
        while (true) {
            for (Iterator<Map.Entry<ManagedProcess, URI>> it = waiting.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<ManagedProcess, URI> target = it.next();
                if (httpStatus(target.getValue()) == 200) {
                    it.remove();
                } else {
                    failIfExitedOrLate(target.getKey(), timeout, "did not answer 200 at " + target.getValue());
                }
            }
            if (waiting.isEmpty()) {
                return;
            }
            pause();
        }
    }

    /** Until the process's log has a line containing {@code text}. */
    static void untilLogContains(ManagedProcess process, String text, Duration timeout) throws StartupException {
        while (!process.logContains(text)) {
            failIfExitedOrLate(process, timeout, "did not log \"" + text + "\"");
            pause();
        }
    }

    /** Until the process has exited with code 0. */
    static void untilExitedCleanly(ManagedProcess process, Duration timeout) throws StartupException {
        while (process.isAlive()) {
            if (process.age().compareTo(timeout) > 0) {
                throw StartupException.of(process, process.name() + " did not finish within " + timeout.toSeconds() + " s.");
            }
            pause();
        }
        int code = process.process().exitValue();
        if (code != 0) {
            throw StartupException.of(process, process.name() + " failed with exit code " + code + ".");
        }
    }

    private static void failIfExitedOrLate(ManagedProcess process, Duration timeout, String what) throws StartupException {
        if (!process.isAlive()) {
            throw StartupException.of(process, process.name() + " exited with code "
                    + process.process().exitValue() + " before it was ready.");
        }
        if (process.age().compareTo(timeout) > 0) {
            throw StartupException.of(process, process.name() + " " + what + " within "
                    + timeout.toSeconds() + " s (change the limit with --ready-timeout <seconds>).");
        }
    }

    private static void pause() throws StartupException {
        try {
            Thread.sleep(POLL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("Interrupted while waiting for a process to become ready");
        }
    }

    static int httpStatus(URI uri) {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
