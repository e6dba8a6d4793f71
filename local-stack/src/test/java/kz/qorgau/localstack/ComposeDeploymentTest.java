package kz.qorgau.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The compose files as docker-compose reads them, and against the code (docs/adr/0034): no Docker engine
 * runs here, so nothing is started; instead docker-compose 1.29 (Debian's package, which .ci/run installs)
 * validates every file and profile, and each service's environment, each Dockerfile's COPY sources and
 * every referenced port are checked against what the code reads, packages and listens on. The
 * docker-compose check skips without the binary and fails under CI=true.
 */
class ComposeDeploymentTest {

    static final String BASE = "docker-compose.yml";
    static final String CLUSTER = "docker-compose.cluster.yml";
    static final String DOCKERFILE = "deploy/service/Dockerfile";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(QORGAU_[A-Z0-9_]+)(:?)");
    private static final Pattern HOST_PORT = Pattern.compile("(?<![\\w.-])([a-z][a-z0-9-]*):(\\d{2,5})(?![\\d.])");

    @Test
    void docker_compose_1_29AcceptsEveryFileAndProfile() throws Exception {
        Path dockerCompose =
                OpsFiles.requireBinary("docker-compose", "apt-get install --no-install-recommends docker-compose");
        Set<String> profiles = new TreeSet<>();
        for (String file : List.of(BASE, CLUSTER)) {
            for (Object service :
                    RepositoryFiles.map(RepositoryFiles.yaml(file), "services").values()) {
                if (service instanceof Map<?, ?> map && map.get("profiles") instanceof List<?> list) {
                    list.forEach(profile -> profiles.add(String.valueOf(profile)));
                }
            }
        }
        assertThat(profiles).as("the profiles the files use").contains("services");

        for (List<String> files : List.of(List.of(BASE), List.of(BASE, CLUSTER))) {
            List<String> combination = new ArrayList<>();
            files.forEach(file -> combination.addAll(List.of("-f", file)));
            dockerCompose(dockerCompose, combination, List.of("config", "-q"));
            for (String profile : profiles) {
                dockerCompose(dockerCompose, combination, List.of("--profile", profile, "config", "-q"));
            }
        }
    }

    @Test
    void everyQorgauServiceOfEitherFileSetsOnlyWhatItReadsAndAllItMustBeGiven() {
        for (ServiceSpec spec : qorgauServices()) {
            Set<String> read = new TreeSet<>();
            Set<String> required = new TreeSet<>();
            for (Path yml : applicationYmls(spec.name())) {
                Matcher placeholder = PLACEHOLDER.matcher(RepositoryFiles.read(yml));
                while (placeholder.find()) {
                    read.add(placeholder.group(1));
                    if (placeholder.group(2).isEmpty()) {
                        required.add(placeholder.group(1));
                    }
                }
            }
            assertThat(read).as(spec.name() + " reads variables").isNotEmpty();
            // And what Spring's relaxed binding reads: a documented property of the code, by its environment form.
            ConfigurationDocumentationTest.ConfigurationProperties properties =
                    ConfigurationDocumentationTest.ConfigurationProperties.of(RepositoryFiles.ROOT);
            ConfigurationDocumentationTest.documentedRows(RepositoryFiles.ROOT).stream()
                    .flatMap(row -> row.properties().stream())
                    .filter(properties::exists)
                    .map(ConfigurationDocumentationTest::environmentForm)
                    .forEach(read::add);
            for (Map.Entry<String, Map<String, Object>> instance :
                    instancesOf(spec).entrySet()) {
                Map<String, Object> environment = instance.getValue();
                Set<String> qorgau = new TreeSet<>();
                environment.keySet().stream()
                        .filter(key -> key.startsWith("QORGAU_"))
                        .forEach(qorgau::add);
                assertThat(read)
                        .as(instance.getKey() + ": every QORGAU_ variable it is given is read")
                        .containsAll(qorgau);
                assertThat(environment)
                        .as(instance.getKey() + ": what has no default")
                        .containsKeys(required.toArray(String[]::new));
                // Boot's own settings, by their environment form.
                assertThat(environment)
                        .as(instance.getKey())
                        .containsEntry("MANAGEMENT_TRACING_SAMPLING_PROBABILITY", "1.0")
                        .containsEntry(
                                "MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT",
                                "http://jaeger:4318/v1/traces");
            }
        }
    }

    @Test
    void everyDockerfileCopySourceExistsAfterPackagingAndIsSentToTheBuild() throws IOException {
        String dockerfile = Files.readString(RepositoryFiles.resolve(DOCKERFILE));
        List<String> ignored = RepositoryFiles.read(RepositoryFiles.resolve(".dockerignore"))
                .lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .toList();
        for (ServiceSpec spec : qorgauServices()) {
            for (Map.Entry<String, Map<String, Object>> build : buildsOf(spec).entrySet()) {
                assertThat(build.getValue())
                        .as(build.getKey())
                        .containsEntry("context", ".")
                        .containsEntry("dockerfile", DOCKERFILE);
            }
            if (!hasPackagedJar(RepositoryFiles.resolve(spec.name()))) {
                String message = spec.name() + " is not packaged: run ./mvnw -DskipTests package first";
                if ("true".equals(System.getenv("CI"))) {
                    Assertions.fail(message + ". Under CI=true, verify packages before this test.");
                }
                Assumptions.abort(message);
            }
            List<String> sources = copySources(dockerfile).stream()
                    .map(source -> source.replace("${SERVICE}", spec.name()))
                    .toList();
            assertThat(sources).as(spec.name()).isNotEmpty();
            for (String source : sources) {
                PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + source);
                List<Path> matches;
                try (Stream<Path> files = Files.walk(RepositoryFiles.ROOT, 3)) {
                    matches = files.map(RepositoryFiles.ROOT::relativize)
                            .filter(glob::matches)
                            .toList();
                }
                assertThat(matches).as(spec.name() + "'s COPY " + source).hasSize(1);
                // .dockerignore keeps everything else out of the build context, and lets this in by a pattern
                // under the service's own folder (docker-compose 1.29 looks no deeper into an ignored one).
                assertThat(ignored).as(".dockerignore").startsWith("*");
                assertThat(ignored.stream()
                                .filter(line -> line.startsWith("!" + spec.name() + "/"))
                                .map(line -> FileSystems.getDefault().getPathMatcher("glob:" + line.substring(1))))
                        .as(".dockerignore lets in " + matches.get(0))
                        .anyMatch(pattern -> pattern.matches(matches.get(0)));
            }
        }
    }

    @Test
    void everyReferencedPortIsDeclared() throws IOException {
        assertThat(Files.readString(RepositoryFiles.resolve(DOCKERFILE)))
                .contains("EXPOSE ${PORT} ${MANAGEMENT_PORT}")
                .contains("HEALTH_DEFAULT_PORT=${MANAGEMENT_PORT}")
                .contains("QORGAU_${HEALTH_ENV_PREFIX}_MANAGEMENT_PORT")
                .contains("/dev/tcp/127.0.0.1/${!port:-$HEALTH_DEFAULT_PORT}");
        Map<String, Set<Integer>> declared = new LinkedHashMap<>();
        Map<String, Object> services = mergedServices();
        services.forEach((name, service) -> declared.put(name, containerPorts(asMap(service))));
        for (ServiceSpec spec : qorgauServices()) {
            Set<Integer> listens = Set.of(spec.port(), spec.managementPort());
            // The image exposes and health-checks the ports its build arguments name: the service's own.
            buildsOf(spec).forEach((instance, build) -> assertThat(RepositoryFiles.map(build, "args"))
                    .as(instance)
                    .containsEntry("SERVICE", spec.name())
                    .containsEntry("ENV_PREFIX", spec.envPrefix())
                    .containsEntry("PORT", Integer.toString(spec.port()))
                    .containsEntry("MANAGEMENT_PORT", Integer.toString(spec.managementPort())));
            instancesOf(spec).keySet().stream().filter(declared::containsKey).forEach(instance -> {
                assertThat(declared.get(instance))
                        .as(instance + "'s published ports")
                        .isSubsetOf(listens);
                declared.put(instance, listens);
            });
        }

        List<String> references = new ArrayList<>();
        collectStrings(services, references);
        references.add(RepositoryFiles.read(RepositoryFiles.resolve("ops/prometheus/compose.yml")));
        int checked = 0;
        for (String text : references) {
            Matcher reference = HOST_PORT.matcher(text);
            while (reference.find()) {
                String host = reference.group(1);
                if (!declared.containsKey(host)) {
                    continue;
                }
                assertThat(declared.get(host))
                        .as(reference.group() + " in " + text)
                        .contains(Integer.parseInt(reference.group(2)));
                checked++;
            }
        }
        assertThat(checked).as("references to compose services").isGreaterThan(10);
    }

    private static void dockerCompose(Path binary, List<String> files, List<String> arguments) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(files);
        command.addAll(arguments);
        OpsFiles.run(command);
    }

    private static List<ServiceSpec> qorgauServices() {
        return RepositoryFiles.launcherServices().stream()
                .filter(ServiceSpec::hasDatabase)
                .toList();
    }

    /** The service's instances in both files (its first in the base file, more in the cluster file). */
    private static Map<String, Map<String, Object>> instancesOf(ServiceSpec spec) {
        Map<String, Map<String, Object>> instances = new LinkedHashMap<>();
        Map<String, Object> base = RepositoryFiles.composeServices();
        Map<String, Object> cluster = RepositoryFiles.map(RepositoryFiles.yaml(CLUSTER), "services");
        Map<String, Object> first =
                new LinkedHashMap<>(RepositoryFiles.map(RepositoryFiles.map(base, spec.name()), "environment"));
        instances.put(spec.name(), first);
        Map<String, Object> inCluster = new LinkedHashMap<>(first);
        inCluster.putAll(RepositoryFiles.map(RepositoryFiles.map(cluster, spec.name()), "environment"));
        instances.put(spec.name() + " (cluster)", inCluster);
        cluster.forEach((name, service) -> {
            if (name.startsWith(spec.name() + "-")) {
                instances.put(name, RepositoryFiles.map(asMap(service), "environment"));
            }
        });
        assertThat(instances).as(spec.name() + "'s instances").hasSizeGreaterThanOrEqualTo(3);
        return instances;
    }

    /** The build of each of the service's instances that has one, by instance. */
    private static Map<String, Map<String, Object>> buildsOf(ServiceSpec spec) {
        Map<String, Map<String, Object>> builds = new LinkedHashMap<>();
        mergedServices().forEach((name, service) -> {
            if ((name.equals(spec.name()) || name.startsWith(spec.name() + "-"))
                    && asMap(service).get("build") instanceof Map<?, ?>) {
                builds.put(name, RepositoryFiles.map(asMap(service), "build"));
            }
        });
        assertThat(builds).as(spec.name() + "'s builds").hasSizeGreaterThanOrEqualTo(2);
        return builds;
    }

    private static Map<String, Object> mergedServices() {
        Map<String, Object> all = new LinkedHashMap<>(RepositoryFiles.composeServices());
        RepositoryFiles.map(RepositoryFiles.yaml(CLUSTER), "services").forEach(all::putIfAbsent);
        return all;
    }

    /** The ports a service listens on as the compose file declares them: {@code expose} and the container side of {@code ports}. */
    private static Set<Integer> containerPorts(Map<String, Object> service) {
        Set<Integer> ports = new TreeSet<>();
        if (service.get("expose") instanceof List<?> expose) {
            expose.forEach(port -> ports.add(Integer.parseInt(String.valueOf(port))));
        }
        if (service.get("ports") instanceof List<?> published) {
            published.forEach(port -> {
                String[] parts = String.valueOf(port).split(":");
                ports.add(Integer.parseInt(parts[parts.length - 1]));
            });
        }
        return ports;
    }

    private static void collectStrings(Object node, List<String> strings) {
        if (node instanceof Map<?, ?> map) {
            // An image's tag (postgres:15-alpine) is no address.
            map.forEach((key, value) -> {
                if (!"image".equals(key)) {
                    collectStrings(value, strings);
                }
            });
        } else if (node instanceof List<?> list) {
            list.forEach(value -> collectStrings(value, strings));
        } else if (node != null) {
            strings.add(String.valueOf(node));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object node) {
        return (Map<String, Object>) node;
    }

    private static List<Path> applicationYmls(String module) {
        Path resources = RepositoryFiles.resolve(module).resolve("src/main/resources");
        try (Stream<Path> files = Files.list(resources)) {
            return files.filter(file -> file.getFileName().toString().matches("application.*\\.ya?ml"))
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean hasPackagedJar(Path module) throws IOException {
        Path target = module.resolve("target");
        if (!Files.isDirectory(target)) {
            return false;
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.anyMatch(file -> file.getFileName().toString().endsWith("-exec.jar"));
        }
    }

    /** The sources of COPY instructions that copy from the build context (not {@code --from} a stage). */
    static List<String> copySources(String dockerfile) {
        List<String> sources = new ArrayList<>();
        for (String line : dockerfile.lines().toList()) {
            String[] words = line.trim().split("\\s+");
            if (words.length >= 3 && words[0].equals("COPY") && !words[1].startsWith("--from")) {
                sources.addAll(List.of(words).subList(1, words.length - 1));
            }
        }
        return sources;
    }
}
