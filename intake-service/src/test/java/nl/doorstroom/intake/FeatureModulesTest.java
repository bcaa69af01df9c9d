package nl.doorstroom.intake;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The service is packaged by feature; a feature uses another only through its top-level (public) types. */
class FeatureModulesTest {

    @Test
    void featuresKeepToTheirBoundaries() {
        ApplicationModules.of(IntakeServiceApplication.class).verify();
    }
}
