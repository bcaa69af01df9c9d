package nl.doorstroom.platform.security;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.support.RequestContextUtils;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.doorstroom.platform.audit.ActorRoleProvider;
import nl.doorstroom.platform.audit.ProcessingLogAutoConfiguration;
import nl.doorstroom.platform.reference.Municipalities;
import nl.doorstroom.platform.web.WebPlatformAutoConfiguration;
import tools.jackson.databind.json.JsonMapper;

/**
 * One authentication and authorisation set-up for every service (DESIGN §5). The API takes bearer tokens (JWT, roles
 * and scopes in claims) and keeps no session; pages use OpenID Connect login when a client registration is configured
 * (the local stack's Keycloak, or the municipality's own identity provider), and also accept a bearer token. What
 * each role may do is declared on the endpoints ({@code @PreAuthorize}) and, for scopes, checked where the data is
 * read, answering 404 so that another tenant's data cannot even be found.
 */
@AutoConfiguration(after = WebPlatformAutoConfiguration.class, before = ProcessingLogAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableMethodSecurity
public class PlatformSecurityAutoConfiguration {

    static final String[] PUBLIC_DOCUMENTATION = {"/api/v1/openapi.json", "/api/v1/openapi.json.yaml",
            "/api/v1/openapi.json/**", "/api/v1/docs", "/api/v1/docs/**"};
    static final String[] PUBLIC_PAGES = {"/", "/error", "/favicon.ico", "/css/**", "/js/**", "/webjars/**",
            "/swagger-ui/**", "/actuator/health", "/actuator/health/**", "/actuator/info"};

    /** The processing log names the role in which data was processed; never the user. */
    @Bean
    ActorRoleProvider actorRoleFromToken() {
        return () -> CurrentUser.get().roles().stream().map(Role::claimValue).sorted().reduce((a, b) -> a + "," + b);
    }

    @Bean
    ScopeClaimsValidator scopeClaimsValidator(Municipalities municipalities) {
        return new ScopeClaimsValidator(municipalities);
    }

    @Bean
    ProblemAuthenticationHandlers problemAuthenticationHandlers(MessageSource messages, LocaleResolver locales,
                                                                JsonMapper json) {
        return new ProblemAuthenticationHandlers(messages, locales, json);
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ProblemAuthenticationHandlers problems) throws Exception {
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(PUBLIC_DOCUMENTATION).permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server.jwt(jwt -> { }).authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // bearer tokens only: nothing a browser sends by itself authenticates an API call
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pageSecurity(HttpSecurity http, ProblemAuthenticationHandlers problems,
                                     ObjectProvider<ClientRegistrationRepository> clients) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(PUBLIC_PAGES).permitAll()
                        .requestMatchers("/actuator/**").hasRole(Role.PLATFORM_OPERATOR.claimValue())
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server.jwt(jwt -> { }).authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems));
        ClientRegistrationRepository registrations = clients.getIfAvailable();
        // forms post only to this service, and the sign-out's redirect only goes on to the identity provider
        String formTargets = String.join(" ", identityProviders(registrations));
        http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data:; "
                        + "style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'self'; "
                        + "form-action 'self'" + (formTargets.isEmpty() ? "" : " " + formTargets)))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
        if (registrations != null) {
            // signing out also ends the session at the identity provider, or the next page would sign in again silently
            OidcClientInitiatedLogoutSuccessHandler signOut = new OidcClientInitiatedLogoutSuccessHandler(registrations);
            signOut.setPostLogoutRedirectUri("{baseUrl}/");
            http.oauth2Login(login -> { }).logout(logout -> logout.logoutSuccessHandler(signOut));
        } else {
            http.exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        }
        return http.build();
    }

    /** The origins of the identity providers the pages sign in with (scheme, host and port of each issuer). */
    private static List<String> identityProviders(ClientRegistrationRepository registrations) {
        if (!(registrations instanceof Iterable<?> all)) {
            return List.of();
        }
        List<String> origins = new ArrayList<>();
        for (Object registration : all) {
            String issuer = ((ClientRegistration) registration).getProviderDetails().getIssuerUri();
            if (issuer != null) {
                URI uri = URI.create(issuer);
                String origin = uri.getScheme() + "://" + uri.getRawAuthority();
                if (!origins.contains(origin)) {
                    origins.add(origin);
                }
            }
        }
        return origins;
    }

    /** Every page's header shows who is signed in ({@code signedIn} in the model of a rendered page). */
    @Bean
    WebMvcConfigurer signedInUserOnPages(Municipalities municipalities, MessageSource messages) {
        HandlerInterceptor signedIn = new HandlerInterceptor() {
            @Override
            public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                                   ModelAndView page) {
                if (page != null && page.getViewName() != null && !page.getViewName().startsWith("redirect:")) {
                    page.addObject("signedIn",
                            SignedInUser.current(municipalities, messages, RequestContextUtils.getLocale(request)));
                }
            }
        };
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(signedIn).excludePathPatterns("/api/**");
            }
        };
    }

    /** A role that may not use an endpoint is refused before its request body is read ({@link RolesBeforeBody}). */
    @Bean
    WebMvcConfigurer rolesBeforeBody() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new RolesBeforeBody());
            }
        };
    }

    /** Roles of a user who signed in on a page come from the same {@code roles} claim as in API tokens. */
    @Bean
    GrantedAuthoritiesMapper doorstroomRolesFromOidcClaims() {
        return authorities -> {
            Set<GrantedAuthority> mapped = new HashSet<>(authorities);
            for (GrantedAuthority authority : authorities) {
                if (authority instanceof OidcUserAuthority oidc) {
                    Object roles = oidc.getAttributes().get(DoorstroomUser.ROLES_CLAIM);
                    if (roles instanceof Collection<?> values) {
                        values.forEach(role -> Role.fromClaim(String.valueOf(role))
                                .ifPresent(r -> mapped.add(new SimpleGrantedAuthority("ROLE_" + r.claimValue()))));
                    }
                }
            }
            return mapped;
        };
    }
}
