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
 * Registers a handful of demo persons through intake-service's REST API, so that inboxes are not empty and every
 * part of the intake record has an example: a household with a child and an expected partner (nareiziger), complete
 * and partial early intakes, consent given and consent withdrawn, a correction that adds the BSN, links to three
 * municipalities, and the nareiziger arriving after the link, who follows the family to its municipality.
 * Plain JDK HTTP and hand-written JSON on purpose: this only needs to speak the public contract.
 *
 * <p>Every request carries a bearer token of a demo account (password grant on the public client
 * {@value Keycloak#CLI_CLIENT}): AZC staff of the person's reception location register the person and record the
 * household, early intake, consent and corrections, and the COA placement officer links them to a municipality. So
 * the persons live at the two AZCs that have a demo account.
 *
 * <p>Seeding again does not duplicate anything. The registration carries an {@code Idempotency-Key}, so a repeat
 * answers the person registered the first time; a V-number that is already registered otherwise (409) is looked up
 * by a search instead. Either way the answer is the person's record as it is now, and only the parts it does not hold
 * yet are recorded, each based on the record's current version (every change names it, or gets 409) and with an
 * {@code Idempotency-Key} of its own.
 */
final class DemoData {

    /**
     * A demo person. Every change body is written without {@code version}: it is added when sent, from the record.
     *
     * @param registration     registration body
     * @param household        household body, or {@code null}
     * @param earlyIntake      early intake body, or {@code null}
     * @param consents         consent decisions in the order the person made them (the last one holds)
     * @param correction       personal details correction ({@code {"personalDetails":{...}}}, adds the BSN), or {@code null}
     * @param municipalityLink link body, or {@code null}
     */
    record Person(String key, String registration, String household, String earlyIntake, List<String> consents,
                  String correction, String municipalityLink) {
    }

    static final List<Person> PERSONS = List.of(
            new Person("amina-haddad", """
                    {"personalDetails":{"givenNames":"Amina","familyName":"Haddad","dateOfBirth":"1994-03-12","sex":"FEMALE","vNumber":"2610345871","countryOfOrigin":"SY","languagesSpoken":["ar","en"],"literateInLatinScript":true},"receptionLocation":"AZC-BUDEL"}""",
                    """
                    {"partner":{"inNetherlands":false},"children":[{"birthYear":2019,"inNetherlands":true}],"expectedFamilyMembers":[{"relationship":"PARTNER","birthYear":1991,"expectedArrival":"2026-12-01"}]}""",
                    """
                    {"education":{"iscedLevel":"ISCED_3","dutchComparableLevel":"MBO_4","yearsOfSchooling":12,"countryOfEducation":"SY","diplomas":[{"title":"Diploma elektrotechniek","country":"SY","yearObtained":2012,"documentAvailable":true}],"credentialEvaluation":{"status":"REQUESTED","reference":"IDW-2026-0412"}},"workExperience":[{"iscoCode":"7411","jobTitle":"Elektricien","years":6,"sector":"Bouw"}],"languageLevels":[{"language":"nl","skill":"LISTENING","level":"A2"},{"language":"nl","skill":"READING","level":"A2"},{"language":"en","skill":"SPOKEN_INTERACTION","level":"B1"}],"wishes":{"work":"Elektricien","education":"MBO-diploma","sectors":["Techniek"]},"availability":{"hoursPerWeek":24,"careDuties":["CHILDREN"],"availableFrom":"2026-11-01"}}""",
                    List.of("""
                            {"purpose":"EMPLOYER_PROFILE_SHARING","decision":"GIVEN","decidedOn":"2026-10-06"}"""),
                    """
                    {"personalDetails":{"givenNames":"Amina","familyName":"Haddad","dateOfBirth":"1994-03-12","sex":"FEMALE","vNumber":"2610345871","bsn":"111222333","countryOfOrigin":"SY","languagesSpoken":["ar","en"],"literateInLatinScript":true}}""",
                    """
                    {"municipalityCode":"GM0344","permitDate":"2026-10-01","linkDate":"2026-10-10"}"""),
            new Person("yonas-tesfamariam", """
                    {"personalDetails":{"givenNames":"Yonas","familyName":"Tesfamariam","dateOfBirth":"1999-07-23","sex":"MALE","vNumber":"2610519432","countryOfOrigin":"ER","languagesSpoken":["ti","en"],"literateInLatinScript":true},"receptionLocation":"AZC-TER-APEL"}""",
                    """
                    {"children":[],"expectedFamilyMembers":[]}""",
                    """
                    {"education":{"iscedLevel":"ISCED_2","dutchComparableLevel":"VMBO","yearsOfSchooling":9,"countryOfEducation":"ER","credentialEvaluation":{"status":"NOT_REQUESTED"}},"workExperience":[{"iscoCode":"8322","jobTitle":"Chauffeur","years":3,"sector":"Transport en logistiek"}],"languageLevels":[{"language":"nl","skill":"READING","level":"A1"},{"language":"en","skill":"SPOKEN_INTERACTION","level":"A2"}],"wishes":{"work":"Vrachtwagenchauffeur","education":"Rijbewijs C","sectors":["Logistiek"]},"availability":{"hoursPerWeek":36}}""",
                    List.of("""
                            {"purpose":"EMPLOYER_PROFILE_SHARING","decision":"GIVEN","decidedOn":"2026-09-20"}""", """
                            {"purpose":"EMPLOYER_PROFILE_SHARING","decision":"WITHDRAWN","decidedOn":"2026-10-02"}"""),
                    null,
                    """
                    {"municipalityCode":"GM0307","permitDate":"2026-09-15","linkDate":"2026-09-29"}"""),
            new Person("mohammad-rahimi", """
                    {"personalDetails":{"givenNames":"Mohammad Reza","familyName":"Rahimi","dateOfBirth":"1988-11-02","sex":"MALE","vNumber":"2610627719","countryOfOrigin":"AF","languagesSpoken":["fa","ps","en"],"literateInLatinScript":true},"receptionLocation":"AZC-BUDEL"}""",
                    null,
                    """
                    {"education":{"iscedLevel":"ISCED_6","dutchComparableLevel":"BACHELOR","yearsOfSchooling":16,"countryOfEducation":"AF","diplomas":[{"title":"Bachelor of Civil Engineering","country":"AF","yearObtained":2010,"documentAvailable":true}],"credentialEvaluation":{"status":"EVALUATED","reference":"IDW-2026-0077","outcome":"BACHELOR"}},"workExperience":[{"iscoCode":"2142","jobTitle":"Civiel ingenieur","years":8,"sector":"Bouw"}],"languageLevels":[{"language":"nl","skill":"LISTENING","level":"A2"},{"language":"en","skill":"READING","level":"B2"}],"wishes":{"work":"Werkvoorbereider infra","education":"Diplomawaardering","sectors":["Bouw","Techniek"]},"availability":{"hoursPerWeek":40}}""",
                    List.of(),
                    null,
                    """
                    {"municipalityCode":"GM0363","permitDate":"2026-08-20","linkDate":"2026-09-02"}"""),
            new Person("elif-yildiz", """
                    {"personalDetails":{"givenNames":"Elif","familyName":"Yıldız","dateOfBirth":"1996-05-30","sex":"FEMALE","vNumber":"2610733085","countryOfOrigin":"TR","languagesSpoken":["tr","ku","en"],"literateInLatinScript":true},"receptionLocation":"AZC-TER-APEL"}""",
                    """
                    {"partner":{"inNetherlands":true},"children":[{"birthYear":2020,"inNetherlands":true},{"birthYear":2023,"inNetherlands":true}],"expectedFamilyMembers":[]}""",
                    """
                    {"education":{"iscedLevel":"ISCED_5","dutchComparableLevel":"HBO_ASSOCIATE","yearsOfSchooling":14,"countryOfEducation":"TR","credentialEvaluation":{"status":"LEVEL_INDICATION"}},"workExperience":[{"iscoCode":"3221","jobTitle":"Verpleegkundige","years":5,"sector":"Zorg"}],"languageLevels":[{"language":"nl","skill":"WRITING","level":"A1"},{"language":"en","skill":"SPOKEN_INTERACTION","level":"B2"}],"wishes":{"work":"Verpleegkundige","education":"BIG-registratie","sectors":["Zorg en welzijn"]},"availability":{"hoursPerWeek":20,"careDuties":["CHILDREN"]}}""",
                    List.of("""
                            {"purpose":"EMPLOYER_PROFILE_SHARING","decision":"GIVEN","decidedOn":"2026-10-08"}"""),
                    null,
                    """
                    {"municipalityCode":"GM0344","permitDate":"2026-10-05","linkDate":"2026-10-14"}"""),
            new Person("abdirahman-warsame", """
                    {"personalDetails":{"givenNames":"Abdirahman","familyName":"Warsame","dateOfBirth":"2001-01-17","sex":"MALE","vNumber":"2610841266","countryOfOrigin":"SO","languagesSpoken":["so","ar"]},"receptionLocation":"AZC-BUDEL"}""",
                    null, null, List.of(), null,
                    """
                    {"municipalityCode":"GM0307","permitDate":"2026-10-08","linkDate":"2026-10-20"}"""),
            new Person("fatima-al-hakimi", """
                    {"personalDetails":{"givenNames":"Fatima","familyName":"Al-Hakimi","dateOfBirth":"1991-09-08","sex":"FEMALE","vNumber":"2610958340","countryOfOrigin":"YE","languagesSpoken":["ar"],"literateInLatinScript":false},"receptionLocation":"AZC-TER-APEL"}""",
                    null, null, List.of(), null, null),
            // Amina's partner arrives after her link (nareiziger) and follows the family to Utrecht
            new Person("karim-haddad", """
                    {"personalDetails":{"givenNames":"Karim","familyName":"Haddad","dateOfBirth":"1991-02-14","sex":"MALE","vNumber":"2611062154","countryOfOrigin":"SY","languagesSpoken":["ar"]},"receptionLocation":"AZC-TER-APEL","familyReunification":{"anchorVNumber":"2610345871","relationship":"PARTNER","permitDate":"2026-11-16"}}""",
                    null, null, List.of(), null, null));

    /** The AZC staff account of each reception location the demo persons live at. */
    static final Map<String, String> AZC_ACCOUNTS = Map.of("AZC-BUDEL", "azc-budel", "AZC-TER-APEL", "azc-ter-apel");
    static final String LINK_ACCOUNT = "coa-plaatsing";

    private static final Pattern LOCATION = Pattern.compile("\"receptionLocation\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern V_NUMBER = Pattern.compile("\"vNumber\"\\s*:\\s*\"([0-9]{10})\"");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");
    private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*([0-9]+)");
    private static final Pattern DECISION = Pattern.compile("\"decision\"\\s*:\\s*\"([A-Z]+)\"");
    private static final Duration RETRY_FOR = Duration.ofSeconds(30);

    private final DemoRequests intake;

    DemoData(URI intakeBaseUri, TokenSource tokens) {
        this.intake = new DemoRequests(intakeBaseUri, tokens, RETRY_FOR);
    }

    /** Seeds every person; returns how many are complete. Problems are printed, not thrown. */
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
        String key = "doorstroom-demo-" + person.key();
        HttpResponse<String> registered = intake.send(azcStaff, "POST", "/api/v1/persons", person.registration(), key, false, true);
        boolean seededBefore = registered.statusCode() >= 400;
        String record = seededBefore ? alreadyRegistered(azcStaff, person).orElse(null) : registered.body();
        if (record == null) {
            System.out.println("  demo person " + person.key() + ": V-number already registered, not at "
                    + location(person) + "; counted as seeded");
            return;
        }
        String id = personId(seededBefore ? null : registered, record)
                .orElseThrow(() -> new DemoException("registered, but no id in the answer: " + record));
        String path = "/api/v1/persons/" + id;
        int version = version(record)
                .orElseThrow(() -> new DemoException("registered, but no version in the answer: " + record));

        if (person.household() != null && !holds(record, "household")) {
            version = change(azcStaff, "PUT", path + "/household", person.household(), version, key + "-household");
        }
        if (person.earlyIntake() != null && !holds(record, "earlyIntake")) {
            version = change(azcStaff, "PUT", path + "/early-intake", person.earlyIntake(), version, key + "-early-intake");
        }
        List<String> consents = person.consents();
        for (int i = consentsRecorded(record, consents); i < consents.size(); i++) {
            version = change(azcStaff, "POST", path + "/consents", consents.get(i), version, key + "-consent-" + (i + 1));
        }
        if (person.correction() != null && !record.matches("(?s).*\"bsn\"\\s*:\\s*\"[0-9]{9}\".*")) {
            version = change(azcStaff, "PUT", path + "/personal-details", person.correction(), version, key + "-personal-details");
        }
        if (person.municipalityLink() != null && !holds(record, "municipalityLink")) {
            change(LINK_ACCOUNT, "POST", path + "/municipality-links", person.municipalityLink(), version, key + "-link");
        }
    }

    /**
     * The id of the demo person with this key, found by a search at their reception location as below; empty when
     * they are not registered there.
     */
    Optional<String> registeredId(String personKey) throws DemoException {
        Person person = PERSONS.stream().filter(p -> p.key().equals(personKey)).findFirst()
                .orElseThrow(() -> new DemoException("no demo person " + personKey));
        return alreadyRegistered(azcAccount(person), person).flatMap(found -> personId(null, found));
    }

    /**
     * The record of a person who was registered before, found by a search among the people at their reception
     * location by V-number, so only what is missing is added. Registered before, but not with this Idempotency-Key:
     * the V-number is already registered (409), e.g. by another account id after the realm was imported afresh; or the
     * key was used with another registration body (422), e.g. by an earlier version of this demo data. Empty when
     * the search does not find them (registered at another location): they count as seeded all the same.
     */
    private Optional<String> alreadyRegistered(String azcStaff, Person person) throws DemoException {
        Matcher vNumber = V_NUMBER.matcher(person.registration());
        if (!vNumber.find()) {
            throw new DemoException("no V-number in the registration");
        }
        HttpResponse<String> found = intake.send(azcStaff, "POST", "/api/v1/person-searches",
                "{\"text\":\"" + vNumber.group(1) + "\"}", null, false, false);
        return ID.matcher(found.body()).find() ? Optional.of(found.body()) : Optional.empty();
    }

    /** Sends one change based on the record's current version; returns the version after it. */
    private int change(String account, String method, String path, String json, int version, String idempotencyKey)
            throws DemoException {
        HttpResponse<String> response = intake.send(account, method, path, withVersion(json, version), idempotencyKey, true, false);
        return version(response.body()).orElse(version + 1);
    }

    /** The body with {@code "version"} as its first member. */
    static String withVersion(String json, int version) {
        String body = json.strip();
        if (!body.startsWith("{")) {
            throw new IllegalArgumentException("not a JSON object: " + json);
        }
        String rest = body.substring(1).strip();
        return "{\"version\":" + version + (rest.startsWith("}") ? "" : ",") + rest;
    }

    /**
     * The version of a record as the API answers it: the record's version, which every section in the answer
     * repeats; empty when the answer names none (a consent, a link).
     */
    static Optional<Integer> version(String json) {
        return VERSION.matcher(json).results().map(m -> Integer.parseInt(m.group(1))).max(Integer::compare);
    }

    /** Whether the record holds the section (an object, not {@code null} or absent). */
    static boolean holds(String record, String section) {
        return Pattern.compile("\"" + section + "\"\\s*:\\s*\\{").matcher(record).find();
    }

    /**
     * How many of the person's consent decisions the record already reflects: none if it holds no decision, else all
     * up to the last one that matches the decision it holds.
     */
    static int consentsRecorded(String record, List<String> consents) {
        Matcher held = DECISION.matcher(record);
        if (!held.find()) {
            return 0;
        }
        for (int i = consents.size() - 1; i >= 0; i--) {
            Matcher decision = DECISION.matcher(consents.get(i));
            if (decision.find() && decision.group(1).equals(held.group(1))) {
                return i + 1;
            }
        }
        return consents.size();
    }

    /** The demo account of AZC staff at the person's reception location. */
    static String azcAccount(Person person) throws DemoException {
        String location = location(person);
        String account = AZC_ACCOUNTS.get(location);
        if (account == null) {
            throw new DemoException("no demo account works at reception location " + location);
        }
        return account;
    }

    private static String location(Person person) {
        Matcher matcher = LOCATION.matcher(person.registration());
        return matcher.find() ? matcher.group(1) : "(none)";
    }

    /** The person's id from the record in the answer, else from the Location header of the response. */
    static Optional<String> personId(HttpResponse<String> response, String record) {
        Matcher matcher = ID.matcher(record);
        if (matcher.find()) {
            return Optional.of(matcher.group(1));
        }
        return Optional.ofNullable(response).flatMap(r -> r.headers().firstValue("Location"))
                .map(location -> location.substring(location.lastIndexOf('/') + 1))
                .filter(last -> last.length() == 36);
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
