package nl.doorstroom.platform.pages;

import java.time.LocalDate;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The server-rendered pages' shared parts: dates as people type them, the page advice (errors as pages, blank fields
 * absent), what a form means by the fields it sends (empty rows left out) and the form fragments'
 * helper. {@code doorstroom.pages.problem-view} names the service's error page, which
 * shows the messages {@code <problem>.title} and {@code <problem>.detail}; a service without one of its own gets the
 * platform's ({@code doorstroom/problem}), as the platform's own pages (dead letters) need one in every service.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.thymeleaf.spring6.SpringTemplateEngine")
public class PagesAutoConfiguration {

    @Bean
    PageAdvice pageAdvice(@Value("${doorstroom.pages.problem-view:doorstroom/problem}") String problemView,
            PageFields pageFields) {
        return new PageAdvice(problemView, pageFields);
    }

    /** After the security filters, which read the CSRF token from the fields as sent. */
    @Bean
    FilterRegistrationBean<FormFieldsFilter> formFieldsFilter() {
        return new FilterRegistrationBean<>(new FormFieldsFilter());
    }

    @Bean
    PageFields pageFields(MessageSource messages) {
        return new PageFields(messages);
    }

    @Bean
    WebMvcConfigurer pageDates() {
        return new WebMvcConfigurer() {
            @Override
            public void addFormatters(FormatterRegistry registry) {
                registry.addFormatterForFieldType(LocalDate.class, new PageDateFormatter());
            }
        };
    }
}
