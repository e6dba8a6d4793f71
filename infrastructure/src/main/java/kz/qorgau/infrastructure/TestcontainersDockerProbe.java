package kz.qorgau.infrastructure;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link DockerProbe}. Testcontainers' own probe takes about a second with no engine and
 * logs an ERROR listing every strategy it tried, so this one first looks for any sign of an engine that
 * one of Testcontainers' strategies would use; with none, the answer is no at once and Testcontainers
 * is not even loaded.
 */
final class TestcontainersDockerProbe implements DockerProbe {

    static final TestcontainersDockerProbe INSTANCE = new TestcontainersDockerProbe();

    private static final Logger log = LoggerFactory.getLogger(TestcontainersDockerProbe.class);
    private static final Pattern CURRENT_CONTEXT = Pattern.compile("\"currentContext\"\\s*:\\s*\"([^\"]*)\"");

    private volatile Boolean answer;

    private TestcontainersDockerProbe() {}

    @Override
    public boolean dockerAvailable() {
        Boolean result = answer;
        if (result == null) {
            synchronized (this) {
                result = answer;
                if (result == null) {
                    result = probe();
                    answer = result;
                }
            }
        }
        return result;
    }

    private static boolean probe() {
        long started = System.nanoTime();
        Optional<String> hint = dockerHint(System::getenv, System::getProperty, path -> Files.exists(path));
        if (hint.isEmpty()) {
            log.debug("No Docker engine in sight (no DOCKER_HOST, socket or context); not asking Testcontainers");
            return false;
        }
        boolean available;
        try {
            available = org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            log.debug("Testcontainers could not reach Docker", e);
            available = false;
        }
        log.debug(
                "Docker {} (hint: {}; asked Testcontainers in {} ms)",
                available ? "available" : "not available",
                hint.get(),
                (System.nanoTime() - started) / 1_000_000);
        return available;
    }

    /**
     * The first sign of a Docker engine that a Testcontainers strategy would use, or empty when there is
     * none. Package-private with its inputs as functions so that tests can drive it.
     */
    static Optional<String> dockerHint(
            Function<String, String> env, Function<String, String> properties, Predicate<Path> exists) {
        String os = String.valueOf(properties.apply("os.name")).toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return Optional.of("Windows (named pipe)");
        }
        for (String name : List.of("DOCKER_HOST", "DOCKER_CONTEXT", "TC_HOST", "DOCKER_MACHINE_NAME")) {
            if (notBlank(env.apply(name))) {
                return Optional.of(name + " is set");
            }
        }
        for (String name : List.of("docker.host", "tc.host")) {
            if (notBlank(properties.apply(name))) {
                return Optional.of("system property " + name + " is set");
            }
        }
        String home = properties.apply("user.home");
        List<Path> candidates = new ArrayList<>();
        candidates.add(Path.of("/var/run/docker.sock"));
        candidates.add(Path.of("/run/docker.sock"));
        String xdgRuntime = env.apply("XDG_RUNTIME_DIR");
        if (notBlank(xdgRuntime)) {
            candidates.add(Path.of(xdgRuntime, "docker.sock"));
        }
        if (notBlank(home)) {
            Path userHome = Path.of(home);
            // ~/.testcontainers.properties may name docker.host or tc.host (Testcontainers Desktop/Cloud),
            // and Testcontainers writes it after it once found an engine.
            candidates.add(userHome.resolve(".testcontainers.properties"));
            candidates.add(userHome.resolve(".docker/run/docker.sock"));
            candidates.add(userHome.resolve(".docker/desktop/docker.sock"));
            candidates.add(userHome.resolve(".colima/default/docker.sock"));
            candidates.add(userHome.resolve(".colima/docker.sock"));
            candidates.add(userHome.resolve(".rd/docker.sock"));
            candidates.add(userHome.resolve(".orbstack/run/docker.sock"));
        }
        for (Path candidate : candidates) {
            if (exists.test(candidate)) {
                return Optional.of(candidate + " exists");
            }
        }
        Optional<Path> rootless = rootlessSocket(exists);
        if (rootless.isPresent()) {
            return Optional.of(rootless.get() + " exists");
        }
        if (notBlank(home)) {
            Optional<String> context = dockerContext(Path.of(home, ".docker", "config.json"), exists);
            if (context.isPresent()) {
                return Optional.of("Docker context " + context.get() + " is selected");
            }
        }
        if (onPath(env.apply("PATH"), "docker-machine", exists)) {
            return Optional.of("docker-machine is installed");
        }
        return Optional.empty();
    }

    private static Optional<Path> rootlessSocket(Predicate<Path> exists) {
        Path runUser = Path.of("/run/user");
        if (!Files.isDirectory(runUser)) {
            return Optional.empty();
        }
        try (DirectoryStream<Path> users = Files.newDirectoryStream(runUser)) {
            for (Path user : users) {
                Path socket = user.resolve("docker.sock");
                if (exists.test(socket)) {
                    return Optional.of(socket);
                }
            }
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<String> dockerContext(Path config, Predicate<Path> exists) {
        if (!exists.test(config)) {
            return Optional.empty();
        }
        try {
            Matcher matcher = CURRENT_CONTEXT.matcher(Files.readString(config, StandardCharsets.UTF_8));
            if (matcher.find() && !matcher.group(1).isBlank() && !"default".equals(matcher.group(1))) {
                return Optional.of(matcher.group(1));
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static boolean onPath(String path, String command, Predicate<Path> exists) {
        if (!notBlank(path)) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isBlank() && exists.test(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
