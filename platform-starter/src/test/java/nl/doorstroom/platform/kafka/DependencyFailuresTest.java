package nl.doorstroom.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.avro.AvroRuntimeException;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.serializer.DeserializationException;

import com.microsoft.kiota.ApiException;
import com.microsoft.kiota.ApiExceptionBuilder;

/** What is an outage (retried) and what is a bad record (dead-lettered); and writes that fit in their wait. */
class DependencyFailuresTest {

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("a paused broker", new TimeoutException("Failed to get offsets by times in 60001ms"), true),
                Arguments.of("too few in-sync replicas", new NotEnoughReplicasException("2 required"), true),
                Arguments.of("the registry refuses connections",
                        new SerializationException("schema lookup", new ConnectException("Connection refused")), true),
                Arguments.of("the registry is slow", new SerializationException(new SocketTimeoutException("read timed out")), true),
                Arguments.of("no connection to the registry in time", new HttpConnectTimeoutException("connect"), true),
                Arguments.of("the registry fails itself (503)", new SerializationException(status(503)), true),
                Arguments.of("a listener's record the registry could not resolve",
                        new DeserializationException("failed", new byte[0], false, new SerializationException(new ConnectException("refused"))), true),
                Arguments.of("an unknown schema id (404)", new SerializationException(status(404)), false),
                Arguments.of("bytes that are not Avro", new SerializationException("Unknown magic byte!"), false),
                Arguments.of("a truncated record", new SerializationException(new AvroRuntimeException("EOF")), false),
                Arguments.of("a record over the broker's limit", new RecordTooLargeException("too large"), false),
                Arguments.of("a rule in the code", new IllegalArgumentException("event of another person"), false),
                Arguments.of("an I/O failure that is not the network", new IOException("disk"), false));
    }

    @ParameterizedTest(name = "{0}: unreachable {2}")
    @MethodSource("failures")
    void anOutageIsToldFromABadRecord(String what, Exception failure, boolean unreachable) {
        assertThat(DependencyFailures.isUnreachable(failure)).isEqualTo(unreachable);
    }

    @Test
    void theProducerGivesUpBeforeTheRequestStopsWaiting() {
        Map<String, Object> timeouts = KafkaPlatformAutoConfiguration.deliveryTimeouts(Duration.ofSeconds(10));
        int delivery = (int) timeouts.get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG);
        int request = (int) timeouts.get(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG);
        long blocked = (long) timeouts.get(ProducerConfig.MAX_BLOCK_MS_CONFIG);
        assertThat(delivery).isLessThan(10_000);
        // Kafka refuses a delivery timeout below linger.ms (0 here) plus the request timeout
        assertThat(delivery).isGreaterThanOrEqualTo(request);
        assertThat(blocked).isLessThan(10_000);
    }

    private static ApiException status(int code) {
        return new ApiExceptionBuilder().withMessage("registry answered " + code).withResponseStatusCode(code).build();
    }
}
