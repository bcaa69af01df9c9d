package nl.doorstroom.trajectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaAdmin;

import nl.doorstroom.schemas.Topic;
import nl.doorstroom.schemas.Topics;
import nl.doorstroom.schemas.WritePathTopics;

/** The settings of every topic, read back from the broker: what the catalogue says, and compacted changelogs. */
class TopicSettingsIntegrationTest extends TrajectoryServiceIntegrationTest {

    private static final String KEPT_FOR_EVER = "-1";

    @Value("${spring.kafka.bootstrap-servers}")
    private String brokers;

    @Autowired
    private KafkaAdmin kafkaAdmin;

    private Admin admin;

    @BeforeEach
    void connect() {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers));
    }

    @AfterEach
    void disconnect() {
        admin.close();
    }

    @Test
    void everyTopicOfTheCatalogueHasTheCataloguesSettingsOnTheBroker() throws Exception {
        List<Topic<?, ?>> catalogue = new ArrayList<>(Topics.ALL);
        Topics.WRITE_PATHS.stream().map(WritePathTopics::all).forEach(catalogue::addAll);
        Map<String, Config> onBroker = configs(catalogue.stream()
                .flatMap(topic -> Stream.of(topic.name(), topic.deadLetterTopic())).toList());

        for (Topic<?, ?> topic : catalogue) {
            Config config = onBroker.get(topic.name());
            topic.configs().forEach((name, value) ->
                    assertThat(config.get(name).value()).as("%s of %s", name, topic.name()).isEqualTo(value));
            // a compacted topic may also expire (the replay markers of dead letters): then the catalogue says so
            assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).as("cleanup policy of %s", topic.name())
                    .isEqualTo(topic.configs().getOrDefault(TopicConfig.CLEANUP_POLICY_CONFIG,
                            topic.compacted() ? "compact" : "delete"));
            assertThat(onBroker.get(topic.deadLetterTopic()).get(TopicConfig.RETENTION_MS_CONFIG).value())
                    .as("retention of %s", topic.deadLetterTopic())
                    .isEqualTo(Long.toString(Topic.DEAD_LETTER_RETENTION.toMillis()));
        }
        for (Topic<?, ?> eventTopic : List.of(Topics.INTAKE_PERSON_EVENTS, Topics.TRAJECTORY_TRAJECTORY_EVENTS)) {
            assertThat(onBroker.get(eventTopic.name()).get(TopicConfig.RETENTION_MS_CONFIG).value())
                    .as("the system of record %s expires", eventTopic.name()).isEqualTo(KEPT_FOR_EVER);
        }
    }

    @Test
    void everyStateStoreChangelogOfThisServiceIsCompacted() throws Exception {
        Set<String> changelogs = admin.listTopics().names().get().stream()
                .filter(name -> name.startsWith("trajectory-service-") && name.endsWith("-changelog"))
                .collect(Collectors.toSet());
        assertThat(changelogs).contains("trajectory-service-trajectories-changelog",
                "trajectory-service-trajectory-history-changelog");

        configs(changelogs).forEach((name, config) ->
                assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).as(name).contains("compact"));
    }

    @Test
    void aTopicCreatedWithOtherSettingsGetsTheCataloguesAtTheNextStart() throws Exception {
        String events = Topics.TRAJECTORY_TRAJECTORY_EVENTS.name();
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, events);
        admin.incrementalAlterConfigs(Map.of(topic, List.of(new AlterConfigOp(
                new ConfigEntry(TopicConfig.RETENTION_MS_CONFIG, "604800000"), AlterConfigOp.OpType.SET)))).all().get();
        // a broker applies a config change from the metadata log a moment after the change is acknowledged
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                configs(List.of(events)).get(events).get(TopicConfig.RETENTION_MS_CONFIG).value()).isEqualTo("604800000"));

        kafkaAdmin.initialize();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                configs(List.of(events)).get(events).get(TopicConfig.RETENTION_MS_CONFIG).value()).isEqualTo(KEPT_FOR_EVER));
    }

    private Map<String, Config> configs(Collection<String> topics) throws Exception {
        List<ConfigResource> resources = topics.stream()
                .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList();
        return admin.describeConfigs(resources).all().get().entrySet().stream()
                .collect(Collectors.toMap(entry -> entry.getKey().name(), Map.Entry::getValue));
    }
}
