package kz.qorgau.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * docs/configuration.md is the one list of Qorgau's environment variables; this keeps it true both
 * ways.
 *
 * <p><b>Read</b> means named by the code that reads the environment:
 *
 * <ul>
 *   <li>every module's {@code src/main/resources/application*.yml} (the services and identity-server):
 *       each {@code ${QORGAU_…}} placeholder of a value. Comments do not count, nor a value that merely
 *       looks like a variable (identity-server's session cookie is called {@code QORGAU_IDENTITY_SESSION});
 *   <li>the launcher: local-stack's main Java code and the {@code qorgau-local} script;
 *   <li>infrastructure's main Java code: the discovery of Kafka, PostgreSQL, SMTP and Docker that tests
 *       and the launcher share, where the test-only {@code QORGAU_DOCKER} is read;
 *   <li>test-support's main Java code: what tests read, and give the token issuer they start.
 * </ul>
 *
 * In Java, a name counts inside a string literal, never in a comment; in the script, outside comments. A
 * name the code puts together at run time (the launcher's {@code "QORGAU_" + service + "_DB_URL"}) is
 * no literal; the application.yml that reads it names it. The variables docker-compose.yml sets for
 * its services must be documented too, though setting one proves no reading.
 *
 * <p><b>Documented</b> means in the first cell of a row of a table headed "Variable". In a name,
 * {@code <SERVICE>} stands for each of ORDER, NOTIFICATION and AUDIT, and each of the three must be read;
 * {@code <ID>} stands for any suffix (a key id).
 *
 * <p>The checks: (1) every name read or set is documented. (2) Every documented name is read, or is
 * bound by Spring's relaxed binding, which needs no literal name: then its cell names the property
 * ({@code `QORGAU_HTTP_MAXREQUESTBODY` (`qorgau.http.max-request-body`)}), the variable is exactly that
 * property's environment form by Spring's rule (upper case, dots to underscores, dashes dropped; a
 * map's {@code <id>} to {@code <ID>}), and the property exists: a key of a module's application*.yml,
 * or a component of a {@code @ConfigurationProperties("prefix")} record of a module's main code (a
 * {@code Map} for {@code <id>}). (3) Every other {@code QORGAU_…} on the page names a documented
 * variable, or is the prefix of one ({@code QORGAU_OIDC_*}).
 */
class ConfigurationDocumentationTest {

    static final String PAGE = "docs/configuration.md";

    private static final List<String> READING_JAVA =
            List.of("local-stack/src/main/java", "infrastructure/src/main/java", "test-support/src/main/java");
    private static final String LAUNCHER_SCRIPT = "qorgau-local";
    private static final String COMPOSE = "docker-compose.yml";
    private static final List<String> SERVICES = List.of("ORDER", "NOTIFICATION", "AUDIT");

    /** A whole name: a prefix such as {@code "QORGAU_"} or {@code "QORGAU_OIDC_"} is none. */
    private static final Pattern NAME = Pattern.compile("QORGAU_[A-Z0-9_]*[A-Z0-9](?![A-Z0-9_])");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{\\s*(QORGAU_[A-Z0-9_]+)\\s*[:}]");
    private static final Pattern DOCUMENTED = Pattern.compile("`(QORGAU_[A-Z0-9_<>]+)`");
    private static final Pattern MENTIONED = Pattern.compile("QORGAU_[A-Z0-9_<>]*");
    private static final Pattern PROPERTY = Pattern.compile("`(qorgau\\.[a-z0-9.<>-]+)`");
    private static final Pattern PROPERTIES_PREFIX =
            Pattern.compile("@ConfigurationProperties\\(\\s*(?:(?:prefix|value)\\s*=\\s*)?\"([^\"]+)\"");

    @Test
    void everyVariableTheCodeReadsIsDocumentedAndEveryDocumentedOneIsRead() {
        Map<String, Set<String>> read = readNames(RepositoryFiles.ROOT);

        assertThat(read)
                .as("the scan finds what the code reads")
                .containsKeys("QORGAU_ORDER_DB_URL", "QORGAU_IDENTITY_ISSUER", "QORGAU_DOCKER", "QORGAU_DATA_DIR")
                .doesNotContainKey("QORGAU_IDENTITY_SESSION");
        assertThat(problems(RepositoryFiles.ROOT)).isEmpty();
    }

    @Test
    void aMissingRowAStaleRowAndAnUnboundPropertyAreEachFound(@TempDir Path root) throws IOException {
        write(
                root,
                "order-service/src/main/resources/application.yml",
                """
                server:
                  port: ${QORGAU_ORDER_PORT:8081}
                  # ${QORGAU_IN_A_COMMENT}
                spring.datasource.url: ${QORGAU_ORDER_DB_URL:jdbc:postgresql://127.0.0.1/x}
                qorgau.at-rest.rotation-batch-size: 100
                """);
        write(
                root,
                "order-service/src/main/java/x/AtRest.java",
                """
                @ConfigurationProperties("qorgau.at-rest")
                record AtRest(@DefaultValue Map<String, String> keys, int rotationBatchSize) {}
                """);
        write(
                root,
                "infrastructure/src/main/java/x/Env.java",
                """
                // "QORGAU_ONLY_IN_A_COMMENT"
                class Env { static final String DOCKER = "QORGAU_DOCKER"; static final String PREFIX = "QORGAU_"; }
                """);
        write(root, "qorgau-local", "# QORGAU_COMMENTED\nexport QORGAU_REPOSITORY_ROOT=x\n");
        write(
                root,
                COMPOSE,
                """
                services:
                  order:
                    environment:
                      QORGAU_ORDER_DB_URL: jdbc:postgresql://postgres/qorgau_order
                      QORGAU_SET_BY_COMPOSE: "true"
                """);
        write(
                root,
                PAGE,
                """
                # Configuration
                | Variable | Used by |
                |---|---|
                | `QORGAU_ORDER_PORT`, `QORGAU_ORDER_DB_URL` | order-service |
                | `QORGAU_DOCKER` | tests |
                | `QORGAU_GONE` | nothing |
                | `QORGAU_ATREST_KEYS_<ID>` (`qorgau.at-rest.keys.<id>`) | order-service |
                | `QORGAU_ATREST_ROTATIONBATCHSIZE` (`qorgau.at-rest.rotation-batch-size`) | order-service |
                | `QORGAU_ATREST_ACTIVEKEYID` (`qorgau.at-rest.active-key-id`) | order-service |

                See `QORGAU_TYPO` and `QORGAU_ATREST_*`.
                """);

        assertThat(problems(root))
                .containsExactlyInAnyOrder(
                        "read but not documented: QORGAU_REPOSITORY_ROOT (qorgau-local)",
                        "read but not documented: QORGAU_SET_BY_COMPOSE (docker-compose.yml)",
                        "documented but read nowhere: QORGAU_GONE",
                        "documented but read nowhere: QORGAU_ATREST_ACTIVEKEYID"
                                + " (qorgau.at-rest.active-key-id is no property of the code)",
                        "mentioned but not documented: QORGAU_TYPO");
    }

    @Test
    void aServiceRowNeedsEachOfTheThreeServices(@TempDir Path root) throws IOException {
        for (String service : List.of("order", "notification")) {
            write(
                    root,
                    service + "-service/src/main/resources/application.yml",
                    "server.port: ${QORGAU_" + service.toUpperCase(Locale.ROOT) + "_PORT:1}\n");
        }
        write(root, PAGE, "| Variable | Used by |\n|---|---|\n| `QORGAU_<SERVICE>_PORT` | each service |\n");

        assertThat(problems(root)).containsExactly("documented but read nowhere: QORGAU_AUDIT_PORT");
    }

    /** Everything wrong between the page and the code of the checkout at {@code root}. */
    static List<String> problems(Path root) {
        Map<String, Set<String>> read = readNames(root);
        Map<String, Set<String>> set = composeNames(root);
        List<Row> rows = documentedRows(root);
        List<String> problems = new ArrayList<>();

        Map<String, Set<String>> readOrSet = new TreeMap<>(read);
        set.forEach((name, where) -> readOrSet.merge(name, where, (a, b) -> union(a, b)));
        readOrSet.forEach((name, where) -> {
            if (rows.stream().noneMatch(row -> row.documents(name))) {
                problems.add("read but not documented: " + name + " (" + String.join(", ", where) + ")");
            }
        });

        ConfigurationProperties properties = ConfigurationProperties.of(root);
        for (Row row : rows) {
            for (String property : row.properties()) {
                if (row.variables().stream().noneMatch(variable -> variable.equals(environmentForm(property)))) {
                    problems.add("property " + property + " is not the environment form of a variable of its row");
                }
            }
            for (String variable : row.variables()) {
                if (variable.contains("<") && !variable.replace("<ID>", "").matches("[A-Z0-9_]+")) {
                    problems.add("unknown placeholder in " + variable + ": only <SERVICE> and <ID>");
                    continue;
                }
                if (read.keySet().stream()
                        .anyMatch(name -> pattern(variable).matcher(name).matches())) {
                    continue;
                }
                String property = row.properties().stream()
                        .filter(candidate -> environmentForm(candidate).equals(variable))
                        .findFirst()
                        .orElse(null);
                if (property == null) {
                    problems.add("documented but read nowhere: " + variable);
                } else if (!properties.exists(property)) {
                    problems.add("documented but read nowhere: " + variable + " (" + property
                            + " is no property of the code)");
                }
            }
        }

        Matcher mentioned = MENTIONED.matcher(RepositoryFiles.read(root.resolve(PAGE)));
        Set<String> unknown = new TreeSet<>();
        while (mentioned.find()) {
            String name = mentioned.group();
            boolean known = name.endsWith("_")
                    ? rows.stream().anyMatch(row -> row.written().stream().anyMatch(v -> v.startsWith(name)))
                    : rows.stream().anyMatch(row -> row.written().contains(name) || row.documents(name));
            if (!known) {
                unknown.add(name);
            }
        }
        unknown.forEach(name -> problems.add("mentioned but not documented: " + name));
        return problems;
    }

    /** The names the code reads, each with the files that read it (relative to {@code root}). */
    static Map<String, Set<String>> readNames(Path root) {
        Map<String, Set<String>> read = new TreeMap<>();
        for (Path yml : applicationYmls(root)) {
            Matcher placeholder = PLACEHOLDER.matcher(String.join("\n", yamlValues(yml)));
            while (placeholder.find()) {
                add(read, placeholder.group(1), root, yml);
            }
        }
        for (String folder : READING_JAVA) {
            for (Path source : files(root.resolve(folder), ".java")) {
                for (String literal : JavaStringLiterals.of(RepositoryFiles.read(source))) {
                    names(literal).forEach(name -> add(read, name, root, source));
                }
            }
        }
        Path script = root.resolve(LAUNCHER_SCRIPT);
        if (Files.exists(script)) {
            RepositoryFiles.read(script)
                    .lines()
                    .map(line -> line.replaceFirst("(^|\\s)#.*", ""))
                    .flatMap(line -> names(line).stream())
                    .forEach(name -> add(read, name, root, script));
        }
        return read;
    }

    /** The names docker-compose.yml sets in its services' environments. */
    private static Map<String, Set<String>> composeNames(Path root) {
        Map<String, Set<String>> set = new TreeMap<>();
        Path compose = root.resolve(COMPOSE);
        if (!Files.exists(compose)) {
            return set;
        }
        Map<String, Object> services = RepositoryFiles.map(new Yaml().load(RepositoryFiles.read(compose)), "services");
        for (Object service : services.values()) {
            Object environment = service instanceof Map<?, ?> map ? map.get("environment") : null;
            Stream<String> keys = environment instanceof Map<?, ?> map
                    ? map.keySet().stream().map(String::valueOf)
                    : environment instanceof List<?> list
                            ? list.stream().map(entry -> String.valueOf(entry).split("=", 2)[0])
                            : Stream.empty();
            keys.filter(key -> NAME.matcher(key).matches()).forEach(key -> add(set, key, root, compose));
        }
        return set;
    }

    /**
     * One documented row: the variables as written in its first cell, the same with {@code <SERVICE>}
     * expanded, and the properties the cell names.
     */
    record Row(List<String> written, List<String> variables, List<String> properties) {

        boolean documents(String name) {
            return variables.stream()
                    .anyMatch(variable -> pattern(variable).matcher(name).matches());
        }
    }

    static List<Row> documentedRows(Path root) {
        List<Row> rows = new ArrayList<>();
        for (MarkdownDocument.Table table :
                MarkdownDocument.read(root.resolve(PAGE)).tables()) {
            if (!table.header().get(0).equals("Variable")) {
                continue;
            }
            for (List<String> cells : table.rows()) {
                List<String> written = all(DOCUMENTED, cells.get(0));
                List<String> variables = written.stream()
                        .flatMap(variable -> variable.contains("<SERVICE>")
                                ? SERVICES.stream().map(service -> variable.replace("<SERVICE>", service))
                                : Stream.of(variable))
                        .toList();
                rows.add(new Row(written, variables, all(PROPERTY, cells.get(0))));
            }
        }
        return rows;
    }

    /** Spring's environment form of a property: upper case, dots to underscores, dashes dropped. */
    static String environmentForm(String property) {
        return property.replace("-", "").replace('.', '_').toUpperCase(Locale.ROOT);
    }

    private static Pattern pattern(String variable) {
        return Pattern.compile(Pattern.quote(variable).replace("<ID>", "\\E[A-Z0-9_]+\\Q"));
    }

    /**
     * The properties the code declares: every key of a module's application*.yml, and the components
     * of its {@code @ConfigurationProperties} records.
     */
    record ConfigurationProperties(Set<String> yamlKeys, Map<String, List<String>> sourcesByPrefix) {

        static ConfigurationProperties of(Path root) {
            Set<String> keys = new TreeSet<>();
            applicationYmls(root).forEach(yml -> yamlDocuments(yml).forEach(document -> flatten("", document, keys)));
            Map<String, List<String>> sources = new TreeMap<>();
            for (Path module : modules(root)) {
                for (Path source : files(module.resolve("src/main/java"), ".java")) {
                    String text = RepositoryFiles.read(source);
                    Matcher prefix = PROPERTIES_PREFIX.matcher(text);
                    while (prefix.find()) {
                        sources.computeIfAbsent(prefix.group(1), p -> new ArrayList<>())
                                .add(text);
                    }
                }
            }
            return new ConfigurationProperties(keys, sources);
        }

        boolean exists(String property) {
            boolean mapKey = property.endsWith(".<id>");
            String name = mapKey ? property.substring(0, property.length() - ".<id>".length()) : property;
            if (!mapKey && yamlKeys.contains(name)) {
                return true;
            }
            int dot = name.lastIndexOf('.');
            String component = camelCase(name.substring(dot + 1));
            Pattern declared =
                    Pattern.compile((mapKey ? "Map<[^;{()]*>" : "[\\w>\\]]") + "\\s+" + component + "\\s*[,);=]");
            // The record of the property's own prefix, or of a shorter one that nests it (qorgau.audit's
            // Shredding record holds qorgau.audit.shredding.keys).
            for (String prefix = name.substring(0, Math.max(dot, 0));
                    !prefix.isEmpty();
                    prefix = prefix.substring(0, Math.max(prefix.lastIndexOf('.'), 0))) {
                if (sourcesByPrefix.getOrDefault(prefix, List.of()).stream()
                        .anyMatch(source -> declared.matcher(source).find())) {
                    return true;
                }
            }
            return false;
        }

        private static String camelCase(String kebab) {
            StringBuilder camel = new StringBuilder();
            for (String part : kebab.split("-")) {
                camel.append(camel.isEmpty() ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
            }
            return camel.toString();
        }

        private static void flatten(String prefix, Object node, Set<String> keys) {
            if (node instanceof Map<?, ?> map) {
                map.forEach((key, value) -> {
                    String name = prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key;
                    keys.add(name);
                    flatten(name, value, keys);
                });
            }
        }
    }

    private static List<Path> applicationYmls(Path root) {
        return modules(root).stream()
                .flatMap(module -> files(module.resolve("src/main/resources"), ".yml").stream())
                .filter(file -> file.getParent().endsWith(Path.of("src/main/resources")))
                .filter(file -> file.getFileName().toString().startsWith("application"))
                .toList();
    }

    private static List<Object> yamlDocuments(Path yml) {
        List<Object> documents = new ArrayList<>();
        new Yaml().loadAll(RepositoryFiles.read(yml)).forEach(documents::add);
        return documents;
    }

    /** Every scalar value of a YAML file: comments and keys are not values. */
    private static List<String> yamlValues(Path yml) {
        List<String> values = new ArrayList<>();
        yamlDocuments(yml).forEach(document -> collectValues(document, values));
        return values;
    }

    private static void collectValues(Object node, List<String> values) {
        if (node instanceof Map<?, ?> map) {
            map.values().forEach(value -> collectValues(value, values));
        } else if (node instanceof List<?> list) {
            list.forEach(value -> collectValues(value, values));
        } else if (node != null) {
            values.add(String.valueOf(node));
        }
    }

    /** The checkout's modules: its folders with a {@code src/main}. */
    private static List<Path> modules(Path root) {
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(child -> Files.isDirectory(child.resolve("src/main")))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> files(Path folder, String suffix) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(file -> file.toString().endsWith(suffix))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> names(String text) {
        return all(NAME, text);
    }

    private static List<String> all(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        List<String> found = new ArrayList<>();
        while (matcher.find()) {
            found.add(matcher.groupCount() > 0 ? matcher.group(1) : matcher.group());
        }
        return found;
    }

    private static void add(Map<String, Set<String>> names, String name, Path root, Path file) {
        names.computeIfAbsent(name, n -> new TreeSet<>())
                .add(root.relativize(file).toString().replace('\\', '/'));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> both = new TreeSet<>(a);
        both.addAll(b);
        return both;
    }

    private static void write(Path root, String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
