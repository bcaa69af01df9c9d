package nl.doorstroom.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

import nl.doorstroom.platform.PlatformProperties;
import nl.doorstroom.schemas.Topics;

/** The topics every service creates at start, with the catalogue's topic configs. */
class CatalogueTopicsTest {

    private final Map<String, NewTopic> topics = KafkaPlatformAutoConfiguration
            .catalogue(new PlatformProperties(null, null, null, null, null).topics()).stream()
            .collect(Collectors.toMap(NewTopic::name, Function.identity()));

    @Test
    void subjectKeysAreCompactedWithADeadlineForErasure() {
        NewTopic keys = topics.get(Topics.PRIVACY_SUBJECT_KEYS.name());
        assertThat(keys.configs())
                .containsEntry("cleanup.policy", "compact")
                .containsEntry("max.compaction.lag.ms", "86400000")
                .containsEntry("min.cleanable.dirty.ratio", "0.01")
                .containsEntry("delete.retention.ms", "86400000");
        assertThat(configs(Topics.PRIVACY_SUBJECT_KEYS.deadLetterTopic())).containsOnly(entry("retention.ms", "7776000000"));
    }

    @Test
    void eventTopicsAreKeptForTheLifeOfTheRecordAndDeadLettersForNinetyDays() {
        assertThat(configs(Topics.INTAKE_PERSON_EVENTS.name())).containsOnly(entry("retention.ms", "-1"));
        assertThat(configs(Topics.TRAJECTORY_TRAJECTORY_EVENTS.name())).containsOnly(entry("retention.ms", "-1"));
        assertThat(configs(Topics.INTAKE_PERSON_EVENTS.deadLetterTopic())).containsOnly(entry("retention.ms", "7776000000"));
    }

    @Test
    void replayMarkersAreCompactedAndOutliveTheirDeadLetters() {
        assertThat(configs(Topics.PLATFORM_DEAD_LETTER_REPLAYS.name()))
                .containsEntry("cleanup.policy", "compact,delete")
                .containsEntry("retention.ms", Long.toString(Duration.ofDays(97).toMillis()));
    }

    @Test
    void replicationAndMinimumInSyncReplicasAsConfigured() {
        NewTopic events = KafkaPlatformAutoConfiguration
                .catalogue(new PlatformProperties.Topics(6, (short) 3, (short) 2, Map.of())).stream()
                .filter(topic -> topic.name().equals(Topics.INTAKE_PERSON_EVENTS.name())).findFirst().orElseThrow();
        assertThat(events.numPartitions()).isEqualTo(6);
        assertThat(events.replicationFactor()).isEqualTo((short) 3);
        assertThat(events.configs()).containsEntry("min.insync.replicas", "2");
        assertThat(configs(Topics.INTAKE_PERSON_EVENTS.name())).doesNotContainKey("min.insync.replicas");
    }

    /** NewTopic answers null for "no configs". */
    private Map<String, String> configs(String topic) {
        Map<String, String> configs = topics.get(topic).configs();
        return configs == null ? Map.of() : configs;
    }
}
