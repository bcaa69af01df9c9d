package nl.doorstroom.platform.kafka;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;

import org.apache.kafka.common.errors.RetriableException;

import com.microsoft.kiota.ApiException;

/**
 * Tells a dependency that cannot be reached now (the broker, the schema registry) from a record that is wrong in
 * itself. The first is retried until the dependency is back; only the second goes to a dead-letter topic, so an outage
 * never turns good records into dead letters.
 */
public final class DependencyFailures {

    private DependencyFailures() {
    }

    /** Whether the failure, or anything that caused it, is a dependency being unreachable, slow or failing itself. */
    public static boolean isUnreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof RetriableException // the broker: timeouts, leaders moving, not enough replicas
                    || cause instanceof ConnectException || cause instanceof SocketException
                    || cause instanceof NoRouteToHostException || cause instanceof UnknownHostException
                    || cause instanceof HttpTimeoutException || cause instanceof InterruptedIOException
                    || cause instanceof ClosedChannelException
                    // the registry answered, but with its own failure (5xx) rather than about the record
                    || cause instanceof ApiException api && api.getResponseStatusCode() >= 500) {
                return true;
            }
        }
        return false;
    }
}
