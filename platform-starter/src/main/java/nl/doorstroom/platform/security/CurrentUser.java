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
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken jwt) {
            return DoorstroomUser.fromClaims(jwt.getToken().getClaims());
        }
        if (authentication != null && authentication.getPrincipal() instanceof OidcUser oidc) {
            return DoorstroomUser.fromClaims(claims(oidc));
        }
        return NOBODY;
    }

    /** The account id (subject) of the current user at the identity provider, or empty without a signed-in user. */
    public static java.util.Optional<String> accountId() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || !authentication.isAuthenticated() ? java.util.Optional.empty()
                : java.util.Optional.ofNullable(authentication.getName());
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
