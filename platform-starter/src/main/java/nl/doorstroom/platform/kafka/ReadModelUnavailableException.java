package nl.doorstroom.platform.kafka;

/** A read model (a Streams state store) cannot be queried right now, e.g. during a rebalance: answered 503. */
public class ReadModelUnavailableException extends RuntimeException {

    public ReadModelUnavailableException(String store, Throwable cause) {
        super("state store " + store + " is not queryable right now", cause);
    }
}
