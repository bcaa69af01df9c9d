package nl.doorstroom.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.doorstroom.platform.test.ApiConventions;
import nl.doorstroom.platform.test.DemoPrivacyKeys;
import nl.doorstroom.platform.test.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The code-list endpoint. Same configuration as {@link IntakeApiIntegrationTest}, so both share one application
 * context (and one broker connection) instead of starting the service twice.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DemoPrivacyKeys
class CodeListApiIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0} ({1})")
    @CsvSource(delimiter = '|', textBlock = """
            countries        | nl | SY | Syrië
            countries        | en | SY | Syria
            languages        | nl | ar | Arabisch
            languages        | en | ti | Tigrinya
            occupations      | nl | 22 | Specialisten op het gebied van de gezondheidszorg
            occupations      | en | 22 | Health professionals
            education-levels | en | 6  | Bachelor's or equivalent level
            cefr-levels      | nl | B1 | Gemiddeld
            """)
    void aListIsNamedInTheRequestsLanguage(String list, String language, String code, String name) {
        HttpResponse<String> response = get(list, language, TestTokens.caseWorker("GM0344"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Language")).hasValue(language);
        ApiConventions.assertNlApiHeaders(response);
        assertThat(entry(json(response), code).get("name").asString()).isEqualTo(name);
    }

    @Test
    void dutchIsTheDefaultAndEachListCarriesItsOwnExtras() {
        String token = TestTokens.employer("12345678");
        JsonNode countries = json(get("countries", null, token));
        assertThat(countries.size()).isGreaterThanOrEqualTo(249);
        assertThat(entry(countries, "SY").propertyNames()).containsExactly("code", "name");
        assertThat(entry(countries, "SY").get("name").asString()).isEqualTo("Syrië");
        assertThat(json(get("countries", "de", token)).get(0).get("name").asString()).as("unsupported language")
                .isEqualTo(entry(countries, "AD").get("name").asString());

        JsonNode occupations = json(get("occupations", "nl", token));
        assertThat(occupations.size()).isEqualTo(53);
        assertThat(entry(occupations, "74").get("parentCode").asString()).isEqualTo("7");
        assertThat(entry(occupations, "7").has("parentCode")).isFalse();

        JsonNode education = json(get("education-levels", "nl", token));
        assertThat(education.size()).isEqualTo(9);
        assertThat(entry(education, "3").get("dutchComparableLevel").asString()).isEqualTo("havo/vwo, mbo 2–4");

        JsonNode cefr = json(get("cefr-levels", "en", token));
        assertThat(cefr.valueStream().map(e -> e.get("code").asString()).toList())
                .isEqualTo(List.of("A1", "A2", "B1", "B2", "C1", "C2"));
        assertThat(entry(cefr, "B1").get("description").asString()).startsWith("Understands the main points");
    }

    @Test
    void anUnknownListIs404WithProblemDetails() {
        HttpResponse<String> response = get("professions", "nl", TestTokens.azcStaff("AZC-BUDEL"));
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response).get("status").asInt()).isEqualTo(404);
        assertThat(get("countries/", "nl", TestTokens.azcStaff("AZC-BUDEL")).statusCode())
                .as("trailing slash").isEqualTo(404);
    }

    @Test
    void everyRoleMayReadAndAnonymousCallersMayNot() {
        for (String token : List.of(TestTokens.azcStaff("AZC-BUDEL"), TestTokens.coaPlacementOfficer(),
                TestTokens.caseWorker("GM0344"), TestTokens.employer("12345678"), TestTokens.analyst("AM13"),
                TestTokens.platformOperator())) {
            assertThat(get("languages", "nl", token).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> anonymous = get("languages", "nl", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void theEndpointIsDocumented() {
        JsonNode doc = json(ApiConventions.get(port, "/api/v1/openapi.json", "application/json", null, null));
        JsonNode get = doc.get("paths").get("/code-lists/{name}").get("get");
        assertThat(get.get("tags").get(0).asString()).isEqualTo("Code lists");
        assertThat(get.get("parameters").valueStream().map(p -> p.get("name").asString()))
                .as("the language comes from Accept-Language, not a parameter").containsExactly("name");
        assertThat(get.get("responses").get("404").get("content").has("application/problem+json")).isTrue();
    }

    private HttpResponse<String> get(String list, String language, String token) {
        return ApiConventions.get(port, "/api/v1/code-lists/" + list, "application/json", language, token);
    }

    private static JsonNode entry(JsonNode list, String code) {
        return list.valueStream().filter(e -> e.get("code").asString().equals(code)).findFirst().orElseThrow();
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
