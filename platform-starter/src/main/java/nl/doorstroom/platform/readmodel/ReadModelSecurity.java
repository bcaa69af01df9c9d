package nl.doorstroom.platform.readmodel;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;

/** The internal read-model endpoint answers only requests that carry the instances' shared secret; 401 for others. */
@Configuration(proxyBeanMethods = false)
class ReadModelSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain readModelSecurity(HttpSecurity http, ReadModels models) throws Exception {
        return http.securityMatcher("/internal/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().access((authentication, context) ->
                        new AuthorizationDecision(models.acceptsSecret(context.getRequest().getHeader(ReadModels.SECRET_HEADER)))))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED))
                        .accessDeniedHandler((request, response, denied) -> response.sendError(HttpStatus.UNAUTHORIZED.value())))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }
}
