package nl.doorstroom.trajectory.handover;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import nl.doorstroom.platform.audit.ProcessingLog;
import nl.doorstroom.platform.kafka.ReadModelUnavailableException;
import nl.doorstroom.platform.readmodel.ReadModels;
import nl.doorstroom.platform.reference.Municipalities;
import nl.doorstroom.platform.web.ProblemDetailsAdvice;

/** While Streams is not running (starting, rebalancing), the handover API answers 503 with Retry-After, not 500. */
class HandoverResourceUnavailableTest {

    // no identities or texts are opened here: the store is unavailable before anything is read
    private final Handovers notRunning = new Handovers(
            new ReadModels(new StreamsBuilderFactoryBean(), "secret", Duration.ofSeconds(1)), registryOnly(), null, null);

    @Test
    void storesOfAStreamsAppThatIsNotRunningAreUnavailable() {
        assertThatThrownBy(() -> notRunning.inbox("GM0344")).isInstanceOf(ReadModelUnavailableException.class);
        assertThatThrownBy(() -> notRunning.dossier("GM0344", "someone")).isInstanceOf(ReadModelUnavailableException.class);
    }

    @Test
    void theApiAnswers503WithRetryAfter() throws Exception {
        Jwt utrecht = Jwt.withTokenValue("test").header("alg", "RS256")
                .claim("roles", List.of("case-worker")).claim("municipality", "GM0344").build();
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(utrecht));
        StaticMessageSource messages = new StaticMessageSource();
        messages.setUseCodeAsDefaultMessage(true);
        MunicipalityCodes codes = new MunicipalityCodes(
                Municipalities.load(new ClassPathResource(Municipalities.DEFAULT_LOCATION.substring("classpath:".length()))));
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new HandoverResource(notRunning, codes, passThrough()))
                .setControllerAdvice(new ProblemDetailsAdvice(messages)).build();

        mvc.perform(get("/api/v1/municipalities/GM0344/handovers"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "1"))
                .andExpect(jsonPath("$.status").value(503));
        mvc.perform(get("/api/v1/municipalities/GM0344/handovers/someone"))
                .andExpect(status().isServiceUnavailable());
    }

    /** Runs the work as the real log would, without writing entries: this test is about the 503 alone. */
    @SuppressWarnings("unchecked")
    private static ProcessingLog passThrough() {
        ProcessingLog log = Mockito.mock(ProcessingLog.class);
        Mockito.when(log.record(Mockito.any(), Mockito.anyString(), Mockito.anyCollection(), Mockito.any()))
                .thenAnswer(call -> ((Supplier<Object>) call.getArgument(3)).get());
        Mockito.when(log.recordResult(Mockito.any(), Mockito.anyString(), Mockito.any(), Mockito.any()))
                .thenAnswer(call -> ((Supplier<Object>) call.getArgument(2)).get());
        return log;
    }

    /** The serdes need a registry address to be configured; nothing is read from it here. */
    private static KafkaProperties registryOnly() {
        KafkaProperties properties = new KafkaProperties();
        properties.getProperties().put("apicurio.registry.url", "http://127.0.0.1:1/apis/registry/v3");
        return properties;
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }
}
