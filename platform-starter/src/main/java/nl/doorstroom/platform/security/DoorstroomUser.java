package nl.doorstroom.platform.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Who is asking, reduced to what authorisation needs: roles and the scopes that bind them. No name: user names stay
 * out of logs and audit entries.
 *
 * @param roles        the user's Doorstroom roles
 * @param location     reception location (AZC) code of AZC staff
 * @param municipality CBS municipality code of a case worker
 * @param kvk          KvK number of an employer
 * @param region       labour-market region (AMxx) of a work desk, or that or {@code NL} of an analyst
 */
public record DoorstroomUser(Set<Role> roles, String location, String municipality, String kvk, String region) {

    public static final String ROLES_CLAIM = "roles";
    public static final String NATIONAL = "NL";

    public DoorstroomUser {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    /** Reads roles and scopes from token or ID-token claims; unknown roles are ignored here (the validator refuses them). */
    public static DoorstroomUser fromClaims(Map<String, Object> claims) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (claims.get(ROLES_CLAIM) instanceof Collection<?> values) {
            values.forEach(v -> Role.fromClaim(String.valueOf(v)).ifPresent(roles::add));
        }
        return new DoorstroomUser(roles, text(claims, Role.Scope.LOCATION), text(claims, Role.Scope.MUNICIPALITY),
                text(claims, Role.Scope.KVK), text(claims, Role.Scope.REGION));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** A case worker of exactly this municipality. */
    public boolean worksFor(String municipalityCode) {
        return has(Role.CASE_WORKER) && municipalityCode != null && municipalityCode.equals(municipality);
    }

    /** A work desk of exactly this labour-market region. */
    public boolean servesRegion(String regionCode) {
        return has(Role.WORK_DESK) && regionCode != null && regionCode.equals(region);
    }

    /** AZC staff of exactly this reception location. */
    public boolean worksAt(String receptionLocation) {
        return has(Role.AZC_STAFF) && receptionLocation != null && receptionLocation.equals(location);
    }

    private static String text(Map<String, Object> claims, Role.Scope scope) {
        Object value = claims.get(scope.claim());
        return value == null ? null : value.toString();
    }
}
