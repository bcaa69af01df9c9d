package nl.doorstroom.employer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.kafka.annotation.EnableKafkaStreams;

/** Employers and matching: placements across the labour-market region, and introductions only with consent. */
@SpringBootApplication
@EnableKafkaStreams
public class EmployerServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(EmployerServiceApplication.class, args);
    }
}
