package nl.doorstroom.platform.write;

import java.util.ArrayList;
import java.util.List;

import nl.doorstroom.schemas.platform.RecentRequest;
import nl.doorstroom.schemas.platform.RequestDigests;
import nl.doorstroom.schemas.platform.WriterState;

/**
 * The version of a record and the digests of its most recent requests, as the writer and every bounded record keep
 * them: enough to answer a repeated Idempotency-Key, never a list that grows with the record.
 */
final class RecentRequests {

    /** How many recent requests per record are remembered for Idempotency-Key replays. */
    static final int LIMIT = 64;

    private RecentRequests() {
    }

    /**
     * The state after one request's events of versions {@code first} to {@code last}.
     *
     * @param digests the request's digests, {@code null} for a request without Idempotency-Key
     */
    static WriterState after(WriterState state, int first, int last, RequestDigests digests) {
        if (digests == null) {
            return new WriterState(last, state.getRecentRequests());
        }
        List<RecentRequest> recent = new ArrayList<>(state.getRecentRequests());
        RecentRequest latest = recent.isEmpty() ? null : recent.getFirst();
        if (latest != null && latest.getKeyDigest().equals(digests.getKeyDigest())
                && latest.getRequestDigest().equals(digests.getRequestDigest()) && latest.getLastVersion() == first - 1) {
            // a record folds a request's events one at a time: the next event of the same request extends it
            recent.set(0, new RecentRequest(latest.getKeyDigest(), latest.getRequestDigest(), latest.getFirstVersion(), last));
        } else {
            recent.addFirst(new RecentRequest(digests.getKeyDigest(), digests.getRequestDigest(), first, last));
        }
        return new WriterState(last, List.copyOf(recent.subList(0, Math.min(recent.size(), LIMIT))));
    }
}
