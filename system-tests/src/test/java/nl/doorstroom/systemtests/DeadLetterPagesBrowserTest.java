package nl.doorstroom.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

import nl.doorstroom.platform.test.TopicContents;
import nl.doorstroom.platform.test.browser.Browser;

/**
 * The dead letters page in a real browser, signed in at Keycloak as the demo platform operator ({@code beheerder}):
 * a record on intake.person-events that is not Avro shows up in intake-service's table of that topic, is replayed with
 * the row's button (a confirmation, the row then says when), and the whole topic with the topic's button. Every state
 * passes the WCAG 2.1 AA check; each step is kept as a screenshot under target/screenshots/.
 */
class DeadLetterPagesBrowserTest {

    @RegisterExtension
    static Browser browser = Browser.chromium();

    private static final String EVENTS = "intake.person-events";
    private static final String PAGE = "/beheer/dode-letters";

    private static String key;

    @BeforeAll
    static void aPoisonRecord() {
        key = UUID.randomUUID().toString();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                brokers()), new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(EVENTS, 0, key.getBytes(StandardCharsets.UTF_8),
                    "not avro".getBytes(StandardCharsets.UTF_8)));
            producer.flush();
        }
        await("the dead letter").atMost(Duration.ofSeconds(30))
                .until(() -> !TopicContents.recordsWithKey(brokers(), EVENTS + ".dlt", key).isEmpty());
    }

    @Test
    void theOperatorSeesTheDeadLettersOfATopicAndReplaysThem() {
        String intake = RunningPlatform.service("intake-service").baseUrl();
        String topicPage = intake + PAGE + "?topic=" + EVENTS + "&pageSize=100";
        browser.signIn(topicPage, "beheerder", KeycloakServer.DEMO_PASSWORD);

        assertThat(browser.awaitVisible(By.tagName("h1")).getText()).isEqualTo("Dode letters");
        assertThat(browser.awaitVisible(By.id("dead-letters-link")).getAttribute("href")).as("the operator's header link")
                .endsWith(PAGE);
        assertThat(browser.awaitVisible(By.tagName("h2")).getText()).isEqualTo(EVENTS);
        WebElement row = row();
        assertThat(row.getText()).contains("onleesbaar", "nee").doesNotContain("not avro");
        String id = row.findElement(By.tagName("th")).getText();
        assertThat(id).startsWith(EVENTS + ".dlt-0-");
        browser.screenshot("dead letters of intake.person-events");
        browser.assertAccessible();

        row.findElement(By.tagName("button")).click();
        browser.awaitPage(PAGE);
        assertThat(browser.awaitVisible(By.id("flash")).getText()).isEqualTo("Dode letter " + id + " is opnieuw aangeboden.");
        browser.screenshot("replayed one");
        browser.assertAccessible();

        browser.open(topicPage).awaitPage(PAGE);
        assertThat(browser.awaitVisible(By.xpath("//tr[th[normalize-space()='" + id + "']]")).getText()).contains("ja, ");
        browser.awaitVisible(By.id("replay-all-0")).click();
        browser.awaitPage(PAGE);
        assertThat(browser.awaitVisible(By.id("flash")).getText()).contains(EVENTS);
        browser.screenshot("replayed the topic");
        browser.assertAccessible();

        browser.open(topicPage + "&lang=en").awaitPage(PAGE);
        assertThat(browser.awaitVisible(By.tagName("h1")).getText()).isEqualTo("Dead letters");
        browser.screenshot("in English");
        browser.assertAccessible();
    }

    /** The first row of the poison record (intake and trajectory both read the topic: each may have made one). */
    private static WebElement row() {
        return browser.awaitVisible(By.xpath("//tr[td/code[normalize-space()='" + key + "']]"));
    }

    private static String brokers() {
        return System.getProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS);
    }
}
