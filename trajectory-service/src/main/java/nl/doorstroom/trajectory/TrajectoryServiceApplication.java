package nl.doorstroom.trajectory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.kafka.annotation.EnableKafkaStreams;

/** The municipality side of Doorstroom: warm handover first, the trajectory itself in later features. */
@SpringBootApplication
@EnableKafkaStreams
public class TrajectoryServiceApplication {

    /** Avro 1.12 instantiates generated classes only from trusted packages. */
    static final String AVRO_TRUSTED_PACKAGES = "org.apache.avro.SERIALIZABLE_PACKAGES";

    public static void main(String[] args) {
        if (System.getProperty(AVRO_TRUSTED_PACKAGES) == null) {
            System.setProperty(AVRO_TRUSTED_PACKAGES, "nl.doorstroom.schemas");
        }
        SpringApplication.run(TrajectoryServiceApplication.class, args);
    }
}
