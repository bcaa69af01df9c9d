package nl.doorstroom.platform.security;

import java.util.Map;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** The user of the current request, whether they came with a bearer token (API) or an OpenID Connect login (pages). */
public final class CurrentUser {

    private static final DoorstroomUser NOBODY = new DoorstroomUser(Set.of(), null, null, null, null);

    private CurrentUser() {
    }

    public static DoorstroomUser get() {
        Map<String, Object> claims = currentClaims();
        return claims.isEmpty() ? NOBODY : DoorstroomUser.fromClaims(claims);
    }

    /** The account id (subject) of the current user at the identity provider, or empty without a signed-in user. */
    public static java.util.Optional<String> accountId() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || !authentication.isAuthenticated() ? java.util.Optional.empty()
                : java.util.Optional.ofNullable(authentication.getName());
    }

    /**
     * The signed-in staff member's name as the identity provider gives it ({@code name}, else given and family name,
     * else the user name); empty without a signed-in user or when the token names nobody. Shown on pages and kept
     * with a change as who recorded it; never written to logs or the processing log.
     */
    public static java.util.Optional<String> displayName() {
        Map<String, Object> claims = currentClaims();
        String name = text(claims, "name");
        if (name == null) {
            String given = text(claims, "given_name");
            String family = text(claims, "family_name");
            name = given == null && family == null ? text(claims, "preferred_username")
                    : String.join(" ", java.util.stream.Stream.of(given, family).filter(p -> p != null).toList());
        }
        return java.util.Optional.ofNullable(name);
    }

    /** Whether the user signed in on a page (OpenID Connect), so that signing out ends a session. */
    public static boolean signedInOnPage() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof OidcUser;
    }

    private static Map<String, Object> currentClaims() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken jwt) {
            return jwt.getToken().getClaims();
        }
        if (authentication != null && authentication.getPrincipal() instanceof OidcUser oidc) {
            return claims(oidc);
        }
        return Map.of();
    }

    private static String text(Map<String, Object> claims, String claim) {
        Object value = claims.get(claim);
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }

    static Map<String, Object> claims(OidcUser user) {
        return user.getUserInfo() == null ? user.getIdToken().getClaims() : merged(user);
    }

    private static Map<String, Object> merged(OidcUser user) {
        var claims = new java.util.HashMap<>(user.getIdToken().getClaims());
        claims.putAll(user.getUserInfo().getClaims());
        return claims;
    }
}
