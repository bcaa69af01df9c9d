package nl.doorstroom.platform.privacy;

/**
 * The person has no data key: it was erased (crypto-shredded), so every copy of their encrypted personal data is
 * unreadable for good. Callers treat the data as gone (drop the read-model entry, answer 404/410), never as an error
 * to retry. After compaction an erased key and a key that never existed look the same, so this is also what a
 * person id without a key at all gets.
 */
public class SubjectErasedException extends RuntimeException {

    private final String personId;

    public SubjectErasedException(String personId) {
        super("No data key for person " + personId + ": the person's personal data has been erased");
        this.personId = personId;
    }

    public String personId() {
        return personId;
    }
}
