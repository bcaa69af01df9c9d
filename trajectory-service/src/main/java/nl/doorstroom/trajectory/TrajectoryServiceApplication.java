package nl.doorstroom.trajectory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.kafka.annotation.EnableKafkaStreams;

/** The municipality side of Doorstroom: warm handover first, the trajectory itself in later features. */
@SpringBootApplication
@EnableKafkaStreams
public class TrajectoryServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(TrajectoryServiceApplication.class, args);
    }
}
