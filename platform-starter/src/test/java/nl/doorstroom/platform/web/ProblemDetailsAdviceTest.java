package nl.doorstroom.platform.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;
import org.springframework.validation.beanvalidation.SpringConstraintValidatorFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import nl.doorstroom.platform.kafka.EventNotPublishedException;
import nl.doorstroom.platform.reference.KnownMunicipality;
import nl.doorstroom.platform.reference.Municipalities;

/** The advice in a standalone MockMvc with the platform's locale resolver, messages and validation. */
class ProblemDetailsAdviceTest {

    private static final String VALID = """
            {"name": "Amina", "municipalityCode": "GM0363", "startDate": "2026-05-01"}""";

    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("doorstroom-platform-messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);

        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("municipalities",
                Municipalities.load(new ClassPathResource("reference/municipalities.csv")));
        LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
        validator.setConstraintValidatorFactory(new SpringConstraintValidatorFactory(beans));
        validator.afterPropertiesSet();

        mvc = MockMvcBuilders.standaloneSetup(new ExampleController())
                .setControllerAdvice(new ProblemDetailsAdvice(messages))
                .setLocaleResolver(new WebPlatformAutoConfiguration().localeResolver())
                .setValidator(validator)
                .build();
    }

    @Test
    void validInputPasses() throws Exception {
        mvc.perform(post("/api/v1/examples").contentType(MediaType.APPLICATION_JSON).content(VALID))
                .andExpect(status().isOk());
    }

    @Test
    void invalidFieldsAreListedInDutchByDefault() throws Exception {
        mvc.perform(post("/api/v1/examples").contentType(MediaType.APPLICATION_JSON)
                        .accept(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": " ", "municipalityCode": "GM9999", "startDate": null}"""))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.title").value("Ongeldige invoer"))
                .andExpect(jsonPath("$.detail").value("Een of meer velden zijn ongeldig; zie invalidParams."))
                .andExpect(jsonPath("$.invalidParams", hasSize(3)))
                .andExpect(jsonPath("$.invalidParams[0].name").value("municipalityCode"))
                .andExpect(jsonPath("$.invalidParams[0].code").value("knownMunicipality"))
                .andExpect(jsonPath("$.invalidParams[0].reason").value("is geen bestaande gemeentecode (GMxxxx)"))
                .andExpect(jsonPath("$.invalidParams[1].name").value("name"))
                .andExpect(jsonPath("$.invalidParams[1].code").value("notBlank"))
                .andExpect(jsonPath("$.invalidParams[1].reason").value("mag niet onbeschreven zijn"))
                .andExpect(jsonPath("$.invalidParams[2].name").value("startDate"))
                .andExpect(jsonPath("$.invalidParams[2].code").value("notNull"))
                .andExpect(jsonPath("$.invalidParams[2].reason").value("mag niet null zijn"));
    }

    @Test
    void invalidFieldsAreListedInEnglishOnRequest() throws Exception {
        mvc.perform(post("/api/v1/examples").contentType(MediaType.APPLICATION_JSON)
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                        .content("""
                                {"name": "", "municipalityCode": "Amsterdam", "startDate": "2026-05-01"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Invalid input"))
                .andExpect(jsonPath("$.invalidParams[?(@.name == 'name')].code").value("notBlank"))
                .andExpect(jsonPath("$.invalidParams[?(@.name == 'name')].reason").value("must not be blank"))
                .andExpect(jsonPath("$.invalidParams[?(@.name == 'municipalityCode' && @.code == 'pattern')].reason")
                        .value(hasItem(containsString("must match"))))
                .andExpect(jsonPath("$.invalidParams[?(@.name == 'municipalityCode' && @.code == 'knownMunicipality')].reason")
                        .value("is not a current municipality code (GMxxxx)"));
    }

    @Test
    void otherLanguagesFallBackToDutch() throws Exception {
        mvc.perform(post("/api/v1/examples").contentType(MediaType.APPLICATION_JSON)
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "de-DE, fr;q=0.8")
                        .content("""
                                {"name": "", "municipalityCode": "GM0363", "startDate": "2026-05-01"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Ongeldige invoer"))
                .andExpect(jsonPath("$.invalidParams[0].reason").value("mag niet onbeschreven zijn"));
    }

    @Test
    void malformedJsonIsBadRequestNotServerError() throws Exception {
        mvc.perform(post("/api/v1/examples").contentType(MediaType.APPLICATION_JSON).content("{\"name\": "))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.invalidParams[0].name").value("body"))
                .andExpect(jsonPath("$.invalidParams[0].code").value("unreadable"))
                .andExpect(jsonPath("$.invalidParams[0].reason").value("De inhoud is geen geldige JSON in de verwachte vorm."))
                .andExpect(content().string(not(containsString("Exception"))));
    }

    @Test
    void wronglyFormattedMemberIsNamed() throws Exception {
        mvc.perform(post("/api/v1/examples").contentType(MediaType.APPLICATION_JSON)
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                        .content("""
                                {"name": "Amina", "municipalityCode": "GM0363", "startDate": "01-05-2026"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.invalidParams[0].name").value("startDate"))
                .andExpect(jsonPath("$.invalidParams[0].code").value("format"))
                .andExpect(jsonPath("$.invalidParams[0].reason")
                        .value("This value has the wrong format or is not one of the allowed values."))
                .andExpect(content().string(not(containsString("01-05-2026"))));
    }

    @Test
    void invalidQueryParameterIsListedByName() throws Exception {
        mvc.perform(get("/api/v1/examples").param("regionCode", "AM1"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.invalidParams[0].name").value("regionCode"))
                .andExpect(jsonPath("$.invalidParams[0].code").value("pattern"));
        mvc.perform(get("/api/v1/examples").param("regionCode", "AM18"))
                .andExpect(status().isOk());
    }

    @Test
    void notFoundIs404Problem() throws Exception {
        mvc.perform(get("/api/v1/examples/{id}", "unknown").accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.title").value("Niet gevonden"))
                // the exception's own message stays in the log
                .andExpect(content().string(not(containsString("example unknown"))));
    }

    @Test
    void unacknowledgedWriteIs503WithRetryAfter() throws Exception {
        mvc.perform(post("/api/v1/examples/unpublished").header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().exists(HttpHeaders.RETRY_AFTER))
                .andExpect(jsonPath("$.title").value("Temporarily unavailable"))
                .andExpect(content().string(not(containsString("intake.person-events"))));
    }

    @Test
    void unexpectedErrorLeaksNothing() throws Exception {
        mvc.perform(get("/api/v1/examples/broken"))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Onverwachte fout"))
                .andExpect(content().string(not(containsString("secret"))))
                .andExpect(content().string(not(containsString("IllegalStateException"))));
    }

    record Example(@NotBlank String name,
                   @NotBlank @Pattern(regexp = "GM\\d{4}") @KnownMunicipality String municipalityCode,
                   @NotNull LocalDate startDate) {
    }

    @RestController
    static class ExampleController {

        @PostMapping("/api/v1/examples")
        Example create(@Valid @RequestBody Example example) {
            return example;
        }

        @GetMapping("/api/v1/examples")
        String list(@RequestParam(required = false) @Pattern(regexp = "AM\\d{2}") String regionCode) {
            return "[]";
        }

        @GetMapping("/api/v1/examples/broken")
        String broken() {
            throw new IllegalStateException("secret internal state");
        }

        @GetMapping("/api/v1/examples/{id}")
        String find(@PathVariable String id) {
            throw new NotFoundException("example " + id);
        }

        @PostMapping("/api/v1/examples/unpublished")
        String unpublished() {
            throw new EventNotPublishedException("intake.person-events", new java.util.concurrent.TimeoutException());
        }
    }
}
