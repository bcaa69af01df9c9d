package nl.doorstroom.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.support.KafkaHeaders;

import io.micrometer.core.instrument.MeterRegistry;
import nl.doorstroom.platform.test.ApiConventions;
import nl.doorstroom.platform.test.DemoPrivacyKeys;
import nl.doorstroom.platform.test.TestTokens;
import nl.doorstroom.platform.test.TopicContents;
import nl.doorstroom.schemas.Topics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's dead letters, operated in intake-service against the real broker and registry: a record on
 * intake.person-events that is not Avro becomes a dead letter; the operator lists it, replays it once (a second
 * replay publishes nothing), replays the rest of the topic, sees the metrics, and nobody else may do any of it. A dead
 * letter whose exception message names a person shows that name nowhere.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DemoPrivacyKeys
class DeadLetterOperationsIntegrationTest {

    private static final String OPERATOR = TestTokens.platformOperator();
    private static final String EVENTS = Topics.INTAKE_PERSON_EVENTS.name();
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;
    @Autowired
    StreamsBuilderFactoryBean streams;
    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void streamsRunning() {
        await("intake streams running").atMost(DEADLINE).until(() -> streams.getKafkaStreams() != null
                && streams.getKafkaStreams().state() == KafkaStreams.State.RUNNING);
    }

    @Test
    void aPoisonRecordIsListedReplayedOnceAndCounted() throws Exception {
        String personId = UUID.randomUUID().toString();
        byte[] poison = "not avro at all".getBytes(StandardCharsets.UTF_8);
        RecordHeaders headers = new RecordHeaders();
        headers.add("doorstroom-test", "kept".getBytes(StandardCharsets.UTF_8));
        long offset = send(new ProducerRecord<>(EVENTS, 0, null, personId.getBytes(StandardCharsets.UTF_8), poison, headers))
                .offset();

        JsonNode letter = await("the poison record on " + EVENTS + ".dlt").atMost(DEADLINE).ignoreExceptions()
                .until(() -> lettersWithKey(personId), found -> !found.isEmpty()).getFirst();
        String id = letter.get("id").asString();
        assertThat(id).startsWith(EVENTS + ".dlt-0-");
        assertThat(letter.get("topic").asString()).isEqualTo(EVENTS);
        assertThat(letter.get("partition").asInt()).isZero();
        assertThat(letter.get("offset").asLong()).isEqualTo(offset);
        assertThat(letter.get("category").asString()).isEqualTo("unreadable");
        assertThat(letter.get("reason").asString()).isNotBlank().doesNotContain(".");
        assertThat(letter.get("replayed").asBoolean()).isFalse();
        assertThat(letter.get("timestamp").isNull()).isFalse();
        assertThat(letter.has("value")).isFalse();

        long before = TopicContents.endOffsets(brokers, EVENTS);
        HttpResponse<String> replayed = post("/api/v1/dead-letters/" + id + "/replays", OPERATOR, null);
        assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(202);
        assertThat(JSON.readTree(replayed.body()).get("replayed").asBoolean()).isTrue();
        assertThat(JSON.readTree(replayed.body()).get("replayedAt").isNull()).isFalse();
        ConsumerRecord<byte[], byte[]> again = await("the replayed record on " + EVENTS).atMost(DEADLINE)
                .until(() -> TopicContents.recordsWithKey(brokers, EVENTS, personId), found -> found.size() == 2).getLast();
        assertThat(again.partition()).isZero();
        assertThat(again.value()).isEqualTo(poison);
        assertThat(TopicContents.header(again, "doorstroom-replay-of")).isEqualTo(id);
        assertThat(TopicContents.header(again, "doorstroom-test")).as("original headers are kept").isEqualTo("kept");
        assertThat(StreamSupport.stream(again.headers().spliterator(), false).map(h -> h.key()))
                .noneMatch(key -> key.startsWith("kafka_dlt-"));
        long afterFirst = TopicContents.endOffsets(brokers, EVENTS);
        assertThat(afterFirst).isEqualTo(before + 1);

        HttpResponse<String> repeated = post("/api/v1/dead-letters/" + id + "/replays", OPERATOR, null);
        assertThat(repeated.statusCode()).as("a second replay of the same dead letter").isEqualTo(200);
        assertThat(JSON.readTree(repeated.body()).get("id").asString()).isEqualTo(id);
        assertThat(TopicContents.endOffsets(brokers, EVENTS)).as("nothing published again").isEqualTo(afterFirst);

        // the replayed record is still not Avro: it becomes a dead letter of its own, which replaying the topic takes
        String second = await("the replay's own dead letter").atMost(DEADLINE).ignoreExceptions()
                .until(() -> lettersWithKey(personId), found -> found.size() == 2).getFirst().get("id").asString();
        assertThat(second).isNotEqualTo(id);
        HttpResponse<String> all = post("/api/v1/dead-letter-replays", OPERATOR, "{\"topic\":\"" + EVENTS + "\"}");
        assertThat(all.statusCode()).as(all.body()).isEqualTo(202);
        assertThat(JSON.readTree(all.body()).get("replayed").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(lettersWithKey(personId)).filteredOn(l -> l.get("id").asString().equals(second))
                .singleElement().satisfies(l -> assertThat(l.get("replayed").asBoolean()).isTrue());

        await("the gauge counts the dead letters").atMost(DEADLINE).untilAsserted(() ->
                assertThat(meters.get("doorstroom.dead.letters").tag("topic", EVENTS + ".dlt").gauge().value())
                        .isGreaterThanOrEqualTo(2));
        assertThat(meters.get("doorstroom.dead.letters.replayed").tag("topic", EVENTS).counter().count())
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void onlyThePlatformOperatorListsAndReplays() {
        for (String token : List.of(TestTokens.azcStaff("AZC-BUDEL"), TestTokens.coaPlacementOfficer(),
                TestTokens.caseWorker("GM0344"))) {
            assertThat(get("/api/v1/dead-letters", token).statusCode()).isEqualTo(403);
            assertThat(post("/api/v1/dead-letters/" + EVENTS + ".dlt-0-0/replays", token, null).statusCode()).isEqualTo(403);
            assertThat(post("/api/v1/dead-letter-replays", token, "{\"topic\":\"" + EVENTS + "\"}").statusCode())
                    .isEqualTo(403);
            assertThat(page("/beheer/dode-letters", token, "nl").statusCode()).isEqualTo(403);
        }
        assertThat(exchange(HttpRequest.newBuilder(uri("/api/v1/dead-letters")).build()).statusCode()).isEqualTo(401);
    }

    @Test
    void requestsAreValidatedFieldByFieldInDutchAndEnglish() {
        JsonNode blank = JSON.readTree(post("/api/v1/dead-letter-replays", OPERATOR, "{\"topic\":\"\"}", "nl").body());
        assertThat(blank.get("status").asInt()).isEqualTo(400);
        assertThat(blank.get("invalidParams").get(0).get("name").asString()).isEqualTo("topic");
        assertThat(blank.get("invalidParams").get(0).get("reason").asString()).contains("topic met dode letters");
        JsonNode unknown = JSON.readTree(post("/api/v1/dead-letter-replays", OPERATOR, "{\"topic\":\"nobody.reads-this\"}", "en").body());
        assertThat(unknown.get("status").asInt()).isEqualTo(400);
        assertThat(unknown.get("invalidParams").get(0).get("name").asString()).isEqualTo("topic");
        assertThat(unknown.get("invalidParams").get(0).get("code").asString()).isEqualTo("unknownTopic");
        assertThat(unknown.get("invalidParams").get(0).get("reason").asString()).contains("not a topic with dead letters");
        assertThat(post("/api/v1/dead-letter-replays", OPERATOR, "{\"topic\":\"" + EVENTS + "\",\"all\":true}").statusCode())
                .as("no unknown fields").isEqualTo(400);
        assertThat(post("/api/v1/dead-letter-replays", OPERATOR, "{}").statusCode()).isEqualTo(400);
        JsonNode malformedId = JSON.readTree(post("/api/v1/dead-letters/not-an-id/replays", OPERATOR, null, "en").body());
        assertThat(malformedId.get("status").asInt()).isEqualTo(400);
        assertThat(malformedId.get("invalidParams").get(0).get("reason").asString()).contains("id of a dead letter");
        assertThat(post("/api/v1/dead-letters/" + EVENTS + ".dlt-0-999999999/replays", OPERATOR, null).statusCode())
                .as("no such dead letter").isEqualTo(404);
        assertThat(post("/api/v1/dead-letters/nobody.reads-this.dlt-0-0/replays", OPERATOR, null).statusCode())
                .as("no such dead-letter topic").isEqualTo(404);
        JsonNode badPage = JSON.readTree(get("/api/v1/dead-letters?page=0&pageSize=1000", OPERATOR).body());
        assertThat(badPage.get("invalidParams")).hasSize(2);
        assertThat(get("/api/v1/dead-letters?topic=nobody.reads-this", OPERATOR).statusCode()).isEqualTo(400);
    }

    /**
     * A dead letter carries the exception's message and stack trace, and the value: all of them may name the person.
     * None of it is shown, in the API or on the page.
     */
    @Test
    void aNameInTheExceptionMessageIsShownNowhere() throws Exception {
        String topic = Topics.TRAJECTORY_TRAJECTORY_EVENTS.name();
        String personId = UUID.randomUUID().toString();
        RecordHeaders headers = new RecordHeaders();
        headers.add(KafkaHeaders.DLT_ORIGINAL_TOPIC, topic.getBytes(StandardCharsets.UTF_8));
        headers.add(KafkaHeaders.DLT_ORIGINAL_PARTITION, ByteBuffer.allocate(4).putInt(1).array());
        headers.add(KafkaHeaders.DLT_ORIGINAL_OFFSET, ByteBuffer.allocate(8).putLong(7).array());
        headers.add(KafkaHeaders.DLT_EXCEPTION_FQCN,
                "org.springframework.kafka.listener.ListenerExecutionFailedException".getBytes(StandardCharsets.UTF_8));
        headers.add(KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN, "java.lang.IllegalStateException".getBytes(StandardCharsets.UTF_8));
        headers.add(KafkaHeaders.DLT_EXCEPTION_MESSAGE,
                "Listener failed; no municipality for Amina Haddad".getBytes(StandardCharsets.UTF_8));
        headers.add(KafkaHeaders.DLT_EXCEPTION_STACKTRACE,
                "java.lang.IllegalStateException: no municipality for Amina Haddad\n\tat x.y(Z.java:1)".getBytes(StandardCharsets.UTF_8));
        long offset = send(new ProducerRecord<>(topic + ".dlt", 1, null, personId.getBytes(StandardCharsets.UTF_8),
                "{\"givenNames\":\"Amina\",\"familyName\":\"Haddad\"}".getBytes(StandardCharsets.UTF_8), headers)).offset();
        String id = topic + ".dlt-1-" + offset;

        HttpResponse<String> listed = get("/api/v1/dead-letters?topic=" + topic + "&pageSize=100", OPERATOR);
        assertThat(listed.statusCode()).isEqualTo(200);
        JsonNode letter = StreamSupport.stream(JSON.readTree(listed.body()).get("deadLetters").spliterator(), false)
                .filter(l -> l.get("id").asString().equals(id)).findFirst().orElseThrow();
        assertThat(letter.get("reason").asString()).isEqualTo("IllegalStateException");
        assertThat(letter.get("category").asString()).isEqualTo("rejected");
        assertThat(letter.get("key").asString()).isEqualTo(personId);
        assertThat(letter.get("partition").asInt()).isEqualTo(1);
        assertThat(letter.get("offset").asLong()).isEqualTo(7);
        assertThat(listed.body()).doesNotContain("Amina", "Haddad", "municipality for", "Z.java");

        HttpResponse<String> dutch = page("/beheer/dode-letters", OPERATOR, "nl");
        assertThat(dutch.statusCode()).isEqualTo(200);
        assertThat(dutch.body()).contains(id).doesNotContain("Amina", "Haddad", "municipality for", "Z.java");
        HttpResponse<String> english = page("/beheer/dode-letters?topic=" + topic + "&pageSize=100", OPERATOR, "en");
        assertThat(english.body()).contains(id, "IllegalStateException", "processing failed")
                .doesNotContain("Amina", "Haddad", "municipality for", "Z.java");
    }

    @Test
    void theOperatorsPageListsPerTopicAndReplaysWithAMessage() throws Exception {
        String personId = UUID.randomUUID().toString();
        send(new ProducerRecord<>(EVENTS, 0, personId.getBytes(StandardCharsets.UTF_8),
                "still not avro".getBytes(StandardCharsets.UTF_8)));
        String id = await("the poison record on " + EVENTS + ".dlt").atMost(DEADLINE).ignoreExceptions()
                .until(() -> lettersWithKey(personId), found -> !found.isEmpty()).getFirst().get("id").asString();

        HttpResponse<String> response = page("/beheer/dode-letters?topic=" + EVENTS + "&pageSize=100", OPERATOR, "nl");
        assertThat(response.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(response.body());
        assertAccessible(page, response.body());
        assertThat(page.selectFirst("h1").text()).isEqualTo("Dode letters");
        assertThat(page.selectFirst("title").text()).startsWith("Dode letters");
        assertThat(page.select("h2").eachText()).containsExactly(EVENTS);
        Element row = page.select("tbody tr").stream().filter(tr -> tr.selectFirst("th").text().equals(id)).findFirst()
                .orElseThrow();
        assertThat(row.text()).contains(personId, "onleesbaar", "nee");
        Element replay = row.selectFirst("form[method=post]");
        assertThat(replay.attr("action")).isEqualTo("/beheer/dode-letters/" + id + "/herhalingen");
        assertThat(replay.selectFirst("input[name=_csrf]")).as("session forms carry a CSRF token").isNotNull();
        assertThat(replay.selectFirst("button").text()).isEqualTo("Opnieuw aanbieden " + id);
        assertThat(page.selectFirst("input[name=topic][value='" + EVENTS + "']")).as("a replay of the whole topic").isNotNull();
        assertThat(Jsoup.parse(page("/beheer/dode-letters?lang=en", OPERATOR, "en").body()).selectFirst("h1").text())
                .isEqualTo("Dead letters");

        HttpResponse<String> posted = form("/beheer/dode-letters/" + id + "/herhalingen", OPERATOR, "");
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
        assertThat(posted.headers().firstValue("Location").orElseThrow()).endsWith("/beheer/dode-letters");
        Document after = followWithSession(posted);
        assertThat(after.selectFirst("#flash").text()).isEqualTo("Dode letter " + id + " is opnieuw aangeboden.");
        assertThat(after.selectFirst("#flash").attr("role")).isEqualTo("status");
        Document again = followWithSession(form("/beheer/dode-letters/" + id + "/herhalingen", OPERATOR, ""));
        assertThat(again.selectFirst("#flash").text()).contains("was al opnieuw aangeboden");
        Document all = followWithSession(form("/beheer/dode-letters/herhalingen", OPERATOR, "topic=" + EVENTS));
        assertThat(all.selectFirst("#flash").text()).contains(EVENTS);
        Document unknown = followWithSession(form("/beheer/dode-letters/" + EVENTS + ".dlt-0-999999999/herhalingen",
                OPERATOR, ""));
        assertThat(unknown.selectFirst("#flash").text()).contains("bestaat niet");
    }

    // ------------------------------------------------------------------------------------------------------ helpers

    private RecordMetadata send(ProducerRecord<byte[], byte[]> record) throws Exception {
        try (KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(Map.of("bootstrap.servers", brokers),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            return raw.send(record).get();
        }
    }

    /** The listed dead letters of intake.person-events with this key, newest first. */
    private List<JsonNode> lettersWithKey(String key) {
        HttpResponse<String> listed = get("/api/v1/dead-letters?topic=" + EVENTS + "&pageSize=100", OPERATOR);
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        return StreamSupport.stream(JSON.readTree(listed.body()).get("deadLetters").spliterator(), false)
                .filter(letter -> key.equals(letter.path("key").asString(""))).toList();
    }

    private static void assertAccessible(Document page, String html) {
        ApiConventions.assertOneHeadingAndLandmarks(html);
        assertThat(page.selectFirst("html").attr("lang")).isIn("nl", "en");
        assertThat(page.selectFirst("a.skip-link[href=#inhoud]")).isNotNull();
        assertThat(page.getElementById("inhoud")).isNotNull();
        for (Element table : page.select("table")) {
            assertThat(table.selectFirst("caption")).isNotNull();
            assertThat(table.select("th")).allSatisfy(th -> assertThat(th.attr("scope")).isIn("col", "row"));
        }
        for (Element section : page.select("section")) {
            assertThat(page.getElementById(section.attr("aria-labelledby"))).as("section heading").isNotNull();
        }
        assertThat(page.select("[id]").eachAttr("id")).doesNotHaveDuplicates();
    }

    private Document followWithSession(HttpResponse<String> redirect) {
        assertThat(redirect.statusCode()).as(redirect.body()).isEqualTo(302);
        String session = redirect.headers().firstValue("Set-Cookie").orElseThrow().replaceAll(";.*", "");
        HttpResponse<String> shown = exchange(HttpRequest.newBuilder(uri("/").resolve(redirect.headers()
                        .firstValue("Location").orElseThrow())).header("Cookie", session)
                .header("Authorization", "Bearer " + OPERATOR).header("Accept-Language", "nl").GET().build());
        assertThat(shown.statusCode()).isEqualTo(200);
        return Jsoup.parse(shown.body());
    }

    private HttpResponse<String> get(String path, String token) {
        return exchange(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token).GET().build());
    }

    private HttpResponse<String> post(String path, String token, String json) {
        return post(path, token, json, "nl");
    }

    private HttpResponse<String> post(String path, String token, String json, String language) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token)
                .header("Accept-Language", language);
        if (json == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        }
        return exchange(request.build());
    }

    private HttpResponse<String> page(String path, String token, String language) {
        return exchange(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token)
                .header("Accept", "text/html").header("Accept-Language", language).GET().build());
    }

    private HttpResponse<String> form(String path, String token, String fields) {
        return exchange(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(fields)).build());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static HttpResponse<String> exchange(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
