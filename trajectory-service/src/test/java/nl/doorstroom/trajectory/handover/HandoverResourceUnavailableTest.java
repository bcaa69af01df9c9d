package nl.doorstroom.trajectory.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import nl.doorstroom.platform.reference.Municipalities;

/** While Streams is not running (starting, rebalancing), the handover API answers 503 with Retry-After, not 500. */
class HandoverResourceUnavailableTest {

    private final Handovers notRunning = new Handovers(new StreamsBuilderFactoryBean());

    @Test
    void storesOfAStreamsAppThatIsNotRunningAreUnavailable() {
        assertThatThrownBy(() -> notRunning.inbox("GM0344")).isInstanceOf(HandoverStoreUnavailableException.class);
        assertThatThrownBy(() -> notRunning.dossier("GM0344", "someone")).isInstanceOf(HandoverStoreUnavailableException.class);
    }

    @Test
    void theApiAnswers503WithRetryAfter() throws Exception {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("handover.unavailable.title", Locale.getDefault(), "Tijdelijk niet beschikbaar");
        messages.addMessage("handover.unavailable.detail", Locale.getDefault(), "Probeer het zo opnieuw.");
        messages.setUseCodeAsDefaultMessage(true);
        MunicipalityCodes codes = new MunicipalityCodes(
                Municipalities.load(new ClassPathResource(Municipalities.DEFAULT_LOCATION.substring("classpath:".length()))));
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new HandoverResource(notRunning, codes, messages)).build();

        mvc.perform(get("/api/v1/municipalities/GM0344/handovers"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", HandoverResource.RETRY_AFTER_SECONDS))
                .andExpect(jsonPath("$.status").value(503));
        mvc.perform(get("/api/v1/municipalities/GM0344/handovers/someone"))
                .andExpect(status().isServiceUnavailable());
        assertThat(HandoverResource.RETRY_AFTER_SECONDS).isNotBlank();
    }
}
