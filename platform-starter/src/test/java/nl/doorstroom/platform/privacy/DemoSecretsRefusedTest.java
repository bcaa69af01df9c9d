package nl.doorstroom.platform.privacy;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

/** Production secrets cannot be demo secrets: outside the local stack and tests, a service does not start with one. */
class DemoSecretsRefusedTest {

    private static final String DEMO_MASTER_KEY =
            String.valueOf(PrivacyDemoSettings.properties().get("doorstroom.privacy.master-key"));

    @Test
    void theDemoMasterKeyOutsideTheLocalProfileStopsTheStart() {
        MockEnvironment environment = new MockEnvironment().withProperty("doorstroom.privacy.master-key", DEMO_MASTER_KEY);
        assertThatThrownBy(() -> start(environment)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("doorstroom.privacy.master-key is a public DEMO value")
                .hasMessageNotContaining(DEMO_MASTER_KEY);
    }

    @Test
    void everyDemoSecretAndTheLocalRealmsClientSecretAreRecognised() {
        PrivacyDemoSettings.properties().forEach((name, value) -> assertThatThrownBy(() ->
                start(new MockEnvironment().withProperty(name, String.valueOf(value)))).as(name)
                .isInstanceOf(IllegalStateException.class));
        assertThatThrownBy(() -> start(new MockEnvironment().withProperty(
                "spring.security.oauth2.client.registration.keycloak.client-secret", "doorstroom-web-local-secret")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theLocalProfileAndTheTestInfrastructureMayUseThem() {
        MockEnvironment local = new MockEnvironment().withProperty("doorstroom.privacy.master-key", DEMO_MASTER_KEY);
        local.setActiveProfiles(PrivacyDemoSettings.LOCAL_PROFILE);
        assertThatCode(() -> start(local)).doesNotThrowAnyException();
        assertThatCode(() -> start(new MockEnvironment().withProperty("doorstroom.privacy.master-key", DEMO_MASTER_KEY)
                .withProperty(PrivacyDemoSettings.ALLOWED_PROPERTY, "true"))).doesNotThrowAnyException();
    }

    @Test
    void secretsOfTheirOwnStart() {
        assertThatCode(() -> start(new MockEnvironment()
                .withProperty("doorstroom.privacy.master-key", "bXkgb3duIHZlcnkgc2VjcmV0IGtleSBvZiAzMiBieXRlcw==")
                .withProperty("spring.security.oauth2.client.registration.keycloak.client-secret", "mine")))
                .doesNotThrowAnyException();
    }

    private static void start(MockEnvironment environment) {
        new PrivacyDemoSettings().postProcessEnvironment(environment, new SpringApplication());
    }
}
