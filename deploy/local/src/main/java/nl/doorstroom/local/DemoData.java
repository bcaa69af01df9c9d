package nl.doorstroom.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Registers a handful of demo persons through intake-service's REST API, so that inboxes are not empty.
 * Plain JDK HTTP and hand-written JSON on purpose: this only needs to speak the public contract.
 *
 * <p>Every request carries a bearer token of a demo account (password grant on the public client
 * {@value Keycloak#CLI_CLIENT}): AZC staff of the person's reception location register the person and record the
 * early intake, and the COA placement officer links them to a municipality. So the persons live at the two AZCs
 * that have a demo account.
 */
final class DemoData {

    /** A demo person: registration body, and optionally an early intake and a municipality link. */
    record Person(String key, String registration, String earlyIntake, String municipalityLink) {
    }

    static final List<Person> PERSONS = List.of(
            new Person("amina-haddad", """
                    {"givenNames":"Amina","familyName":"Haddad","dateOfBirth":"1994-03-12","vNumber":"2610345871","countryOfOrigin":"SY","receptionLocation":"AZC-BUDEL"}""",
                    """
                    {"education":{"iscedLevel":"ISCED_3","yearsOfSchooling":12,"countryOfEducation":"SY"},"workExperience":[{"iscoCode":"7411","jobTitle":"Elektricien","years":6,"sector":"Bouw"}],"languageLevels":[{"language":"nl","skill":"LISTENING","level":"A2"},{"language":"en","skill":"SPOKEN_INTERACTION","level":"B1"}],"wishes":{"work":"Elektricien","education":"MBO-diploma","sectors":["Techniek"]}}""",
                    """
                    {"municipalityCode":"GM0344","permitDate":"2026-10-01","linkDate":"2026-10-10"}"""),
            new Person("yonas-tesfamariam", """
                    {"givenNames":"Yonas","familyName":"Tesfamariam","dateOfBirth":"1999-07-23","vNumber":"2610519432","countryOfOrigin":"ER","receptionLocation":"AZC-TER-APEL"}""",
                    """
                    {"education":{"iscedLevel":"ISCED_2","yearsOfSchooling":9,"countryOfEducation":"ER"},"workExperience":[{"iscoCode":"8322","jobTitle":"Chauffeur","years":3,"sector":"Transport en logistiek"}],"languageLevels":[{"language":"nl","skill":"READING","level":"A1"},{"language":"en","skill":"SPOKEN_INTERACTION","level":"A2"}],"wishes":{"work":"Vrachtwagenchauffeur","education":"Rijbewijs C","sectors":["Logistiek"]}}""",
                    """
                    {"municipalityCode":"GM0307","permitDate":"2026-09-15","linkDate":"2026-09-29"}"""),
            new Person("mohammad-rahimi", """
                    {"givenNames":"Mohammad Reza","familyName":"Rahimi","dateOfBirth":"1988-11-02","vNumber":"2610627719","countryOfOrigin":"AF","receptionLocation":"AZC-BUDEL"}""",
                    """
                    {"education":{"iscedLevel":"ISCED_6","yearsOfSchooling":16,"countryOfEducation":"AF"},"workExperience":[{"iscoCode":"2142","jobTitle":"Civiel ingenieur","years":8,"sector":"Bouw"}],"languageLevels":[{"language":"nl","skill":"LISTENING","level":"A2"},{"language":"en","skill":"READING","level":"B2"}],"wishes":{"work":"Werkvoorbereider infra","education":"Diplomawaardering","sectors":["Bouw","Techniek"]}}""",
                    """
                    {"municipalityCode":"GM0363","permitDate":"2026-08-20","linkDate":"2026-09-02"}"""),
            new Person("elif-yildiz", """
                    {"givenNames":"Elif","familyName":"Yıldız","dateOfBirth":"1996-05-30","vNumber":"2610733085","countryOfOrigin":"TR","receptionLocation":"AZC-TER-APEL"}""",
                    """
                    {"education":{"iscedLevel":"ISCED_5","yearsOfSchooling":14,"countryOfEducation":"TR"},"workExperience":[{"iscoCode":"3221","jobTitle":"Verpleegkundige","years":5,"sector":"Zorg"}],"languageLevels":[{"language":"nl","skill":"WRITING","level":"A1"},{"language":"en","skill":"SPOKEN_INTERACTION","level":"B2"}],"wishes":{"work":"Verpleegkundige","education":"BIG-registratie","sectors":["Zorg en welzijn"]}}""",
                    """
                    {"municipalityCode":"GM0344","permitDate":"2026-10-05","linkDate":"2026-10-14"}"""),
            new Person("abdirahman-warsame", """
                    {"givenNames":"Abdirahman","familyName":"Warsame","dateOfBirth":"2001-01-17","vNumber":"2610841266","countryOfOrigin":"SO","receptionLocation":"AZC-BUDEL"}""",
                    null,
                    """
                    {"municipalityCode":"GM0307","permitDate":"2026-10-08","linkDate":"2026-10-20"}"""),
            new Person("fatima-al-hakimi", """
                    {"givenNames":"Fatima","familyName":"Al-Hakimi","dateOfBirth":"1991-09-08","vNumber":"2610958340","countryOfOrigin":"YE","receptionLocation":"AZC-TER-APEL"}""",
                    null,
                    null));

    /** The AZC staff account of each reception location the demo persons live at. */
    static final Map<String, String> AZC_ACCOUNTS = Map.of("AZC-BUDEL", "azc-budel", "AZC-TER-APEL", "azc-ter-apel");
    static final String LINK_ACCOUNT = "coa-plaatsing";

    private static final Pattern LOCATION = Pattern.compile("\"receptionLocation\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");
    private static final Duration RETRY_FOR = Duration.ofSeconds(30);
    private static final Duration RETRY_PAUSE = Duration.ofMillis(300);

    private final URI intake;
    private final TokenSource tokens;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    DemoData(URI intakeBaseUri, TokenSource tokens) {
        this.intake = intakeBaseUri;
        this.tokens = tokens;
    }

    /** Seeds every person; returns how many were registered completely. Problems are printed, not thrown. */
    int seed() {
        int complete = 0;
        for (Person person : PERSONS) {
            try {
                seed(person);
                complete++;
            } catch (DemoException e) {
                System.out.println("  demo person " + person.key() + ": " + e.getMessage());
            }
        }
        return complete;
    }

    private void seed(Person person) throws DemoException {
        String azcStaff = azcAccount(person);
        HttpResponse<String> created = send(azcStaff, "POST", "/api/v1/persons", person.registration(),
                "doorstroom-demo-" + person.key(), false);
        String id = personId(created)
                .orElseThrow(() -> new DemoException("registered, but no id in the answer: " + created.body()));
        if (person.earlyIntake() != null) {
            send(azcStaff, "PUT", "/api/v1/persons/" + id + "/early-intake", person.earlyIntake(), null, true);
        }
        if (person.municipalityLink() != null) {
            send(LINK_ACCOUNT, "POST", "/api/v1/persons/" + id + "/municipality-links", person.municipalityLink(),
                    "doorstroom-demo-" + person.key() + "-link", true);
        }
    }

    /** The demo account of AZC staff at the person's reception location. */
    static String azcAccount(Person person) throws DemoException {
        Matcher matcher = LOCATION.matcher(person.registration());
        String location = matcher.find() ? matcher.group(1) : "(none)";
        String account = AZC_ACCOUNTS.get(location);
        if (account == null) {
            throw new DemoException("no demo account works at reception location " + location);
        }
        return account;
    }

    static Optional<String> personId(HttpResponse<String> response) {
        Matcher matcher = ID.matcher(response.body());
        if (matcher.find()) {
            return Optional.of(matcher.group(1));
        }
        return response.headers().firstValue("Location")
                .map(location -> location.substring(location.lastIndexOf('/') + 1))
                .filter(last -> last.length() == 36);
    }

    /**
     * Sends JSON and expects 2xx. A just-registered person may be unknown (404) for a moment until the read
     * model catches up, and a 503 means Kafka was briefly unavailable: both are retried for a bounded time.
     */
    private HttpResponse<String> send(String account, String method, String path, String json, String idempotencyKey,
                                      boolean retryNotFound) throws DemoException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(intake.resolve(path))
                .timeout(Duration.ofSeconds(15))
                .header("Authorization", "Bearer " + tokens.bearerToken(account))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json));
        if (idempotencyKey != null) {
            builder.header("Idempotency-Key", idempotencyKey);
        }
        HttpRequest request = builder.build();
        long deadline = System.nanoTime() + RETRY_FOR.toNanos();
        while (true) {
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new DemoException(method + " " + path + " failed: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DemoException("interrupted");
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return response;
            }
            boolean retry = status == 503 || (retryNotFound && status == 404);
            if (!retry || System.nanoTime() > deadline) {
                throw new DemoException(method + " " + path + " answered " + status + " " + response.body());
            }
            try {
                Thread.sleep(RETRY_PAUSE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DemoException("interrupted");
            }
        }
    }

    /** An access token for a demo account. */
    @FunctionalInterface
    interface TokenSource {
        String bearerToken(String username) throws DemoException;
    }

    /**
     * Tokens by the password grant on the public client {@value Keycloak#CLI_CLIENT}, one per account for the whole
     * seeding (it takes seconds; a token lives 15 minutes).
     */
    static final class PasswordGrant implements TokenSource {

        private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

        private final URI tokenEndpoint;
        private final HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        private final Map<String, String> tokens = new ConcurrentHashMap<>();

        PasswordGrant(URI tokenEndpoint) {
            this.tokenEndpoint = tokenEndpoint;
        }

        @Override
        public String bearerToken(String username) throws DemoException {
            String cached = tokens.get(username);
            if (cached != null) {
                return cached;
            }
            String form = "grant_type=password&client_id=" + encode(Keycloak.CLI_CLIENT) + "&username=" + encode(username)
                    + "&password=" + encode(Keycloak.DEMO_PASSWORD) + "&scope=openid";
            HttpRequest request = HttpRequest.newBuilder(tokenEndpoint)
                    .timeout(Duration.ofSeconds(15))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(form))
                    .build();
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new DemoException("token for " + username + " from " + tokenEndpoint + " failed: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DemoException("interrupted");
            }
            Matcher matcher = ACCESS_TOKEN.matcher(response.body());
            if (response.statusCode() != 200 || !matcher.find()) {
                throw new DemoException("no token for " + username + ": " + tokenEndpoint + " answered "
                        + response.statusCode() + " " + response.body());
            }
            tokens.put(username, matcher.group(1));
            return matcher.group(1);
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }

    static final class DemoException extends Exception {
        DemoException(String message) {
            super(message);
        }
    }
}
