package nl.doorstroom.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

/** The defaults every service gets, and what the production profile adds. */
class PlatformDefaultsTest {

    @Test
    void locallyTopicsTakeTheBrokersReplicationAndTheCatalogueIsAuthoritative() {
        MockEnvironment environment = new MockEnvironment();
        new PlatformDefaults().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("doorstroom.topics.replication-factor")).isNull();
        assertThat(environment.getProperty("spring.kafka.admin.modify-topic-configs")).isEqualTo("true");
        assertThat(environment.getProperty("server.servlet.session.cookie.same-site")).isEqualTo("lax");
        assertThat(environment.getProperty("server.forward-headers-strategy")).isNull();
    }

    @Test
    void inProductionEveryTopicIsOnThreeNodesAWriteOnTwoAndCookiesGoOverTlsOnly() {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles(PlatformDefaults.PRODUCTION);
        new PlatformDefaults().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("doorstroom.topics.replication-factor")).isEqualTo("3");
        assertThat(environment.getProperty("doorstroom.topics.min-in-sync-replicas")).isEqualTo("2");
        assertThat(environment.getProperty("spring.kafka.streams.replication-factor")).isEqualTo("3");
        assertThat(environment.getProperty("spring.kafka.streams.properties.topic.min.insync.replicas")).isEqualTo("2");
        assertThat(environment.getProperty("server.forward-headers-strategy")).isEqualTo("native");
        assertThat(environment.getProperty("server.servlet.session.cookie.secure")).isEqualTo("true");
    }
}
