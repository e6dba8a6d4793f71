package kz.qorgau.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import kz.qorgau.infrastructure.InfraEnvironment;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The checkout's deployment files, read the way the tests that keep them in step with the code need
 * them. Nothing here can be started (no Docker engine), so reading the files is the check.
 */
final class RepositoryFiles {

    static final Path ROOT = Path.of(System.getProperty("qorgau.repository.root", ".."))
            .toAbsolutePath()
            .normalize();

    private RepositoryFiles() {}

    static Path resolve(String path) {
        return ROOT.resolve(path);
    }

    static Map<String, Object> yaml(String path) {
        return new Yaml().load(read(path));
    }

    static JsonNode json(String path) {
        return JsonMapper.shared().readTree(read(path));
    }

    /** docker-compose.yml's services by name. */
    static Map<String, Object> composeServices() {
        return map(yaml("docker-compose.yml"), "services");
    }

    /** The launcher's services with the default settings, as ./qorgau-local starts them. */
    static List<ServiceSpec> launcherServices() {
        return LocalStackSettings.from(InfraEnvironment.of(Map.of(LocalStackSettings.REPOSITORY_ROOT, ROOT.toString())))
                .services();
    }

    /** identity-server's demo personas, from its application.yml. */
    static List<Map<String, Object>> identityPersonas() {
        return list(identityConfig(), "personas");
    }

    /** The default of an identity-server setting written as {@code ${ENV:default}}. */
    static String identityDefault(String key) {
        String value = Objects.toString(identityConfig().get(key));
        return value.startsWith("${") ? value.substring(value.indexOf(':') + 1, value.length() - 1) : value;
    }

    private static Map<String, Object> identityConfig() {
        return map(map(yaml("identity-server/src/main/resources/application.yml"), "qorgau"), "identity");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> parent, String key) {
        return (Map<String, Object>) Objects.requireNonNull(parent.get(key), key);
    }

    @SuppressWarnings("unchecked")
    static <T> List<T> list(Map<String, Object> parent, String key) {
        return (List<T>) Objects.requireNonNull(parent.get(key), key);
    }

    private static String read(String path) {
        return read(resolve(path));
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
