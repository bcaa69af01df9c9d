package nl.doorstroom.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import nl.doorstroom.local.DemoData.DemoException;
import nl.doorstroom.local.DemoData.TokenSource;

/**
 * JSON requests of the demo seeding to one service, each with a bearer token of a demo account. Plain JDK HTTP: the
 * seeding speaks only the public contract.
 */
final class DemoRequests {

    private static final Duration RETRY_PAUSE = Duration.ofMillis(300);

    private final URI base;
    private final TokenSource tokens;
    private final Duration retryFor;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** @param retryFor how long a 404 (where asked) or a 503 is retried */
    DemoRequests(URI base, TokenSource tokens, Duration retryFor) {
        this.base = base;
        this.tokens = tokens;
        this.retryFor = retryFor;
    }

    /**
     * Sends JSON ({@code null} for none) and expects 2xx (or 409 and 422 where {@code conflictIsAnswer}). What was just
     * recorded elsewhere may be unknown (404) for a moment until this service's read model catches up, and a 503 means
     * Kafka was briefly unavailable: both are retried for a bounded time.
     */
    HttpResponse<String> send(String account, String method, String path, String json, String idempotencyKey,
                              boolean retryNotFound, boolean conflictIsAnswer) throws DemoException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(15))
                .header("Authorization", "Bearer " + tokens.bearerToken(account))
                .header("Accept", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            builder.header("Content-Type", "application/json");
        }
        if (idempotencyKey != null) {
            builder.header("Idempotency-Key", idempotencyKey);
        }
        HttpRequest request = builder.build();
        long deadline = System.nanoTime() + retryFor.toNanos();
        while (true) {
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new DemoException(method + " " + path + " failed: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DemoException("interrupted");
            }
            int status = response.statusCode();
            if ((status >= 200 && status < 300) || (conflictIsAnswer && (status == 409 || status == 422))) {
                return response;
            }
            boolean retry = status == 503 || (retryNotFound && status == 404);
            if (!retry || System.nanoTime() > deadline) {
                throw new DemoException(method + " " + path + " answered " + status + " " + response.body());
            }
            try {
                Thread.sleep(RETRY_PAUSE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DemoException("interrupted");
            }
        }
    }
}
