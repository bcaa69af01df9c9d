package nl.doorstroom.intake;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.kafka.annotation.EnableKafkaStreams;

/** AZC side of Doorstroom: registration, early intake and the link (koppeling) to a municipality. */
@SpringBootApplication
@EnableKafkaStreams
public class IntakeServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(IntakeServiceApplication.class, args);
    }
}
