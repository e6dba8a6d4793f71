package kz.qorgau.infrastructure.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kz.qorgau.infrastructure.InfrastructureException;

/**
 * The classpath of the child Kafka broker: the jars of {@code org.apache.kafka:kafka_2.13} and its runtime
 * dependencies (plus log4j2's SLF4J provider) in the local Maven repository. The build writes the list
 * into the resource {@value #RESOURCE} (maven-dependency-plugin {@code build-classpath}); the jars are
 * there wherever Maven built this module.
 */
public final class BrokerClasspath {

    /** The resource, next to this class, that lists the jars separated by the platform's path separator. */
    public static final String RESOURCE = "broker.classpath";

    /** A system property that replaces the resource (a classpath string), for unusual setups. */
    public static final String OVERRIDE_PROPERTY = "qorgau.kafka.broker.classpath";

    private BrokerClasspath() {}

    /** The jars, each checked to exist. */
    public static List<Path> jars() {
        String override = System.getProperty(OVERRIDE_PROPERTY);
        String text = override != null && !override.isBlank() ? override : readResource();
        List<Path> jars = parse(text);
        if (jars.isEmpty()) {
            throw new InfrastructureException("The Kafka broker classpath is empty; rebuild module infrastructure"
                    + " (./mvnw -pl infrastructure package) so that it lists the Kafka server jars.");
        }
        for (Path jar : jars) {
            if (!Files.isRegularFile(jar)) {
                throw new InfrastructureException("The Kafka broker jar " + jar + " is missing; build module"
                        + " infrastructure with Maven on this machine (./mvnw -pl infrastructure package) so"
                        + " that the local Maven repository has the Kafka server jars.");
            }
        }
        return jars;
    }

    static List<Path> parse(String text) {
        List<Path> jars = new ArrayList<>();
        for (String entry : text.strip().split(java.io.File.pathSeparator)) {
            if (!entry.isBlank()) {
                jars.add(Path.of(entry.strip()));
            }
        }
        return jars;
    }

    private static String readResource() {
        try (InputStream in = BrokerClasspath.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new InfrastructureException("The resource kz/qorgau/infrastructure/kafka/" + RESOURCE
                        + " is missing; build module infrastructure with Maven (./mvnw -pl infrastructure"
                        + " package), which writes it, rather than compiling it in an IDE alone.");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
