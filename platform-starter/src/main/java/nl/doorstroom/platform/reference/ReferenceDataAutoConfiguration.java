package nl.doorstroom.platform.reference;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.Resource;

/** The municipality reference list, replaceable by pointing {@code doorstroom.reference.municipalities} elsewhere. */
@AutoConfiguration
public class ReferenceDataAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Municipalities municipalities(@Value("${doorstroom.reference.municipalities:" + Municipalities.DEFAULT_LOCATION + "}") Resource csv) {
        return Municipalities.load(csv);
    }
}
