package nl.doorstroom.platform.security;

import java.util.Arrays;
import java.util.Optional;

/**
 * The roles of Doorstroom's privacy model (DESIGN §5), as they arrive in the {@code roles} claim of a token.
 * Each role but two is bound to a scope that the same token must carry.
 */
public enum Role {

    /** AZC staff: registers people and records the early intake at one reception location ({@code location}). */
    AZC_STAFF("azc-staff", Scope.LOCATION),
    /** COA placement officer (regievoerder): links people to municipalities, nationally. */
    COA_PLACEMENT_OFFICER("coa-placement-officer", null),
    /** Municipal case worker: handovers and trajectories of one municipality ({@code municipality}). */
    CASE_WORKER("case-worker", Scope.MUNICIPALITY),
    /** Employer: placements and candidates of one organisation ({@code kvk}). */
    EMPLOYER("employer", Scope.KVK),
    /** Regional analyst: indicators of one labour-market region or of the country ({@code region}). */
    ANALYST("analyst", Scope.REGION),
    /**
     * Regional work desk (werkgeversservicepunt): open places per occupation group and municipality of one
     * labour-market region ({@code region}); no candidates, no personal data.
     */
    WORK_DESK("work-desk", Scope.REGION),
    /** Platform operator: health, dead letters, erasure; no case data. */
    PLATFORM_OPERATOR("platform-operator", null);

    private final String claimValue;
    private final Scope scope;

    Role(String claimValue, Scope scope) {
        this.claimValue = claimValue;
        this.scope = scope;
    }

    /** The role as it appears in the token and in {@code hasRole('…')} expressions. */
    public String claimValue() {
        return claimValue;
    }

    /** The scope claim this role needs, or empty for national and platform roles. */
    public Optional<Scope> scope() {
        return Optional.ofNullable(scope);
    }

    public static Optional<Role> fromClaim(String value) {
        return Arrays.stream(values()).filter(r -> r.claimValue.equals(value)).findFirst();
    }

    /** The claims that bind a user to their part of the data. */
    public enum Scope {
        LOCATION("location"), MUNICIPALITY("municipality"), KVK("kvk"), REGION("region");

        private final String claim;

        Scope(String claim) {
            this.claim = claim;
        }

        public String claim() {
            return claim;
        }
    }
}
