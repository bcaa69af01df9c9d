package nl.doorstroom.platform.write;

import java.util.Comparator;
import java.util.List;

import org.apache.kafka.streams.KeyValue;

import nl.doorstroom.platform.readmodel.ReadModel;

/**
 * The events of each record, one entry per version in a history store ({@link RecordStores}). History keys are not
 * record keys, so the instance that owns one cannot be computed from it: every read gathers from every instance.
 *
 * @param <E> the envelope on the service's event topic
 */
public final class EventHistory<E> {

    private final ReadModel<E> store;

    public EventHistory(ReadModel<E> store) {
        this.store = store;
    }

    /** Every event of the record, oldest first. */
    public List<E> of(String key) {
        return inOrder(store.prefixScan(RecordStores.historyPrefix(key)));
    }

    /** The record's events of versions {@code first} to {@code last}, oldest first. */
    public List<E> between(String key, int first, int last) {
        String from = RecordStores.historyKey(key, first);
        String to = RecordStores.historyKey(key, last);
        // every key in between starts with what both ends share: only that part of the store is scanned
        int shared = 0;
        while (shared < from.length() && from.charAt(shared) == to.charAt(shared)) {
            shared++;
        }
        return inOrder(store.prefixScan(from.substring(0, shared)).stream()
                .filter(entry -> entry.key.compareTo(from) >= 0 && entry.key.compareTo(to) <= 0).toList());
    }

    private static <E> List<E> inOrder(List<KeyValue<String, E>> entries) {
        return entries.stream().sorted(Comparator.comparing((KeyValue<String, E> entry) -> entry.key))
                .map(entry -> entry.value).toList();
    }
}
