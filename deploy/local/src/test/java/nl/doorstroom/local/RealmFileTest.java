package nl.doorstroom.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The realm file Keycloak imports: the contract the services' security reads (roles claim, scope claims,
 * audience), the two clients and a demo account for every role and scope.
 */
class RealmFileTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNode REALM = JSON.readTree(Keycloak.realmFile());

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> nodes = new ArrayList<>();
        array.forEach(nodes::add);
        return nodes;
    }

    private static JsonNode find(JsonNode array, Predicate<JsonNode> match, String what) {
        return list(array).stream().filter(match).findFirst()
                .orElseThrow(() -> new AssertionError(what + " is missing from the realm file"));
    }

    private static JsonNode client(String clientId) {
        return find(REALM.get("clients"), c -> clientId.equals(c.get("clientId").asString()), "client " + clientId);
    }

    @Test
    void theRealmIsDoorstroomWithShortLivedTokens() {
        assertEquals(Keycloak.REALM, REALM.get("realm").asString());
        assertTrue(REALM.get("enabled").asBoolean());
        assertEquals(900, REALM.get("accessTokenLifespan").asInt());
        assertFalse(REALM.get("registrationAllowed").asBoolean(), "nobody signs up to the demo realm");
    }

    @Test
    void everyRoleOfTheSecurityModelExists() {
        Set<String> roles = list(REALM.path("roles").path("realm")).stream()
                .map(role -> role.get("name").asString()).collect(Collectors.toSet());
        assertEquals(Set.copyOf(DemoAccounts.ROLES), roles);
    }

    @Test
    void everyDemoUserCanGetATokenAndHasExactlyItsRoleAndScope() {
        List<JsonNode> users = list(REALM.get("users"));
        assertEquals(DemoAccounts.ALL.size(), users.size());
        for (DemoAccounts.Account account : DemoAccounts.ALL) {
            JsonNode user = find(REALM.get("users"), u -> account.username().equals(u.get("username").asString()),
                    "user " + account.username());
            String who = account.username();
            assertTrue(user.get("enabled").asBoolean(), who);
            // Keycloak refuses a token ("Account is not fully set up") without these
            assertTrue(user.path("email").asString("").matches("[a-z0-9.-]+@[a-z0-9.-]+\\.[a-z]+"), who + " email");
            assertTrue(user.path("emailVerified").asBoolean(), who);
            assertFalse(user.path("firstName").asString("").isBlank(), who + " firstName");
            assertFalse(user.path("lastName").asString("").isBlank(), who + " lastName");
            assertTrue(user.path("requiredActions").isEmpty(), who + " has required actions");

            assertEquals(List.of(account.role()), list(user.get("realmRoles")).stream().map(JsonNode::asString).toList(), who);
            JsonNode credential = user.get("credentials").get(0);
            assertEquals("password", credential.get("type").asString());
            assertEquals(Keycloak.DEMO_PASSWORD, credential.get("value").asString());
            assertFalse(credential.path("temporary").asBoolean(), who);

            Map<String, String> attributes = new java.util.HashMap<>();
            user.path("attributes").properties().forEach(entry -> {
                assertEquals(1, entry.getValue().size(), who + " " + entry.getKey() + " must be single-valued");
                attributes.put(entry.getKey(), entry.getValue().get(0).asString());
            });
            Map<String, String> expected = account.scopeAttribute() == null
                    ? Map.of() : Map.of(account.scopeAttribute(), account.scopeValue());
            assertEquals(expected, attributes, who + " attributes");
        }
    }

    @Test
    void theDemoAccountsCoverEveryRoleAndTheScopeAttributeItNeeds() {
        Map<String, String> scopeOfRole = Map.of("azc-staff", "location", "case-worker", "municipality",
                "employer", "kvk", "analyst", "region", "work-desk", "region");
        Set<String> rolesWithAccount = new HashSet<>();
        for (DemoAccounts.Account account : DemoAccounts.ALL) {
            rolesWithAccount.add(account.role());
            assertEquals(scopeOfRole.get(account.role()), account.scopeAttribute(), account.username());
        }
        assertEquals(Set.copyOf(DemoAccounts.ROLES), rolesWithAccount);
        // two of each scoped role, so that a test can show one does not see the other's data
        for (String role : List.of("azc-staff", "case-worker", "employer", "analyst", "work-desk")) {
            assertTrue(DemoAccounts.ALL.stream().filter(a -> a.role().equals(role)).count() >= 2, role);
        }
    }

    @Test
    void theScopeAttributesAreDeclaredInTheUserProfileAndOnlyAnAdministratorMayChangeThem() {
        JsonNode provider = REALM.path("components").path("org.keycloak.userprofile.UserProfileProvider").get(0);
        assertEquals("declarative-user-profile", provider.get("providerId").asString());
        JsonNode profile = JSON.readTree(provider.path("config").path("kc.user.profile.config").get(0).asString());
        for (String name : List.of("username", "email", "firstName", "lastName")) {
            find(profile.get("attributes"), a -> name.equals(a.get("name").asString()), "profile attribute " + name);
        }
        for (String name : DemoAccounts.SCOPE_ATTRIBUTES) {
            JsonNode attribute = find(profile.get("attributes"), a -> name.equals(a.get("name").asString()),
                    "profile attribute " + name);
            assertEquals(List.of("admin"), list(attribute.path("permissions").path("edit")).stream()
                    .map(JsonNode::asString).toList(), name + ": users must not change their own scope");
            assertFalse(attribute.path("multivalued").asBoolean(), name);
            Pattern pattern = Pattern.compile(attribute.path("validations").path("pattern").path("pattern").asString());
            for (DemoAccounts.Account account : DemoAccounts.ALL) {
                if (name.equals(account.scopeAttribute())) {
                    // an invalid value would make Keycloak demand a profile update before it issues a token
                    assertTrue(pattern.matcher(account.scopeValue()).matches(), account.username() + " " + name);
                }
            }
        }
    }

    @Test
    void thePagesClientUsesTheAuthorizationCodeFlowWithPkce() {
        JsonNode web = client(Keycloak.WEB_CLIENT);
        assertFalse(web.get("publicClient").asBoolean(), "confidential");
        assertEquals(Keycloak.WEB_CLIENT_SECRET, web.get("secret").asString());
        assertTrue(web.get("standardFlowEnabled").asBoolean());
        assertFalse(web.get("directAccessGrantsEnabled").asBoolean());
        assertFalse(web.get("implicitFlowEnabled").asBoolean());
        assertEquals("S256", web.path("attributes").path("pkce.code.challenge.method").asString());
        // signing out at Keycloak returns to the service that asked (any loopback port, as for the login redirects)
        assertEquals("http://127.0.0.1/*##http://localhost/*",
                web.path("attributes").path("post.logout.redirect.uris").asString());
        // Keycloak matches a loopback redirect URI registered without a port against any port (RFC 8252 §7.3)
        assertEquals(Set.of("http://127.0.0.1/login/oauth2/code/*", "http://localhost/login/oauth2/code/*"),
                list(web.get("redirectUris")).stream().map(JsonNode::asString).collect(Collectors.toSet()));
    }

    @Test
    void theCommandLineClientIsPublicWithThePasswordGrantOnly() {
        JsonNode cli = client(Keycloak.CLI_CLIENT);
        assertTrue(cli.get("publicClient").asBoolean());
        assertTrue(cli.get("directAccessGrantsEnabled").asBoolean());
        assertFalse(cli.get("standardFlowEnabled").asBoolean());
        assertFalse(cli.get("implicitFlowEnabled").asBoolean());
    }

    @Test
    void bothClientsPutRolesScopesAndAudienceIntoTheAccessToken() {
        for (String clientId : List.of(Keycloak.WEB_CLIENT, Keycloak.CLI_CLIENT)) {
            JsonNode mappers = client(clientId).get("protocolMappers");
            JsonNode roles = find(mappers, m -> "oidc-usermodel-realm-role-mapper".equals(m.get("protocolMapper").asString()),
                    clientId + " realm role mapper");
            assertEquals("roles", roles.path("config").path("claim.name").asString());
            assertEquals("true", roles.path("config").path("multivalued").asString());
            assertEquals("true", roles.path("config").path("access.token.claim").asString());

            for (String attribute : DemoAccounts.SCOPE_ATTRIBUTES) {
                JsonNode mapper = find(mappers, m -> "oidc-usermodel-attribute-mapper".equals(m.get("protocolMapper").asString())
                        && attribute.equals(m.path("config").path("user.attribute").asString()), clientId + " mapper " + attribute);
                assertEquals(attribute, mapper.path("config").path("claim.name").asString());
                assertEquals("String", mapper.path("config").path("jsonType.label").asString());
                assertEquals("false", mapper.path("config").path("multivalued").asString());
                assertEquals("true", mapper.path("config").path("access.token.claim").asString());
            }

            JsonNode audience = find(mappers, m -> "oidc-audience-mapper".equals(m.get("protocolMapper").asString()),
                    clientId + " audience mapper");
            assertEquals("doorstroom-api", audience.path("config").path("included.custom.audience").asString());
            assertEquals("true", audience.path("config").path("access.token.claim").asString());
        }
    }

    @Test
    void theReadmesListEveryDemoAccount() throws Exception {
        Path readme = Path.of("README.md"); // surefire runs in the module directory
        assertTrue(Files.isRegularFile(readme), readme.toAbsolutePath().toString());
        String text = Files.readString(readme);
        for (DemoAccounts.Account account : DemoAccounts.ALL) {
            assertTrue(text.contains("`" + account.username() + "`"), account.username());
        }
        String table = DemoAccounts.table("  ");
        assertTrue(table.contains("  utrecht                  case-worker             municipality GM0344"), table);
        assertTrue(table.contains("  coa-plaatsing            coa-placement-officer   national"), table);
        assertTrue(table.contains("  beheerder                platform-operator       platform"), table);
    }
}
