package nl.doorstroom.platform;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings every Doorstroom service shares, under {@code doorstroom.*}.
 *
 * @param registryUrl  base address of the schema registry (Apicurio), without the API path
 * @param cloudEvents  how this service names itself in CloudEvents headers
 * @param topics       how topics of the catalogue are created
 * @param publishTimeout how long an HTTP write waits for the broker's acknowledgement before answering 503
 * @param apiVersion   full semantic version of this service's REST API, sent in the {@code API-Version} header
 */
@ConfigurationProperties("doorstroom")
public record PlatformProperties(String registryUrl, CloudEvents cloudEvents, Topics topics, Duration publishTimeout,
                                 String apiVersion) {

    public PlatformProperties {
        if (cloudEvents == null) {
            cloudEvents = new CloudEvents(null);
        }
        if (topics == null) {
            topics = new Topics(3, null, null, null);
        }
        if (publishTimeout == null) {
            publishTimeout = Duration.ofSeconds(10);
        }
        if (apiVersion == null) {
            apiVersion = "1.0.0";
        }
    }

    /**
     * @param source CloudEvents {@code source}: a {@code urn:nld:} URN naming the organisation (OIN) and the system
     */
    public record CloudEvents(String source) {
    }

    /**
     * @param partitions        partitions of each topic the service creates
     * @param replicationFactor replicas of each topic; empty means the broker's default
     * @param minInSyncReplicas replicas that must have a write before it is acknowledged; empty means the broker's
     *                          default (3 and 2 in the {@code production} profile, see PlatformDefaults)
     * @param retention         retention per topic name, overriding the catalogue's (only when a topic is created),
     *                          e.g. {@code doorstroom.topics.retention[audit.processing-log]=P3650D}
     */
    public record Topics(@DefaultValue("3") int partitions, Short replicationFactor, Short minInSyncReplicas,
                         Map<String, Duration> retention) {

        public Topics {
            retention = retention == null ? Map.of() : Map.copyOf(retention);
        }
    }
}
