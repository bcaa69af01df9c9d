package nl.doorstroom.platform.web;

import org.springframework.http.HttpStatus;

import nl.doorstroom.platform.write.ChangeRefusedException;
import nl.doorstroom.platform.write.ClaimTakenException;
import nl.doorstroom.platform.write.FieldProblemsException;
import nl.doorstroom.platform.write.IdempotencyKeyReusedException;
import nl.doorstroom.platform.write.StaleVersionException;
import nl.doorstroom.platform.write.StepNotAllowedException;

/** The HTTP status of each kind of refused change, the same for the API and the pages. */
public final class RefusalStatus {

    private RefusalStatus() {
    }

    public static HttpStatus of(ChangeRefusedException refusal) {
        return switch (refusal) {
            case StaleVersionException ignored -> HttpStatus.CONFLICT;
            case StepNotAllowedException ignored -> HttpStatus.CONFLICT;
            case ClaimTakenException ignored -> HttpStatus.CONFLICT;
            case IdempotencyKeyReusedException ignored -> HttpStatus.UNPROCESSABLE_CONTENT;
            case FieldProblemsException ignored -> HttpStatus.BAD_REQUEST;
        };
    }
}
