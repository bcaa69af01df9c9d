package nl.doorstroom.platform.readmodel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;

/**
 * One key-value read model of the service, read wherever its partitions are: a key at the instance that owns it, a
 * list from every instance. Values travel between instances serialised with the store's own serde.
 *
 * @param <V> the stored value
 */
public final class ReadModel<V> {

    private final String store;
    private final Serde<V> values;
    private final ReadModels instances;

    ReadModel(String store, Serde<V> values, ReadModels instances) {
        this.store = store;
        this.values = values;
        this.instances = instances;
    }

    public String store() {
        return store;
    }

    /** The value of a key, read at the instance that owns the key's partition. */
    public Optional<V> get(String key) {
        HostInfo owner = instances.ownerOf(store, key);
        if (owner == null) {
            return Optional.ofNullable(instances.<V, V>readLocally(store, local -> local.get(key)));
        }
        return instances.remote(owner, store, List.of(key)).stream().findFirst()
                .map(entry -> values.deserializer().deserialize(store, entry.value));
    }

    /** The values of many keys, in one call per instance that owns some of them; keys without a value are left out. */
    public Map<String, V> getAll(Collection<String> keys) {
        Map<HostInfo, List<String>> byOwner = new HashMap<>();
        List<String> own = new ArrayList<>();
        for (String key : keys) {
            HostInfo owner = instances.ownerOf(store, key);
            if (owner == null) {
                own.add(key);
            } else {
                byOwner.computeIfAbsent(owner, o -> new ArrayList<>()).add(key);
            }
        }
        Map<String, V> found = new LinkedHashMap<>();
        if (!own.isEmpty()) {
            instances.<V, Void>readLocally(store, local -> {
                for (String key : own) {
                    V value = local.get(key);
                    if (value != null) {
                        found.put(key, value);
                    }
                }
                return null;
            });
        }
        byOwner.forEach((owner, owned) -> instances.remote(owner, store, owned).forEach(entry ->
                found.put(entry.key, values.deserializer().deserialize(store, entry.value))));
        return found;
    }

    /** Every entry, gathered from every instance (each answers for the partitions it owns). */
    public List<KeyValue<String, V>> all() {
        return gather(null);
    }

    /** The entries whose key starts with {@code prefix}, gathered from every instance. */
    public List<KeyValue<String, V>> prefixScan(String prefix) {
        return gather(prefix);
    }

    /** This instance's values of these keys, serialised, for another instance's read. */
    List<KeyValue<String, byte[]>> localEntries(Collection<String> keys) {
        return instances.<V, List<KeyValue<String, byte[]>>>readLocally(store, local -> {
            List<KeyValue<String, byte[]>> entries = new ArrayList<>();
            for (String key : keys) {
                V value = local.get(key);
                if (value != null) {
                    entries.add(KeyValue.pair(key, values.serializer().serialize(store, value)));
                }
            }
            return entries;
        });
    }

    /** This instance's own entries (all, or those with a prefix), serialised, for another instance's gathered read. */
    List<KeyValue<String, byte[]>> localEntries(String prefix) {
        return localScan(prefix).stream()
                .map(entry -> KeyValue.pair(entry.key, values.serializer().serialize(store, entry.value))).toList();
    }

    private List<KeyValue<String, V>> gather(String prefix) {
        List<KeyValue<String, V>> gathered = new ArrayList<>(localScan(prefix));
        for (HostInfo other : instances.others(store)) {
            instances.remote(other, store, prefix).forEach(entry ->
                    gathered.add(KeyValue.pair(entry.key, values.deserializer().deserialize(store, entry.value))));
        }
        return gathered;
    }

    /** This instance's own entries, all or those with a prefix. */
    private List<KeyValue<String, V>> localScan(String prefix) {
        return instances.<V, List<KeyValue<String, V>>>readLocally(store, local -> {
            List<KeyValue<String, V>> found = new ArrayList<>();
            try (KeyValueIterator<String, V> entries = prefix == null ? local.all() : local.prefixScan(prefix, ReadModels.KEYS)) {
                entries.forEachRemaining(found::add);
            }
            return found;
        });
    }
}
