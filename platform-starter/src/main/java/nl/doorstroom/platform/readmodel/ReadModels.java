package nl.doorstroom.platform.readmodel;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.streams.KafkaStreamsInteractiveQueryService;
import org.springframework.web.client.RestClient;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import nl.doorstroom.platform.kafka.ReadModelUnavailableException;

/**
 * The service's read models and the other instances that hold parts of them. Which instance owns a key comes from
 * Kafka Streams' metadata ({@code application.server} of each instance); a read this instance cannot answer itself is
 * forwarded, with a retry for a blip and a circuit breaker per instance so a stopped instance costs a fast 503, not a
 * hanging request.
 */
public class ReadModels {

    static final StringSerializer KEYS = new StringSerializer();
    static final String SECRET_HEADER = "Doorstroom-Instance-Secret";
    static final String PATH = "/internal/v1/read-models/{store}/entries";

    private final StreamsBuilderFactoryBean streams;
    private final KafkaStreamsInteractiveQueryService queries;
    private final String secret;
    private final RestClient http;
    private final Retry retry;
    private final Map<HostInfo, CircuitBreaker> breakers = new ConcurrentHashMap<>();
    private final Map<String, ReadModel<?>> models = new ConcurrentHashMap<>();

    public ReadModels(StreamsBuilderFactoryBean streams, String secret, Duration timeout) {
        this.streams = streams;
        this.queries = new KafkaStreamsInteractiveQueryService(streams);
        // a request waits briefly for a store that is being (re)assigned, then gets 503 rather than hanging
        this.queries.setRetryTemplate(new RetryTemplate(RetryPolicy.builder()
                .maxRetries(3).delay(Duration.ofMillis(100)).timeout(Duration.ofSeconds(1)).build()));
        this.secret = secret;
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(timeout);
        requests.setReadTimeout(timeout);
        this.http = RestClient.builder().requestFactory(requests).build();
        this.retry = Retry.of("read-model", RetryConfig.custom().maxAttempts(3).waitDuration(Duration.ofMillis(100))
                .ignoreExceptions(ReadModelUnavailableException.class).build());
    }

    /** The read model of one store; {@code values} serialises its values between instances. */
    public <V> ReadModel<V> of(String store, Serde<V> values) {
        ReadModel<V> model = new ReadModel<>(store, values, this);
        models.put(store, model);
        return model;
    }

    ReadModel<?> model(String store) {
        return models.get(store);
    }

    /** This instance's part of the store (the partitions it owns now). */
    <V, T> T readLocally(String store, Function<ReadOnlyKeyValueStore<String, V>, T> read) {
        try {
            return read.apply(queries.retrieveQueryableStore(store, QueryableStoreTypes.keyValueStore()));
        } catch (InvalidStateStoreException | IllegalStateException | IllegalArgumentException e) {
            // not running yet, rebalancing, restoring, or the store migrated while we read it
            throw new ReadModelUnavailableException(store, e);
        } catch (RuntimeException e) {
            // the query service's retries give up with the store's exception as the cause (seen after a broker restart)
            if (e.getCause() instanceof InvalidStateStoreException) {
                throw new ReadModelUnavailableException(store, e.getCause());
            }
            throw e;
        }
    }

    /** The other instance that owns the key now, or {@code null} when this one does (or runs alone). */
    HostInfo ownerOf(String store, String key) {
        KafkaStreams running = kafkaStreams(store);
        HostInfo self = self();
        if (self == null) {
            return null;
        }
        KeyQueryMetadata owner = running.queryMetadataForKey(store, key, KEYS);
        if (owner == null || owner.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
            throw new ReadModelUnavailableException(store, new IllegalStateException("the owner of the key is moving"));
        }
        return owner.activeHost().equals(self) ? null : owner.activeHost();
    }

    /** Whether this instance owns the key now (an instance asked for a key it no longer owns answers 503). */
    boolean ownsKey(String store, String key) {
        return ownerOf(store, key) == null;
    }

    /** Every other instance with a part of the store. */
    List<HostInfo> others(String store) {
        KafkaStreams running = kafkaStreams(store);
        HostInfo self = self();
        if (self == null) {
            return List.of();
        }
        return running.streamsMetadataForStore(store).stream().map(StreamsMetadata::hostInfo)
                .filter(host -> !host.equals(self) && host.port() > 0).distinct().toList();
    }

    /** Another instance's values of these keys. */
    List<KeyValue<String, byte[]>> remote(HostInfo host, String store, List<String> keys) {
        return guarded(host, store, () -> http.post().uri(uri(host), store)
                .contentType(MediaType.TEXT_PLAIN).body(String.join("\n", keys)));
    }

    /** Another instance's entries: those with a prefix, or (prefix {@code null}) all of them. */
    List<KeyValue<String, byte[]>> remote(HostInfo host, String store, String prefix) {
        return guarded(host, store, () -> http.get().uri(uri(host) + (prefix == null ? "" : "?prefix={prefix}"), store, prefix));
    }

    private static String uri(HostInfo host) {
        return "http://" + host.host() + ":" + host.port() + PATH;
    }

    private List<KeyValue<String, byte[]>> guarded(HostInfo host, String store, Supplier<RestClient.RequestHeadersSpec<?>> request) {
        CircuitBreaker breaker = breakers.computeIfAbsent(host, h -> CircuitBreaker.of("read-model-" + h,
                CircuitBreakerConfig.custom().minimumNumberOfCalls(4).waitDurationInOpenState(Duration.ofSeconds(5))
                        .ignoreExceptions(ReadModelUnavailableException.class).build()));
        Supplier<List<KeyValue<String, byte[]>>> call = () -> {
            byte[] frames = request.get().header(SECRET_HEADER, secret).retrieve()
                    .onStatus(status -> status.value() == 503, (asked, answer) -> {
                        throw new ReadModelUnavailableException(store, new IllegalStateException(host + " is rebalancing"));
                    })
                    .body(byte[].class);
            return decode(frames == null ? new byte[0] : frames);
        };
        try {
            return Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker, call)).get();
        } catch (ReadModelUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ReadModelUnavailableException(store, e);
        }
    }

    boolean acceptsSecret(String offered) {
        return offered != null && MessageDigest.isEqual(
                offered.getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8));
    }

    private HostInfo self() {
        HostInfo self = queries.getCurrentKafkaStreamsApplicationHostInfo();
        return self == null || self.port() <= 0 ? null : self;
    }

    private KafkaStreams kafkaStreams(String store) {
        KafkaStreams kafkaStreams = streams.getKafkaStreams();
        if (kafkaStreams == null || kafkaStreams.state() != KafkaStreams.State.RUNNING) {
            throw new ReadModelUnavailableException(store, new IllegalStateException("Kafka Streams is not running"));
        }
        return kafkaStreams;
    }

    /** Entries as frames: key length, key (UTF-8), value length, value. */
    static byte[] encode(List<KeyValue<String, byte[]>> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DataOutputStream data = new DataOutputStream(out)) {
            for (KeyValue<String, byte[]> entry : entries) {
                byte[] key = entry.key.getBytes(StandardCharsets.UTF_8);
                data.writeInt(key.length);
                data.write(key);
                data.writeInt(entry.value.length);
                data.write(entry.value);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static List<KeyValue<String, byte[]>> decode(byte[] frames) {
        List<KeyValue<String, byte[]>> entries = new ArrayList<>();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(frames))) {
            while (in.available() > 0) {
                String key = new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
                byte[] value = in.readNBytes(in.readInt());
                entries.add(KeyValue.pair(key, value));
            }
        } catch (EOFException e) {
            throw new IllegalStateException("a truncated answer from another instance", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }
}
