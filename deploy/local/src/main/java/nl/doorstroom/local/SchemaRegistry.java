package nl.doorstroom.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Apicurio Registry from the distribution Maven unpacked into target/tools, bound to 127.0.0.1 and keeping
 * its schemas in Kafka (KafkaSQL), so schema ids survive restarts just like the records that name them.
 */
final class SchemaRegistry {

    static final String COMPATIBILITY = "BACKWARD_TRANSITIVE";

    private SchemaRegistry() {
    }

    static ManagedProcess start(StackLayout layout, Options options, ProcessGroup group) throws StartupException {
        int http = options.port(Options.Port.REGISTRY);
        int management = options.port(Options.Port.REGISTRY_MANAGEMENT);
        List<String> command = StackLayout.javaCommand(List.of("-Xmx512m",
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=" + http,
                "-Dquarkus.management.host=127.0.0.1",
                "-Dquarkus.management.port=" + management,
                "-Dapicurio.storage.kind=kafkasql",
                "-Dapicurio.kafkasql.bootstrap.servers=" + options.bootstrapServers(),
                "-Dapicurio.kafkasql.consumer.poll.timeout=1000",
                "-Dapicurio.rules.global.compatibility=" + COMPATIBILITY,
                "-jar", "quarkus-run.jar"));
        ManagedProcess registry = group.start("schema-registry", command, layout.registryDir(),
                layout.log("schema-registry"), Map.of());
        HealthWait.untilHttpOk(registry, URI.create("http://127.0.0.1:" + management + "/health/ready"), options.readyTimeout());
        storeCompatibility(registry, http);
        return registry;
    }

    /** The -D global rule is applied at every boot but not stored; the ccompat config is stored in Kafka. */
    private static void storeCompatibility(ManagedProcess registry, int http) throws StartupException {
        URI config = URI.create("http://127.0.0.1:" + http + "/apis/ccompat/v7/config");
        HttpRequest put = HttpRequest.newBuilder(config)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"compatibility\":\"" + COMPATIBILITY + "\"}"))
                .build();
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            HttpResponse<String> response = client.send(put, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 || !response.body().contains(COMPATIBILITY)) {
                throw StartupException.of(registry, "PUT " + config + " answered " + response.statusCode()
                        + " " + response.body());
            }
        } catch (IOException e) {
            throw StartupException.of(registry, "PUT " + config + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("Interrupted while configuring the registry");
        }
    }
}
