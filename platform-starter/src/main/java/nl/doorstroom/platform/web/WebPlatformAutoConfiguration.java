package nl.doorstroom.platform.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.catalina.connector.Connector;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.servers.Server;
import nl.doorstroom.platform.PlatformProperties;

/**
 * Web conventions every service shares: problem details, API headers, Dutch first, OpenAPI per the NL API rules.
 * Runs before Boot's MVC auto-configuration (which is ordered early), so that its {@code localeResolver} and its
 * problem-details handler back off in favour of ours instead of clashing with them.
 */
@AutoConfiguration(before = WebMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(PlatformProperties.class)
public class WebPlatformAutoConfiguration {

    public static final Locale DUTCH = Locale.forLanguageTag("nl");
    public static final String API_BASE_PATH = "/api/v1";
    public static final String LANGUAGE_COOKIE = "doorstroom-lang";

    @Bean
    JsonMapperBuilderCustomizer jsonInputStrictness() {
        return new JsonInputStrictness();
    }

    @Bean
    ProblemDetailsAdvice problemDetailsAdvice(MessageSource messageSource) {
        return new ProblemDetailsAdvice(messageSource);
    }

    @Bean
    FilterRegistrationBean<ApiResponseHeadersFilter> apiResponseHeadersFilter(PlatformProperties properties) {
        var registration = new FilterRegistrationBean<>(new ApiResponseHeadersFilter(properties.apiVersion()));
        registration.addUrlPatterns("/api/*");
        // first of all, so the answers of Spring Security (401, 403) and of the body limit (413) carry the headers too
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /**
     * Bodies larger than any form of ours (an early intake is a few kilobytes) are refused before they are read. An
     * upload that is larger by nature (a CSV file of placements) names its own limit for its path in
     * {@code doorstroom.api.max-request-bytes-by-path[<path>]}.
     */
    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(
            @Value("${doorstroom.api.max-request-bytes:65536}") long maxBytes, Environment environment,
            MessageSource messages, LocaleResolver localeResolver,
            org.springframework.beans.factory.ObjectProvider<tools.jackson.databind.json.JsonMapper> json) {
        Map<String, Long> byPath = Binder.get(environment).bind("doorstroom.api.max-request-bytes-by-path",
                Bindable.mapOf(String.class, Long.class)).orElse(Map.of());
        var registration = new FilterRegistrationBean<>(new RequestBodyLimitFilter(maxBytes, byPath, messages,
                localeResolver, json.getIfAvailable(() -> tools.jackson.databind.json.JsonMapper.builder().build())));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /**
     * Dutch unless the user asks for English: on a page with the language switch ({@code ?lang=en}, kept in a cookie),
     * otherwise through Accept-Language; any other language falls back to Dutch.
     */
    @Bean(name = DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
    @ConditionalOnMissingBean(name = DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
    LocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver fromHeader = new AcceptHeaderLocaleResolver();
        fromHeader.setSupportedLocales(List.of(DUTCH, Locale.ENGLISH));
        fromHeader.setDefaultLocale(DUTCH);
        CookieLocaleResolver resolver = new CookieLocaleResolver(LANGUAGE_COOKIE);
        resolver.setCookieSameSite("Lax");
        resolver.setDefaultLocaleFunction(fromHeader::resolveLocale);
        return resolver;
    }

    /** The pages' language switch: {@code ?lang=nl} or {@code ?lang=en}; other values are ignored. */
    @Bean
    WebMvcConfigurer languageSwitch() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor() {
                    @Override
                    public boolean preHandle(jakarta.servlet.http.HttpServletRequest request,
                                             jakarta.servlet.http.HttpServletResponse response, Object handler)
                            throws jakarta.servlet.ServletException {
                        String language = request.getParameter(getParamName());
                        return !("nl".equals(language) || "en".equals(language)) || super.preHandle(request, response, handler);
                    }
                };
                interceptor.setParamName("lang");
                registry.addInterceptor(interceptor).excludePathPatterns(API_BASE_PATH + "/**");
            }
        };
    }

    /**
     * An encoded slash or backslash in a path reaches Spring Security's firewall, which refuses it with problem
     * details, instead of being refused by Tomcat itself with an HTML page.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Connector.class)
    static class EncodedSlashesToTheFirewall {

        @Bean
        TomcatConnectorCustomizer encodedSlashesToTheFirewall() {
            return connector -> {
                connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
                connector.setEncodedReverseSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
            };
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(OpenAPI.class)
    static class OpenApiDocumentation {

        /** A schema of one JSON type, as OpenAPI 3.0 ({@code type}) and 3.1 ({@code types}) each write it. */
        private static Schema<Object> typed(String type) {
            return new Schema<>().type(type).types(Set.of(type));
        }

        @Bean
        OpenAPI doorstroomOpenApi(PlatformProperties properties,
                                  @Value("${spring.application.name:doorstroom}") String application) {
            return new OpenAPI()
                    .info(new Info()
                            .title("Doorstroom " + application + " API")
                            .version(properties.apiVersion())
                            .description("Part of Doorstroom. Follows the NL API Design Rules; deviations are "
                                    + "explained per operation. Errors are RFC 9457 problem details; invalid input "
                                    + "lists every invalid field in invalidParams.")
                            .contact(new Contact().name("Doorstroom developers")
                                    .url("https://github.com/doorstroom/doorstroom")
                                    .email("developers@doorstroom.nl"))
                            .license(new License().name("EUPL-1.2")
                                    .url("https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12")))
                    .servers(List.of(new Server().url(API_BASE_PATH).description("this instance, API major version 1")));
        }

        /**
         * Paths relative to the versioned server URL, and every error answer documented as application/problem+json.
         */
        @Bean
        OpenApiCustomizer doorstroomApiConventions(PlatformProperties properties) {
            return openApi -> {
                if (openApi.getPaths() == null) {
                    return;
                }
                Map<String, PathItem> relative = new TreeMap<>();
                openApi.getPaths().forEach((path, item) ->
                        relative.put(path.startsWith(API_BASE_PATH) ? path.substring(API_BASE_PATH.length()) : path, item));
                openApi.getPaths().clear();
                relative.forEach(openApi.getPaths()::addPathItem);
                Content problem = new Content().addMediaType("application/problem+json",
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/ProblemDetail")));
                openApi.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
                    var responses = operation.getResponses();
                    responses.computeIfAbsent("400", code -> new ApiResponse().description("Invalid input, listed per field in invalidParams")).setContent(problem);
                    responses.computeIfAbsent("404", code -> new ApiResponse().description("Not found, or not visible to you")).setContent(problem);
                    responses.computeIfAbsent("503", code -> new ApiResponse().description("Temporarily unavailable; retry after the Retry-After header")).setContent(problem);
                    responses.computeIfAbsent("500", code -> new ApiResponse().description("Unexpected error")).setContent(problem);
                    responses.values().forEach(response -> response.addHeaderObject(ApiResponseHeadersFilter.HEADER,
                            new Header().$ref("#/components/headers/" + ApiResponseHeadersFilter.HEADER)));
                }));
                if (openApi.getComponents() == null) {
                    openApi.setComponents(new Components());
                }
                openApi.getComponents().addHeaders(ApiResponseHeadersFilter.HEADER, new Header()
                        .description("The full version of the API that answered (NL API Design Rules, API-57)")
                        .required(true).schema(typed("string").example(properties.apiVersion())));
                if (openApi.getComponents() != null && openApi.getComponents().getSchemas() != null
                        && !openApi.getComponents().getSchemas().containsKey("ProblemDetail")) {
                    openApi.getComponents().addSchemas("ProblemDetail", typed("object")
                            .addProperty("type", typed("string").format("uri"))
                            .addProperty("title", typed("string"))
                            .addProperty("status", typed("integer"))
                            .addProperty("detail", typed("string"))
                            .addProperty("instance", typed("string").format("uri"))
                            .addProperty("invalidParams", typed("array").items(typed("object")
                                    .addProperty("name", typed("string"))
                                    .addProperty("code", typed("string"))
                                    .addProperty("reason", typed("string")))));
                }
            };
        }
    }
}
