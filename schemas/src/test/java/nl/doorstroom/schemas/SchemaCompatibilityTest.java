package nl.doorstroom.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The registry enforces BACKWARD_TRANSITIVE at run time; this checks the same rule offline, in the build:
 * the current schema of every topic must read data written with every released version kept under
 * {@code src/test/resources/released/<subject>/v<N>.avsc}.
 */
class SchemaCompatibilityTest {

    @TestFactory
    Stream<DynamicTest> everyTopicReadsEveryReleasedVersion() {
        return Topics.ALL.stream().flatMap(topic -> {
            Schema current = SpecificData.get().getSchema(topic.valueType());
            return releasedVersions(topic).stream().map(released -> DynamicTest.dynamicTest(
                    topic.valueSubject() + " reads " + released.getFileName(),
                    () -> {
                        Schema writer = parse(released);
                        var result = SchemaCompatibility.checkReaderWriterCompatibility(current, writer);
                        assertThat(result.getType())
                                .as("%s cannot read data written with %s: %s", topic.valueSubject(),
                                        released.getFileName(), result.getResult().getIncompatibilities())
                                .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
                    }));
        });
    }

    @Test
    void everyTopicHasAtLeastOneReleasedVersion() {
        for (Topic<?, ?> topic : Topics.ALL) {
            assertThat(releasedVersions(topic)).as("released versions of %s", topic.valueSubject()).isNotEmpty();
        }
    }

    @Test
    void theCurrentSchemaIsReleased() throws IOException {
        // every change to a contract is kept as a new version file, so the next change is checked against it too
        for (Topic<?, ?> topic : Topics.ALL) {
            List<Path> versions = releasedVersions(topic);
            Schema current = SpecificData.get().getSchema(topic.valueType());
            assertThat(parse(versions.getLast()))
                    .as("%s changed since %s: add released/%s/v%d.avsc with the new schema", topic.valueSubject(),
                            versions.getLast().getFileName(), topic.valueSubject(), versions.size() + 1)
                    .isEqualTo(current);
        }
    }

    @Test
    void anAddedFieldWithoutDefaultIsCaught() {
        Schema v1 = new Schema.Parser().parse("""
                {"type":"record","name":"R","fields":[{"name":"a","type":"string"}]}""");
        Schema v2 = new Schema.Parser().parse("""
                {"type":"record","name":"R","fields":[{"name":"a","type":"string"},{"name":"b","type":"int"}]}""");
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(v2, v1).getType())
                .isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
    }

    static List<Path> releasedVersions(Topic<?, ?> topic) {
        try {
            var url = SchemaCompatibilityTest.class.getResource("/released/" + topic.valueSubject());
            if (url == null) {
                return List.of();
            }
            try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                List<Path> sorted = new ArrayList<>(files.filter(p -> p.toString().endsWith(".avsc")).toList());
                sorted.sort(Comparator.comparingInt(SchemaCompatibilityTest::versionNumber));
                return sorted;
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int versionNumber(Path file) {
        String name = file.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.length() - ".avsc".length()));
    }

    static Schema parse(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new Schema.Parser().parse(in);
        }
    }
}
