package kz.qorgau.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.JsonNode;

/**
 * What ops/ holds, read for the tests: the alert rules, the dashboards' queries with Grafana's
 * variables substituted, and the Prometheus binaries the checks need.
 */
final class OpsFiles {

    static final Path PROMETHEUS = RepositoryFiles.resolve("ops/prometheus");
    static final Path DASHBOARDS = RepositoryFiles.resolve("ops/grafana/dashboards");

    /**
     * What Grafana puts for its variables; every query's interval variables become 1m, the selections
     * of services and the like every value. A variable not listed here stays and fails the query test.
     */
    static final Map<String, String> GRAFANA_VARIABLES = Map.of(
            "$__rate_interval", "1m",
            "$__interval", "15s",
            "$__range", "1h",
            "${application}", ".*",
            "$application", ".*");

    /** A comparison with a number that ends an expression or a parenthesised part of one. */
    private static final Pattern COMPARISON = Pattern.compile("\\s*(==|!=|>=|<=|>|<)\\s*-?[0-9.]+(?=\\s*(\\)|$))");

    private OpsFiles() {}

    record Alert(String name, String expr, Map<String, Object> labels, Map<String, Object> annotations) {}

    record PanelQuery(String dashboard, String panel, String expr) {
        @Override
        public String toString() {
            return dashboard + " / " + panel + ": " + expr;
        }
    }

    static List<Alert> alerts() {
        List<Alert> alerts = new ArrayList<>();
        for (Map<String, Object> group : RepositoryFiles.<Map<String, Object>>list(
                RepositoryFiles.yaml("ops/prometheus/alerts.yml"), "groups")) {
            for (Map<String, Object> rule : RepositoryFiles.<Map<String, Object>>list(group, "rules")) {
                alerts.add(new Alert(
                        (String) rule.get("alert"),
                        ((String) rule.get("expr")).strip(),
                        RepositoryFiles.map(rule, "labels"),
                        RepositoryFiles.map(rule, "annotations")));
            }
        }
        return alerts;
    }

    /** The alert's expression without its comparisons: the series it compares. */
    static String withoutComparison(String expr) {
        return COMPARISON.matcher(expr.strip()).replaceAll("");
    }

    /** Every panel's every query, in every dashboard, as Grafana would send it. */
    static List<PanelQuery> dashboardQueries() {
        List<PanelQuery> queries = new ArrayList<>();
        for (Path file : dashboards()) {
            JsonNode dashboard =
                    RepositoryFiles.json(RepositoryFiles.ROOT.relativize(file).toString());
            for (JsonNode panel : dashboard.get("panels")) {
                JsonNode targets = panel.get("targets");
                if (targets == null) {
                    continue;
                }
                for (JsonNode target : targets) {
                    queries.add(new PanelQuery(
                            dashboard.get("title").asString(),
                            panel.get("title").asString(),
                            substituteVariables(target.get("expr").asString())));
                }
            }
        }
        return queries;
    }

    static String substituteVariables(String expr) {
        String substituted = expr;
        for (var variable : GRAFANA_VARIABLES.entrySet().stream()
                .sorted((a, b) -> b.getKey().length() - a.getKey().length())
                .toList()) {
            substituted = substituted.replace(variable.getKey(), variable.getValue());
        }
        return substituted;
    }

    static List<Path> dashboards() {
        try (Stream<Path> files = Files.list(DASHBOARDS)) {
            return files.filter(file -> file.toString().endsWith(".json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> ruleTests() {
        try (Stream<Path> files = Files.list(PROMETHEUS.resolve("tests"))) {
            return files.filter(file -> file.toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A Prometheus binary on the PATH. Without it the test is skipped with a message that says how to
     * install it, except under CI=true, where .ci/run installs it and its absence is a failure.
     */
    static Path requireBinary(String binary) {
        return requireBinary(binary, PrometheusProcess.INSTALL_HINT);
    }

    /** {@code binary} on the PATH, as {@link #requireBinary(String)}, installed with {@code install}. */
    static Path requireBinary(String binary, String install) {
        Optional<Path> found = PrometheusProcess.onPath(binary);
        if (found.isEmpty()) {
            String message = binary + " is not on the PATH; install it with `" + install + "` (.ci/run does)";
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(message + ". Under CI=true it must be there.");
            }
            Assumptions.abort(message);
        }
        return found.get();
    }

    /** Runs {@code command} in the repository's root; asserts it ends within a minute with status 0. */
    static String run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command)
                .directory(RepositoryFiles.ROOT.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue())
                .as(String.join(" ", command) + "\n" + output)
                .isZero();
        return output;
    }
}
