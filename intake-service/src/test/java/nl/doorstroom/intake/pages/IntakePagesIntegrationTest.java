package nl.doorstroom.intake.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

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

import nl.doorstroom.platform.test.ApiConventions;
import nl.doorstroom.platform.test.DemoPrivacyKeys;
import nl.doorstroom.platform.test.TestTokens;
import nl.doorstroom.platform.test.TopicContents;
import nl.doorstroom.schemas.Topics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The AZC staff's and COA placement officers' pages over HTTP, against the real broker and schema registry: the whole
 * intake from registration to the link, each form's messages in Dutch and English, a change based on an old version,
 * and who may see what. Test tokens are sent as bearer tokens (no CSRF token needed then; a browser session needs one).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DemoPrivacyKeys
class IntakePagesIntegrationTest {

    private static final String BUDEL = TestTokens.azcStaff("AZC-BUDEL");
    private static final String TER_APEL = TestTokens.azcStaff("AZC-TER-APEL");
    private static final String COA = TestTokens.coaPlacementOfficer();
    private static final DateTimeFormatter DUTCH_DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    int port;
    @Autowired
    StreamsBuilderFactoryBean streams;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @BeforeEach
    void streamsRunning() {
        await("intake streams running").atMost(Duration.ofSeconds(60)).until(() -> {
            KafkaStreams kafkaStreams = streams.getKafkaStreams();
            assertThat(kafkaStreams == null ? null : kafkaStreams.state()).isNotEqualTo(KafkaStreams.State.ERROR);
            return kafkaStreams != null && kafkaStreams.state() == KafkaStreams.State.RUNNING;
        });
    }

    @Test
    void anAzcEmployeeDoesTheWholeIntakeAndAPlacementOfficerLinksThePerson() {
        String vNumber = randomVNumber();
        HttpResponse<String> newForm = get("/personen/nieuw", BUDEL, "nl");
        assertThat(newForm.statusCode()).isEqualTo(200);
        Document form = Jsoup.parse(newForm.body());
        assertAccessible(form, newForm.body());
        assertThat(form.selectFirst("input[name=_csrf]")).as("session forms carry a CSRF token").isNotNull();
        String key = form.selectFirst("input[name=submissionKey]").val();
        assertThat(key).isNotBlank();

        Map<String, String> registration = personalDetails("Amina", "<b>Haddad</b>", vNumber);
        registration.put("submissionKey", key);
        HttpResponse<String> registered = post("/personen/nieuw", BUDEL, "nl", registration);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(302);
        String location = registered.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches(".*/personen/[0-9a-f-]{36}/huishouden");
        String id = location.replaceAll(".*/personen/([0-9a-f-]{36})/huishouden", "$1");
        HttpResponse<String> again = post("/personen/nieuw", BUDEL, "nl", registration);
        assertThat(again.headers().firstValue("Location")).as("a form sent twice registers one person").hasValue(location);

        Document household = Jsoup.parse(get("/personen/" + id + "/huishouden", BUDEL, "nl").body());
        assertThat(household.selectFirst("#children-2-birthYear")).isNotNull();
        assertThat(household.select("ol.steps li[aria-current=step]").text()).isEqualTo("Huishouden");
        assertThat(household.selectFirst("input[name=version]").val()).isEqualTo("1");
        Map<String, String> householdFields = fields(household);
        householdFields.putAll(Map.of("partner.inNetherlands", "false", "children[0].birthYear", "2016",
                "children[0].inNetherlands", "true", "expectedFamilyMembers[0].relationship", "PARTNER",
                "expectedFamilyMembers[0].birthYear", "1991"));
        assertRedirect(post("/personen/" + id + "/huishouden", BUDEL, "nl", householdFields), "/personen/" + id + "/intake");

        Document intake = Jsoup.parse(get("/personen/" + id + "/intake", BUDEL, "nl").body());
        assertThat(intake.select("#workExperience-0-iscoCode[list=isco-groups]")).hasSize(1);
        assertThat(intake.select("#isco-groups option").eachAttr("value")).contains("74", "22");
        assertThat(intake.selectFirst("#cefr-nl-LISTENING")).isNotNull();
        Map<String, String> intakeFields = fields(intake);
        intakeFields.putAll(earlyIntake());
        intakeFields.put("workExperience[0].iscoCode", "9911");
        intakeFields.put("cefr.en.WRITING", "A0");
        HttpResponse<String> invalidIntake = post("/personen/" + id + "/intake", BUDEL, "en", intakeFields);
        assertThat(invalidIntake.statusCode()).isEqualTo(400);
        Document refused = Jsoup.parse(invalidIntake.body());
        assertThat(refused.selectFirst("#workExperience-0-iscoCode").attr("aria-invalid")).isEqualTo("true");
        assertThat(refused.selectFirst("#workExperience-0-iscoCode-error").text()).contains("ISCO-08 occupation code");
        assertThat(refused.selectFirst("#cefr-en-WRITING-error")).as("a level outside A1–C2").isNotNull();
        assertThat(refused.select("#error-summary a").eachAttr("href")).contains("#workExperience-0-iscoCode", "#cefr-en-WRITING");
        assertThat(refused.selectFirst("#workExperience-0-jobTitle").val()).as("entered values kept").isEqualTo("Elektricien");
        assertThat(refused.selectFirst("#cefr-nl-LISTENING option[selected]").val()).isEqualTo("A2");
        intakeFields.put("workExperience[0].iscoCode", "7411");
        intakeFields.remove("cefr.en.WRITING");
        assertRedirect(post("/personen/" + id + "/intake", BUDEL, "nl", intakeFields), "/personen/" + id + "/toestemming");

        Document consent = Jsoup.parse(get("/personen/" + id + "/toestemming", BUDEL, "nl").body());
        assertThat(consent.selectFirst("#decision-GIVEN")).isNotNull();
        Map<String, String> consentFields = fields(consent);
        consentFields.put("decision", "GIVEN");
        assertRedirect(post("/personen/" + id + "/toestemming", BUDEL, "nl", consentFields), "/personen/" + id);

        assertThat(get("/personen/" + id + "/koppeling", BUDEL, "nl").statusCode()).as("AZC staff do not link").isEqualTo(403);
        HttpResponse<String> linkPage = get("/personen/" + id + "/koppeling", COA, "nl");
        Document link = Jsoup.parse(linkPage.body());
        assertAccessible(link, linkPage.body());
        assertThat(link.select("#municipalityCode-options option")).hasSize(342);
        assertThat(link.select("#municipalityCode-options option[value=GM0344]").attr("label")).startsWith("Utrecht – arbeidsmarktregio ");
        Map<String, String> linkFields = fields(link);
        linkFields.put("municipalityCode", "Atlantis");
        linkFields.put("permitDate", LocalDate.now().minusDays(14).toString());
        HttpResponse<String> unknown = post("/personen/" + id + "/koppeling", COA, "nl", linkFields);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(unknown.body()).selectFirst("#municipalityCode-error").text()).contains("gemeentecode");
        linkFields.put("municipalityCode", "utrecht");
        assertRedirect(post("/personen/" + id + "/koppeling", COA, "nl", linkFields), "/personen/" + id);

        HttpResponse<String> personPage = get("/personen/" + id, BUDEL, "nl");
        assertThat(personPage.statusCode()).isEqualTo(200);
        assertThat(personPage.body()).as("markup typed into a name is shown as text")
                .doesNotContain("<b>Haddad</b>").contains("&lt;b&gt;Haddad&lt;/b&gt;");
        Document person = Jsoup.parse(personPage.body());
        assertAccessible(person, personPage.body());
        assertThat(person.selectFirst("h1").text()).isEqualTo("Amina <b>Haddad</b>");
        assertThat(person.selectFirst("#intake-complete")).isNotNull();
        assertThat(person.select("#edit-personal-details, #edit-household, #edit-early-intake, #edit-consent")).hasSize(4);
        assertThat(person.selectFirst("#link-municipality")).as("only placement officers link").isNull();
        assertThat(person.text()).contains("Utrecht", "Elektricien", "7411", "Techniek, Bouw", "Zorg voor kinderen");
        List<Element> versions = person.select("#versions tbody tr");
        assertThat(versions).hasSize(5);
        assertThat(versions.getFirst().text()).contains("5", "Gekoppeld aan gemeente: Utrecht", "COA-plaatsingsmedewerker");
        assertThat(versions.getLast().text()).contains("1", "Ingeschreven", "AZC-medewerker (AZC-BUDEL)");
        assertThat(Jsoup.parse(get("/personen/" + id, COA, "nl").body()).selectFirst("#link-municipality")).isNotNull();

        assertThat(ProcessingLogs.names(port, id)).contains("intake.register-person", "intake.record-household",
                "intake.record-early-intake", "intake.record-consent", "intake.link-to-municipality", "intake.read-person",
                "intake.read-history");
    }

    @Test
    void aFormWithMistakesShowsEachMessageAtItsFieldInTheUsersLanguage() {
        Map<String, String> fields = personalDetails("", "Haddad", "12345");
        fields.put("personalDetails.dateOfBirth", "31-02-1994");
        fields.put("personalDetails.bsn", "123456789");

        HttpResponse<String> dutch = post("/personen/nieuw", BUDEL, "nl", fields);
        assertThat(dutch.statusCode()).isEqualTo(400);
        assertThat(dutch.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        // forms post only back to the service; no other site learns the page's address
        assertThat(dutch.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("form-action 'self'", "base-uri 'self'", "frame-ancestors 'none'"));
        assertThat(dutch.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        Document nl = Jsoup.parse(dutch.body());
        assertAccessible(nl, dutch.body());
        assertThat(nl.selectFirst("html").attr("lang")).isEqualTo("nl");
        assertThat(nl.select("#error-summary a").eachAttr("href")).containsExactly("#personalDetails-givenNames",
                "#personalDetails-dateOfBirth", "#personalDetails-vNumber", "#personalDetails-bsn");
        Element givenNames = nl.selectFirst("#personalDetails-givenNames");
        assertThat(givenNames.attr("aria-invalid")).isEqualTo("true");
        assertThat(givenNames.attr("aria-describedby")).contains("personalDetails-givenNames-error");
        assertThat(nl.selectFirst("#personalDetails-givenNames-error").text()).contains("is verplicht");
        assertThat(nl.selectFirst("#personalDetails-dateOfBirth-error").text()).contains("bestaande datum");
        assertThat(nl.selectFirst("#personalDetails-vNumber-error").text()).contains("10 cijfers");
        assertThat(nl.selectFirst("#personalDetails-bsn-error").text()).contains("elfproef");
        assertThat(nl.select("#error-summary li").first().text()).isEqualTo("Voornamen: is verplicht");
        assertThat(nl.selectFirst("#personalDetails-dateOfBirth").val()).as("kept as typed").isEqualTo("31-02-1994");
        assertThat(nl.selectFirst("#personalDetails-sex-FEMALE").hasAttr("checked")).isTrue();

        Document en = Jsoup.parse(post("/personen/nieuw?lang=en", BUDEL, "nl", fields).body());
        assertThat(en.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(en.selectFirst("label[for=personalDetails-givenNames]").text()).isEqualTo("Given names");
        assertThat(en.selectFirst("#personalDetails-givenNames-error").text()).contains("is required");
        assertThat(en.selectFirst("#personalDetails-dateOfBirth-error").text()).contains("existing date");
        assertThat(en.selectFirst("#personalDetails-bsn-error").text()).contains("11-proef");
    }

    @Test
    void aCorrectionBasedOnAnOldVersionIsRefusedWithTheCurrentVersion() {
        String id = register(BUDEL, randomVNumber());
        Document form = Jsoup.parse(get("/personen/" + id + "/persoonsgegevens", BUDEL, "nl").body());
        assertThat(form.selectFirst("#personalDetails-dateOfBirth").val()).isEqualTo("12-03-1994");
        Map<String, String> first = fields(form);
        first.put("personalDetails.bsn", "123456782");
        Map<String, String> second = fields(form);
        second.put("personalDetails.givenNames", "Aminah");
        second.put("submissionKey", UUID.randomUUID().toString());

        assertRedirect(post("/personen/" + id + "/persoonsgegevens", BUDEL, "nl", first), "/personen/" + id);
        HttpResponse<String> stale = post("/personen/" + id + "/persoonsgegevens", BUDEL, "nl", second);

        assertThat(stale.statusCode()).isEqualTo(409);
        Document refused = Jsoup.parse(stale.body());
        assertThat(refused.selectFirst("#error-summary").text()).contains("versie 1", "versie 2", "niets overschreven");
        assertThat(refused.selectFirst("#stale-version").text()).contains("versie 2");
        assertThat(refused.selectFirst("#personalDetails-givenNames").val()).isEqualTo("Aminah");
        Document person = Jsoup.parse(get("/personen/" + id, BUDEL, "nl").body());
        assertThat(person.selectFirst("h1").text()).as("the first correction was not overwritten").isEqualTo("Amina Haddad");
        assertThat(person.text()).contains("123456782");
        assertThat(person.select("#versions tbody tr").first().text()).contains("Persoonsgegevens gecorrigeerd", "BSN");
    }

    @Test
    void thePeopleOfOneLocationAreSearchedByPostAndFiltered() {
        String vNumber = randomVNumber();
        String id = register(BUDEL, vNumber);

        HttpResponse<String> list = get("/personen?linked=false&intakeComplete=false", BUDEL, "nl");
        assertThat(list.statusCode()).isEqualTo(200);
        Document people = Jsoup.parse(list.body());
        assertAccessible(people, list.body());
        assertThat(people.select("#persons a").eachAttr("href")).contains("/personen/" + id);
        assertThat(people.selectFirst("#persons caption")).isNotNull();
        assertThat(people.select("#persons th[scope=col]")).isNotEmpty();
        assertThat(people.selectFirst("#new-person")).isNotNull();
        assertThat(Jsoup.parse(get("/personen?linked=true", BUDEL, "nl").body()).select("#persons a").eachAttr("href"))
                .doesNotContain("/personen/" + id);

        Document found = Jsoup.parse(search(BUDEL, Map.of("text", vNumber)).body());
        assertThat(found.select("#persons tbody tr")).hasSize(1);
        assertThat(found.selectFirst("#text").val()).isEqualTo(vNumber);
        assertThat(Jsoup.parse(search(TER_APEL, Map.of("text", vNumber)).body()).selectFirst("#no-results"))
                .as("another location's people are not found").isNotNull();
        assertThat(Jsoup.parse(search(COA, Map.of("text", vNumber)).body()).select("#persons tbody tr"))
                .as("placement officers see every location").hasSize(1);
        assertThat(get("/", BUDEL, "nl").headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/personen"));
    }

    @Test
    void theListIsPagedOnTheServerAndLogsOnlyThePeopleShown() {
        String zwolle = TestTokens.token(Map.of("roles", List.of("azc-staff"), "location", "AZC-ZWOLLE",
                "given_name", "Sanne", "family_name", "Bakker"));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(register(zwolle, randomVNumber()));
        }
        String zeynep = randomVNumber();
        HttpResponse<String> registered = post("/personen/nieuw", zwolle, "nl", personalDetails("Zeynep", "Çelik", zeynep));
        assertThat(registered.statusCode()).isEqualTo(302);

        await("all registered people listed").atMost(Duration.ofSeconds(20))
                .until(() -> Jsoup.parse(get("/personen?pageSize=10", zwolle, "nl").body()).select("#persons caption").text(),
                        caption -> caption.contains("van 13"));
        long logged = processingLogEntries();
        Document first = Jsoup.parse(get("/personen?pageSize=10", zwolle, "nl").body());
        assertAccessible(first, first.outerHtml());
        assertThat(first.select("#persons tbody tr")).hasSize(10);
        assertThat(first.selectFirst("#signed-in-name").text()).isEqualTo("Sanne Bakker");
        assertThat(first.selectFirst("#signed-in-organisation").text()).isEqualTo("AZC-ZWOLLE");
        assertThat(first.selectFirst("#pager a[aria-current=page]").text()).isEqualTo("1");
        assertThat(first.select("#pager a").eachAttr("href")).contains("/personen?page=2&pageSize=10");
        assertThat(first.select("#persons a").eachAttr("href")).as("the most recently registered first")
                .doesNotContain("/personen/" + ids.getFirst());
        assertThat(processingLogEntries() - logged).as("one entry per person shown").isEqualTo(10);
        Document second = Jsoup.parse(get("/personen?page=2&pageSize=10", zwolle, "nl").body());
        assertThat(second.select("#persons tbody tr")).hasSize(3);
        assertThat(second.select("#persons a").eachAttr("href")).contains("/personen/" + ids.getFirst());
        assertThat(second.selectFirst("#persons caption").text()).contains("rij 11 tot en met 13 van 13");

        HttpResponse<String> beyond = get("/personen?page=999999999&pageSize=100", zwolle, "en");
        assertThat(beyond.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(beyond.body()).selectFirst("#beyond-end").text()).contains("the list has 1 pages");

        Document celik = Jsoup.parse(search(zwolle, Map.of("text", "celik", "pageSize", "10")).body());
        assertThat(celik.select("#persons tbody tr")).hasSize(1);
        assertThat(celik.select("#persons tbody").text()).contains("Çelik, Zeynep", zeynep);
        assertThat(Jsoup.parse(get("/personen?linked=true", zwolle, "nl").body()).selectFirst("#no-results")).isNotNull();
        assertThat(Jsoup.parse(get("/personen?linkedFrom=2020-01-01", zwolle, "nl").body()).selectFirst("#no-results"))
                .as("nobody linked yet").isNotNull();

        JsonNode api = JSON.readTree(api("/api/v1/persons?page=2&pageSize=5", zwolle).body());
        assertThat(api.get("total").asInt()).isEqualTo(13);
        assertThat(api.get("persons")).hasSize(5);
        assertThat(JSON.readTree(api("/api/v1/persons?page=2147483647&pageSize=100", zwolle).body()).get("persons")).isEmpty();
        assertThat(api("/api/v1/persons?pageSize=101", zwolle).statusCode()).isEqualTo(400);
        assertThat(api("/api/v1/persons?page=0", zwolle).statusCode()).isEqualTo(400);
    }

    @Test
    void anotherLocationsPersonIsNotFoundAndAnotherRoleIsRefusedWithAPage() {
        String id = register(BUDEL, randomVNumber());

        for (String path : List.of("/personen/" + id, "/personen/" + id + "/huishouden", "/personen/not-a-person",
                "/personen/" + UUID.randomUUID())) {
            HttpResponse<String> notFound = get(path, TER_APEL, "nl");
            assertThat(notFound.statusCode()).as(path).isEqualTo(404);
            assertThat(notFound.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
            assertThat(Jsoup.parse(notFound.body()).selectFirst("h1").text()).isEqualTo("Niet gevonden");
            assertThat(notFound.body()).doesNotContain("Haddad");
        }
        HttpResponse<String> otherLocation = post("/personen/" + id + "/huishouden", TER_APEL, "nl",
                Map.of("version", "1", "partner.inNetherlands", "true"));
        assertThat(otherLocation.statusCode()).isEqualTo(404);

        HttpResponse<String> caseWorker = get("/personen", TestTokens.caseWorker("GM0344"), "en");
        assertThat(caseWorker.statusCode()).isEqualTo(403);
        assertThat(Jsoup.parse(caseWorker.body()).selectFirst("h1").text()).isEqualTo("Not allowed");
        assertThat(post("/personen/nieuw", COA, "nl", personalDetails("Amina", "Haddad", randomVNumber())).statusCode())
                .as("placement officers do not register").isEqualTo(403);
    }

    /** What a screen reader and a keyboard need that the markup itself can show (axe-core checks the rest in a browser). */
    private static void assertAccessible(Document page, String html) {
        ApiConventions.assertOneHeadingAndLandmarks(html);
        assertThat(page.selectFirst("html").attr("lang")).isIn("nl", "en");
        assertThat(page.selectFirst("a.skip-link[href=#inhoud]")).isNotNull();
        assertThat(page.getElementById("inhoud")).isNotNull();
        for (Element input : page.select("input:not([type=hidden]), select, textarea")) {
            assertThat(page.select("label[for=" + input.id() + "]")).as("label of %s", input.id()).hasSize(1);
        }
        for (Element table : page.select("table")) {
            assertThat(table.selectFirst("caption")).isNotNull();
            assertThat(table.select("th")).allSatisfy(th -> assertThat(th.attr("scope")).isIn("col", "row"));
        }
        assertThat(page.select("[id]").eachAttr("id")).doesNotHaveDuplicates();
    }

    private String register(String token, String vNumber) {
        HttpResponse<String> registered = post("/personen/nieuw", token, "nl", personalDetails("Amina", "Haddad", vNumber));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(302);
        return registered.headers().firstValue("Location").orElseThrow().replaceAll(".*/personen/([0-9a-f-]{36})/huishouden", "$1");
    }

    private static Map<String, String> personalDetails(String givenNames, String familyName, String vNumber) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("personalDetails.givenNames", givenNames);
        fields.put("personalDetails.familyName", familyName);
        fields.put("personalDetails.dateOfBirth", "12-03-1994");
        fields.put("personalDetails.sex", "FEMALE");
        fields.put("personalDetails.vNumber", vNumber);
        fields.put("personalDetails.bsn", "");
        fields.put("personalDetails.countryOfOrigin", "SY");
        fields.put("personalDetails.languagesSpoken[0]", "ar");
        fields.put("personalDetails.languagesSpoken[1]", "");
        fields.put("personalDetails.literateInLatinScript", "true");
        fields.put("familyReunification.anchorVNumber", "");
        fields.put("familyReunification.relationship", "");
        fields.put("familyReunification.permitDate", "");
        return fields;
    }

    private static Map<String, String> earlyIntake() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("education.iscedLevel", "ISCED_3");
        fields.put("education.dutchComparableLevel", "MBO_4");
        fields.put("education.yearsOfSchooling", "12");
        fields.put("education.countryOfEducation", "SY");
        fields.put("workExperience[0].jobTitle", "Elektricien");
        fields.put("workExperience[0].iscoCode", "7411");
        fields.put("workExperience[0].years", "6");
        fields.put("workExperience[0].sector", "Bouw");
        fields.put("cefr.nl.LISTENING", "A2");
        fields.put("cefr.en.READING", "B1");
        fields.put("wishes.work", "Elektricien");
        fields.put("wishes.sectors", "Techniek, Bouw");
        fields.put("availability.hoursPerWeek", "32");
        fields.put("availability.careDuties", "CHILDREN");
        fields.put("availability.availableFrom", LocalDate.now().plusMonths(1).format(DUTCH_DATE));
        return fields;
    }

    /** The values a browser would send for a page's form as it was served (hidden fields, filled-in fields). */
    private static Map<String, String> fields(Document page) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : page.select("form[method=post] input, form[method=post] select")) {
            if (input.attr("type").equals("radio") || input.attr("type").equals("checkbox")) {
                if (input.hasAttr("checked")) {
                    fields.put(input.attr("name"), input.val());
                }
            } else if (input.tagName().equals("select")) {
                Element selected = input.selectFirst("option[selected]");
                fields.put(input.attr("name"), selected == null ? "" : selected.val());
            } else {
                fields.put(input.attr("name"), input.val());
            }
        }
        fields.remove("_csrf");
        return fields;
    }

    private static void assertRedirect(HttpResponse<String> response, String path) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(path));
    }

    private HttpResponse<String> get(String path, String token, String language) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET(), token, language);
    }

    /**
     * A search as a browser makes it: the text is posted, kept in the session, and the list's first page is opened
     * through a URL that does not carry it.
     */
    private HttpResponse<String> search(String token, Map<String, String> fields) {
        HttpResponse<String> posted = post("/personen", token, "nl", fields);
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
        String location = posted.headers().firstValue("Location").orElseThrow();
        assertThat(location).doesNotContain(fields.get("text"));
        String session = posted.headers().firstValue("Set-Cookie").orElseThrow().replaceAll(";.*", "");
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port).resolve(location)).header("Cookie", session)
                .GET(), token, "nl");
    }

    private HttpResponse<String> post(String path, String token, String language, Map<String, String> fields) {
        String form = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)), token, language);
    }

    private HttpResponse<String> api(String path, String token) {
        return exchange(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).build());
    }

    private long processingLogEntries() {
        return TopicContents.endOffsets(bootstrapServers, Topics.AUDIT_PROCESSING_LOG.name());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, String token, String language) {
        return exchange(request.header("Authorization", "Bearer " + token).header("Accept", "text/html")
                .header("Accept-Language", language).build());
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

    static String randomVNumber() {
        return String.format("%010d", Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 10_000_000_000L));
    }

    /** The processing log of a person, as an operator reads it for an access request. */
    static final class ProcessingLogs {

        static List<String> names(int port, String personId) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/persons/" + personId
                    + "/processing-log-entries")).header("Authorization", "Bearer " + TestTokens.platformOperator()).build();
            return await("processing log entries").atMost(Duration.ofSeconds(20)).until(() -> {
                String body = HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
                return tools.jackson.databind.json.JsonMapper.builder().build().readTree(body).findValuesAsString("name");
            }, names -> names.contains("intake.read-history"));
        }
    }
}
