package nl.doorstroom.platform.write;

/** The same Idempotency-Key came earlier with another request. */
public final class IdempotencyKeyReusedException extends ChangeRefusedException {

    public IdempotencyKeyReusedException() {
        super("doorstroom.problem.idempotency-key-reused");
    }
}
