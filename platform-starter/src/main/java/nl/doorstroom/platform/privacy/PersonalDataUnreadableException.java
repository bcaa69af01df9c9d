package nl.doorstroom.platform.privacy;

/**
 * A ciphertext did not decrypt with the person's key although the key exists: it was altered, belongs to another
 * person (the person id is the associated data), or was encrypted under a key that has since been replaced. Never
 * retried; the record is a dead letter.
 */
public class PersonalDataUnreadableException extends RuntimeException {

    public PersonalDataUnreadableException(String personId, Throwable cause) {
        super("Personal data of person " + personId + " does not decrypt with their key (altered, or not theirs)", cause);
    }
}
