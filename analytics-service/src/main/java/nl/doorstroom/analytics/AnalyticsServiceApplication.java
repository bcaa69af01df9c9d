package nl.doorstroom.analytics;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Indicators and pseudonymised streams: pseudonymise first, then indicators with small cells suppressed. */
@SpringBootApplication
public class AnalyticsServiceApplication {

    public static void main(String[] args) {
        // Avro 1.12 only instantiates generated classes from trusted packages
        if (System.getProperty("org.apache.avro.SERIALIZABLE_PACKAGES") == null) {
            System.setProperty("org.apache.avro.SERIALIZABLE_PACKAGES", "nl.doorstroom.schemas");
        }
        SpringApplication.run(AnalyticsServiceApplication.class, args);
    }
}
