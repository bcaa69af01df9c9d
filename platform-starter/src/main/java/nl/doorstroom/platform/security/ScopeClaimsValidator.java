package nl.doorstroom.platform.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

import nl.doorstroom.platform.reference.Municipalities;

/**
 * Refuses a token whose roles or scopes the privacy model does not know: an unknown role, a case worker without a
 * current municipality, AZC staff without a location, an employer without a KvK number, an analyst without a region,
 * a work desk without a labour-market region (a work desk serves one region; only an analyst may be national).
 * Such a token is answered 401 like a tampered one, so nothing is processed on a guess.
 */
public class ScopeClaimsValidator implements OAuth2TokenValidator<Jwt> {

    private static final Pattern LOCATION = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,39}");
    private static final Pattern KVK = Pattern.compile("\\d{8}");

    private final Municipalities municipalities;

    public ScopeClaimsValidator(Municipalities municipalities) {
        this.municipalities = municipalities;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        List<OAuth2Error> errors = new ArrayList<>();
        Object roles = token.getClaims().get(DoorstroomUser.ROLES_CLAIM);
        if (!(roles instanceof Collection<?> values) || values.isEmpty()) {
            errors.add(error("the token carries no roles"));
            return OAuth2TokenValidatorResult.failure(errors);
        }
        for (Object value : values) {
            Role role = Role.fromClaim(String.valueOf(value)).orElse(null);
            if (role == null) {
                errors.add(error("unknown role"));
                continue;
            }
            role.scope().ifPresent(scope -> {
                if (!validScope(role, scope, token.getClaimAsString(scope.claim()))) {
                    errors.add(error("role " + role.claimValue() + " needs a valid " + scope.claim() + " claim"));
                }
            });
        }
        return errors.isEmpty() ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(errors);
    }

    boolean validScope(Role role, Role.Scope scope, String value) {
        if (value == null) {
            return false;
        }
        return switch (scope) {
            case LOCATION -> LOCATION.matcher(value).matches();
            case MUNICIPALITY -> municipalities.isKnown(value);
            case KVK -> KVK.matcher(value).matches();
            case REGION -> role == Role.ANALYST && DoorstroomUser.NATIONAL.equals(value)
                    || municipalities.region(value).isPresent();
        };
    }

    private static OAuth2Error error(String description) {
        return new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null);
    }
}
