package kz.qorgau.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service's jar extracted once per build and its class-data sharing archive (docs/adr/0042), on identity-server's
 * real runnable jar. That a JVM writes the archive at a clean stop and starts from it is LocalStackIT's part.
 */
class SharedClassesTest {

    private static Path packaged;

    @TempDir
    Path directory;

    @BeforeAll
    static void theIssuersJar() throws IOException {
        try (Stream<Path> jars = Files.list(RepositoryFiles.ROOT.resolve("identity-server/target"))) {
            packaged = jars.filter(jar -> jar.getFileName().toString().endsWith("-exec.jar"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("package identity-server first"));
        }
    }

    @Test
    void aJarIsExtractedOnceAndItsArchiveWrittenAtTheFirstStopThenUsed(@TempDir Path build) throws IOException {
        Path jar = Files.copy(packaged, build.resolve(packaged.getFileName()));
        Path archive = directory.resolve("classes.jsa");

        SharedClasses.Launch first = SharedClasses.prepare(jar, directory);
        assertThat(first.jar())
                .isRegularFile()
                .startsWith(directory)
                .hasFileName(jar.getFileName().toString());
        assertThat(first.jar().resolveSibling("lib")).isDirectory();
        assertThat(first.jvmOptions()).containsExactly("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=error");
        assertThat(first.writesArchiveAtExit()).as("given the longer stop").isTrue();

        FileTime extractedAt = Files.getLastModifiedTime(first.jar());
        Files.write(archive, new byte[] {1});
        SharedClasses.Launch second = SharedClasses.prepare(jar, directory);
        assertThat(second.jar()).isEqualTo(first.jar());
        assertThat(Files.getLastModifiedTime(second.jar()))
                .as("not extracted again")
                .isEqualTo(extractedAt);
        assertThat(second.jvmOptions()).containsExactly("-XX:SharedArchiveFile=" + archive);
        assertThat(second.writesArchiveAtExit()).isFalse();
    }

    @Test
    void aNewBuildOfTheJarIsExtractedAgainAndItsOldArchiveDropped(@TempDir Path build) throws IOException {
        Path jar = Files.copy(packaged, build.resolve(packaged.getFileName()));
        SharedClasses.prepare(jar, directory);
        Files.write(directory.resolve("classes.jsa"), new byte[] {1});

        Files.setLastModifiedTime(
                jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000));
        SharedClasses.Launch rebuilt = SharedClasses.prepare(jar, directory);

        assertThat(directory.resolve("classes.jsa")).doesNotExist();
        assertThat(rebuilt.jar()).isRegularFile();
        assertThat(rebuilt.jvmOptions()).first().asString().startsWith("-XX:ArchiveClassesAtExit=");
    }

    @Test
    void aJarThatCannotBeExtractedStartsAsPackaged(@TempDir Path build) throws IOException {
        Path notABootJar = Files.writeString(build.resolve("broken-exec.jar"), "not a jar");

        SharedClasses.Launch launch = SharedClasses.prepare(notABootJar, directory);

        assertThat(launch.jar()).isEqualTo(notABootJar);
        assertThat(launch.jvmOptions()).isEmpty();
        assertThat(launch.writesArchiveAtExit()).isFalse();
    }
}
