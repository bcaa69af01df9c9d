package nl.doorstroom.platform.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import nl.doorstroom.platform.security.Role;

/**
 * Access tokens for tests, shaped like the identity provider's (roles and scopes in claims, the API audience) and
 * signed with a test-only key whose public half the test context trusts. Nothing in production trusts this key.
 */
public final class TestTokens {

    public static final String ISSUER = "https://login.test.doorstroom.invalid/realms/doorstroom";
    public static final String AUDIENCE = "doorstroom-api";
    public static final String PUBLIC_KEY_RESOURCE = "doorstroom-test-jwt-public.pem";

    private static final RSAPrivateKey KEY = privateKey();

    private TestTokens() {
    }

    public static String azcStaff(String location) {
        return token(Map.of("roles", List.of(Role.AZC_STAFF.claimValue()), "location", location));
    }

    public static String coaPlacementOfficer() {
        return token(Map.of("roles", List.of(Role.COA_PLACEMENT_OFFICER.claimValue())));
    }

    public static String caseWorker(String municipality) {
        return token(Map.of("roles", List.of(Role.CASE_WORKER.claimValue()), "municipality", municipality));
    }

    public static String employer(String kvk) {
        return token(Map.of("roles", List.of(Role.EMPLOYER.claimValue()), "kvk", kvk));
    }

    public static String analyst(String region) {
        return token(Map.of("roles", List.of(Role.ANALYST.claimValue()), "region", region));
    }

    public static String workDesk(String region) {
        return token(Map.of("roles", List.of(Role.WORK_DESK.claimValue()), "region", region));
    }

    public static String platformOperator() {
        return token(Map.of("roles", List.of(Role.PLATFORM_OPERATOR.claimValue())));
    }

    /**
     * A valid token with these claims (roles and scopes), expiring in an hour: test classes keep their tokens for all
     * their tests, which on a busy 2-core machine (or a long load run) can take more than a few minutes.
     */
    public static String token(Map<String, Object> claims) {
        return token(claims, Instant.now().plus(Duration.ofHours(1)));
    }

    /** A token with these claims and this expiry; an expiry in the past gives an expired token. */
    public static String token(Map<String, Object> claims, Instant expiresAt) {
        JWTClaimsSet.Builder set = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(UUID.randomUUID().toString())
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(expiresAt.minus(Duration.ofMinutes(10))))
                .expirationTime(Date.from(expiresAt));
        new LinkedHashMap<>(claims).forEach(set::claim);
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), set.build());
            jwt.sign(new RSASSASigner(KEY));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The same token with one character inside its signature changed (not the last one: its low bits are padding,
     * so changing it may leave the signature's bytes as they were).
     */
    public static String tampered(String token) {
        int at = token.lastIndexOf('.') + 10;
        char changed = token.charAt(at) == 'A' ? 'B' : 'A';
        return token.substring(0, at) + changed + token.substring(at + 1);
    }

    private static RSAPrivateKey privateKey() {
        try (InputStream in = TestTokens.class.getResourceAsStream("/doorstroom-test-jwt-private.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines()
                    .filter(line -> !line.startsWith("-----") && !line.startsWith("#"))
                    .collect(Collectors.joining());
            return (RSAPrivateKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
