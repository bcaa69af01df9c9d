package nl.doorstroom.intake.erasure;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A platform operator's request to erase a person (AVG art. 17), with the legal ground and the reference of the case
 * in the organisation's own records (never personal data itself).
 */
public record ErasureRequest(
        @NotNull Ground ground,
        @NotNull @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9./-]{0,39}") String caseReference) {

    /** Why the data is erased. */
    public enum Ground { DATA_SUBJECT_REQUEST, RETENTION_EXPIRED, UNLAWFULLY_PROCESSED, LEGAL_OBLIGATION }
}
