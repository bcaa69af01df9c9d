package nl.doorstroom.local;

import java.util.List;

/**
 * The demo accounts of the realm file (src/main/resources/keycloak/doorstroom-realm.json), for the summary and
 * the README; RealmFileTest keeps this list and the realm file in step. Every password is
 * {@value Keycloak#DEMO_PASSWORD}: local demo values only.
 */
final class DemoAccounts {

    /**
     * A demo user: its realm role, and the user attribute that limits what it sees ({@code null} for the national
     * and platform roles) with its value.
     */
    record Account(String username, String role, String scopeAttribute, String scopeValue) {
        String scope() {
            if (scopeAttribute != null) {
                return scopeAttribute + " " + scopeValue;
            }
            return "platform-operator".equals(role) ? "platform" : "national";
        }
    }

    static final List<Account> ALL = List.of(
            new Account("azc-budel", "azc-staff", "location", "AZC-BUDEL"),
            new Account("azc-ter-apel", "azc-staff", "location", "AZC-TER-APEL"),
            new Account("coa-plaatsing", "coa-placement-officer", null, null),
            new Account("utrecht", "case-worker", "municipality", "GM0344"),
            new Account("amersfoort", "case-worker", "municipality", "GM0307"),
            new Account("amsterdam", "case-worker", "municipality", "GM0363"),
            new Account("werkgever-a", "employer", "kvk", "12345678"),
            new Account("werkgever-b", "employer", "kvk", "87654321"),
            new Account("analist-midden-utrecht", "analyst", "region", "AM13"),
            new Account("analist-nl", "analyst", "region", "NL"),
            new Account("wsp-midden-utrecht", "work-desk", "region", "AM13"),
            new Account("wsp-amersfoort", "work-desk", "region", "AM14"),
            new Account("beheerder", "platform-operator", null, null));

    /** Every realm role, one per row of DESIGN §5's table. */
    static final List<String> ROLES = List.of(
            "azc-staff", "coa-placement-officer", "case-worker", "employer", "analyst", "work-desk", "platform-operator");

    /** The user attributes that carry a scope, each also a token claim of the same name. */
    static final List<String> SCOPE_ATTRIBUTES = List.of("municipality", "location", "kvk", "region");

    private DemoAccounts() {
    }

    /** The account table of the summary, one line per account, indented by {@code indent}. */
    static String table(String indent) {
        StringBuilder text = new StringBuilder();
        text.append(indent).append("%-24s %-23s %s%n".formatted("username", "role", "scope"));
        for (Account account : ALL) {
            text.append(indent).append("%-24s %-23s %s%n".formatted(account.username(), account.role(), account.scope()));
        }
        return text.toString();
    }
}
