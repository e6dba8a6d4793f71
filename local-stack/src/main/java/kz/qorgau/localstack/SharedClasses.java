package kz.qorgau.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kz.qorgau.infrastructure.process.JavaServiceProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the local stack starts a service fast (docs/adr/0042): its runnable jar extracted once per build (Spring
 * Boot's {@code -Djarmode=tools extract}: the application and its libraries as plain jars, which the JVM can share
 * classes from, where it cannot from jars nested in jars), and a dynamic CDS archive of the classes it loaded,
 * written by the JVM when the service stops cleanly ({@code -XX:ArchiveClassesAtExit}) and mapped by every later
 * start ({@code -XX:SharedArchiveFile}). A new build of the jar extracts it again and drops the archive. Anything
 * that goes wrong here starts the packaged jar as before: a start is never refused for want of a faster one.
 */
final class SharedClasses {

    private static final Logger log = LoggerFactory.getLogger(SharedClasses.class);

    /** What to run: the jar and the JVM options that go with it. */
    record Launch(Path jar, List<String> jvmOptions) {

        /** Whether the JVM writes its archive when it stops: after its shutdown hooks, before it exits. */
        boolean writesArchiveAtExit() {
            return jvmOptions.stream().anyMatch(option -> option.startsWith("-XX:ArchiveClassesAtExit="));
        }
    }

    private SharedClasses() {}

    /**
     * The launch of {@code executableJar}, extracted into {@code directory} (which it owns) when that holds no
     * extraction of this very jar yet.
     */
    static Launch prepare(Path executableJar, Path directory) {
        try {
            Path application = directory.resolve("application");
            Path extracted = application.resolve(executableJar.getFileName());
            Path stamp = directory.resolve("extracted-from");
            Path archive = directory.resolve("classes.jsa");
            String built = stampOf(executableJar);
            if (!Files.isRegularFile(extracted)
                    || !Files.isRegularFile(stamp)
                    || !Files.readString(stamp, StandardCharsets.UTF_8).equals(built)) {
                deleteRecursively(directory);
                Files.createDirectories(directory);
                extract(executableJar, application);
                Files.writeString(stamp, built, StandardCharsets.UTF_8);
            }
            return Files.isRegularFile(archive) && Files.size(archive) > 0
                    ? new Launch(extracted, List.of("-XX:SharedArchiveFile=" + archive))
                    // The dump warns of each optional class it leaves out (a missing dependency): dozens of lines.
                    : new Launch(extracted, List.of("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=error"));
        } catch (IOException | RuntimeException e) {
            log.warn("Starting {} from its packaged jar: it could not be extracted ({})", executableJar, e.toString());
            return new Launch(executableJar, List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Launch(executableJar, List.of());
        }
    }

    /**
     * The jar's path, size and modification time (a rebuild changes at least the last) and the JDK that runs the
     * services ({@link JavaServiceProcess#java}): an archive only maps into the JVM that wrote it.
     */
    private static String stampOf(Path jar) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(jar, BasicFileAttributes.class);
        return jar.toAbsolutePath() + "\n" + attributes.size() + "\n"
                + attributes.lastModifiedTime().toMillis() + "\n"
                + JavaServiceProcess.java() + " " + Runtime.version() + "\n";
    }

    private static void extract(Path executableJar, Path destination) throws IOException, InterruptedException {
        Path output = destination.resolveSibling("extract.log");
        Process extraction = new ProcessBuilder(
                        JavaServiceProcess.java(),
                        "-Djarmode=tools",
                        "-jar",
                        executableJar.toString(),
                        "extract",
                        "--destination",
                        destination.toString())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        if (!extraction.waitFor(2, TimeUnit.MINUTES)) {
            extraction.destroyForcibly();
            throw new IOException("the extraction took more than 2 minutes");
        }
        if (extraction.exitValue() != 0) {
            throw new IOException("the extraction exited with " + extraction.exitValue() + ": "
                    + Files.readString(output, StandardCharsets.UTF_8).strip());
        }
    }

    /** The launcher has no Spring on its class path, so not FileSystemUtils as the tests and the bench use. */
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
