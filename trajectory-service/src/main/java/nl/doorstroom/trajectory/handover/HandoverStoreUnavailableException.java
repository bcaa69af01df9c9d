package nl.doorstroom.trajectory.handover;

/**
 * The handover read models cannot be queried right now (Streams is starting, rebalancing or restoring); the request
 * may be repeated shortly and is answered 503 with Retry-After, not 500.
 */
public class HandoverStoreUnavailableException extends RuntimeException {

    public HandoverStoreUnavailableException(String store, Throwable cause) {
        super("state store " + store + " is not queryable right now", cause);
    }
}
