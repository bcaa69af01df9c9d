package nl.doorstroom.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.UserConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** The platform's web beans next to Boot's MVC auto-configuration, in the order Boot really applies them. */
class WebPlatformAutoConfigurationTest {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
                    WebMvcAutoConfiguration.class, WebPlatformAutoConfiguration.class))
            .withPropertyValues("spring.mvc.problemdetails.enabled=true");

    @Test
    void platformLocaleResolverAndProblemHandlerReplaceBootsOwn() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).getBean("localeResolver").isSameAs(context.getBean(LocaleResolver.class));
            LocaleResolver resolver = context.getBean(LocaleResolver.class);
            assertThat(resolver.resolveLocale(new MockHttpServletRequest())).isEqualTo(Locale.forLanguageTag("nl"));
            MockHttpServletRequest english = new MockHttpServletRequest();
            english.addHeader("Accept-Language", "en-GB,en;q=0.9");
            assertThat(resolver.resolveLocale(english).getLanguage()).isEqualTo("en");
            MockHttpServletRequest german = new MockHttpServletRequest();
            german.addHeader("Accept-Language", "de-DE,fr;q=0.8");
            assertThat(resolver.resolveLocale(german)).isEqualTo(Locale.forLanguageTag("nl"));

            assertThat(context.getBeansOfType(ResponseEntityExceptionHandler.class)).hasSize(1)
                    .allSatisfy((name, handler) -> assertThat(handler).isInstanceOf(ProblemDetailsAdvice.class));
        });
    }

    @Test
    void serviceCanStillBringItsOwnLocaleResolver() {
        runner.withConfiguration(UserConfigurations.of(OwnLocale.class)).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(LocaleResolver.class)).isInstanceOf(FixedLocaleResolver.class);
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnLocale {

        @Bean
        LocaleResolver localeResolver() {
            return new FixedLocaleResolver(Locale.ENGLISH);
        }
    }
}
