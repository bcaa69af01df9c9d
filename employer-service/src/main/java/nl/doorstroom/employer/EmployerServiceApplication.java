package nl.doorstroom.employer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Employers and matching: placements across the labour-market region, and introductions only with consent. */
@SpringBootApplication
public class EmployerServiceApplication {

    public static void main(String[] args) {
        // Avro 1.12 only instantiates generated classes from trusted packages
        if (System.getProperty("org.apache.avro.SERIALIZABLE_PACKAGES") == null) {
            System.setProperty("org.apache.avro.SERIALIZABLE_PACKAGES", "nl.doorstroom.schemas");
        }
        SpringApplication.run(EmployerServiceApplication.class, args);
    }
}
