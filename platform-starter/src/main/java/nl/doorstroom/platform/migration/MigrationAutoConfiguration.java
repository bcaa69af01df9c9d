package nl.doorstroom.platform.migration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import nl.doorstroom.platform.PlatformDefaults;
import nl.doorstroom.platform.privacy.PersonalTexts;
import nl.doorstroom.platform.privacy.PrivacyAutoConfiguration;
import nl.doorstroom.platform.write.WritePathAutoConfiguration;
import nl.doorstroom.platform.write.WritePaths;

/**
 * {@code --doorstroom.migration=seal-personal-text}: the service starts without Streams and listeners, seals the
 * personal text on its topics ({@link PersonalTextMigration}), empties its own Streams state directory (the stores
 * restore from the rewritten changelogs at the next start) and exits: 0 when done, 1 when it failed.
 */
@AutoConfiguration(after = {WritePathAutoConfiguration.class, PrivacyAutoConfiguration.class})
@ConditionalOnProperty(name = PlatformDefaults.MIGRATION, havingValue = MigrationAutoConfiguration.SEAL_PERSONAL_TEXT)
public class MigrationAutoConfiguration {

    static final String SEAL_PERSONAL_TEXT = "seal-personal-text";
    private static final Logger log = LoggerFactory.getLogger(MigrationAutoConfiguration.class);

    @Bean
    ApplicationRunner sealPersonalTextMigration(KafkaProperties kafka, PersonalTexts texts, WritePaths writePaths,
                                                ConfigurableApplicationContext context,
                                                @Value("${spring.kafka.streams.application-id}") String applicationId,
                                                @Value("${spring.kafka.streams.state-dir:${java.io.tmpdir}/kafka-streams}") String stateDir) {
        return arguments -> {
            int exitCode = 0;
            try {
                Set<String> topics;
                try (Admin admin = Admin.create(kafka.buildAdminProperties())) {
                    topics = admin.listTopics().names().get();
                }
                var plan = PersonalTextMigration.Plan.of(applicationId, writePaths.topics(), topics);
                var outcome = new PersonalTextMigration(kafka, texts).run(plan);
                deleteRecursively(Path.of(stateDir, applicationId));
                log.info("Personal text sealed on {} topics, {} purged; the Streams state of {} in {} is emptied",
                        outcome.rewritten().size(), outcome.purged().size(), applicationId, stateDir);
            } catch (Exception e) {
                log.error("The migration {} stopped; run it again to finish it", SEAL_PERSONAL_TEXT, e);
                exitCode = 1;
            }
            int code = exitCode;
            System.exit(SpringApplication.exit(context, () -> code));
        };
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
