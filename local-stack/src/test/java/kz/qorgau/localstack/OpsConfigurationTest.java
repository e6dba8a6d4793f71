package kz.qorgau.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import kz.qorgau.infrastructure.InfraEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ops/ as Prometheus itself reads it: promtool checks both scrape configurations (the launcher's, as
 * it writes it for a moved stack, too) and the rules, and runs the rules' unit tests; every alert has
 * a runbook and unit tests that see it fire and stay quiet. The promtool tests skip without promtool
 * ({@code apt-get install --no-install-recommends prometheus}), and fail under CI=true.
 */
class OpsConfigurationTest {

    @Test
    void promtoolAcceptsBothScrapeConfigurationsAndTheRules() throws Exception {
        Path promtool = OpsFiles.requireBinary("promtool");

        promtool(
                promtool,
                "check",
                "config",
                OpsFiles.PROMETHEUS.resolve("prometheus.yml").toString());
        promtool(
                promtool,
                "check",
                "config",
                OpsFiles.PROMETHEUS.resolve("compose.yml").toString());
        String rules = promtool(
                promtool,
                "check",
                "rules",
                OpsFiles.PROMETHEUS.resolve("alerts.yml").toString());
        assertThat(rules).contains("SUCCESS: " + OpsFiles.alerts().size() + " rules found");
    }

    @Test
    void promtoolsUnitTestsProveEveryAlert() throws Exception {
        Path promtool = OpsFiles.requireBinary("promtool");
        List<String> command = new ArrayList<>(List.of("test", "rules"));
        OpsFiles.ruleTests().forEach(file -> command.add(file.toString()));

        String output = promtool(promtool, command.toArray(String[]::new));

        assertThat(output).doesNotContain("FAILED");
    }

    @Test
    void theLaunchersScrapeConfigurationFollowsThePortOffsetAndPromtoolAcceptsIt(@TempDir Path dir) throws Exception {
        LocalStackSettings moved = settings(Map.of(LocalStackSettings.PORT_OFFSET, "10100"));

        String config = PrometheusProcess.scrapeConfiguration(moved, Duration.ofSeconds(5));

        for (ServiceSpec service : moved.services()) {
            assertThat(config).contains("\"127.0.0.1:" + service.managementPort() + "\"");
            assertThat(config).doesNotContain("\"127.0.0.1:" + (service.managementPort() - 10100) + "\"");
        }
        assertThat(config).contains("scrape_interval: 5s").contains("  - " + OpsFiles.PROMETHEUS.resolve("alerts.yml"));
        assertThat(moved.prometheusPort()).isEqualTo(19290);

        Path promtool = OpsFiles.requireBinary("promtool");
        Path file = dir.resolve("prometheus.yml");
        Files.writeString(file, config, StandardCharsets.UTF_8);
        promtool(promtool, "check", "config", file.toString());
    }

    @Test
    void withoutTheLocalIssuerItsJobIsNotScraped() {
        String config = PrometheusProcess.scrapeConfiguration(
                settings(Map.of(LocalStackSettings.WITH_IDENTITY, "off")), Duration.ofSeconds(15));

        assertThat(config)
                .doesNotContain("identity-server")
                .doesNotContain("127.0.0.1:9090")
                .contains("job_name: order-service", "job_name: notification-service", "job_name: audit-service");
    }

    @Test
    void composesPrometheusScrapesEveryServiceByNameWithTheSameRules() {
        Map<String, Object> compose = RepositoryFiles.yaml("ops/prometheus/compose.yml");
        String scrape = compose.get("scrape_configs").toString();

        assertThat(RepositoryFiles.<String>list(compose, "rule_files")).containsExactly("alerts.yml");
        for (ServiceSpec service : RepositoryFiles.launcherServices().stream()
                .filter(ServiceSpec::hasDatabase)
                .toList()) {
            assertThat(scrape).contains(service.name() + ":" + service.managementPort());
            assertThat(RepositoryFiles.composeServices()).containsKey(service.name());
        }
    }

    @Test
    void everyAlertLinksItsRunbookWhichNamesIt() throws IOException {
        String index = Files.readString(RepositoryFiles.resolve("docs/runbooks/README.md"));
        for (OpsFiles.Alert alert : OpsFiles.alerts()) {
            String runbook = "docs/runbooks/" + alert.name() + ".md";
            assertThat(alert.annotations()).as(alert.name()).containsEntry("runbook_url", runbook);
            assertThat(RepositoryFiles.resolve(runbook)).as(alert.name()).isRegularFile();
            assertThat(Files.readString(RepositoryFiles.resolve(runbook))).startsWith("# " + alert.name() + "\n");
            assertThat(index)
                    .as("docs/runbooks/README.md")
                    .contains("[" + alert.name() + ".md](" + alert.name() + ".md)");
            assertThat(alert.labels()).as(alert.name()).containsKey("severity");
            assertThat(alert.annotations()).as(alert.name()).containsKeys("summary", "description");
        }
    }

    /** A unit test with the alert expected, and one at which it is not: fires and stays quiet. */
    @Test
    void everyAlertHasUnitTestsThatSeeItFireAndStayQuiet() {
        Set<String> fires = new TreeSet<>();
        Set<String> quiet = new TreeSet<>();
        for (Path file : OpsFiles.ruleTests()) {
            Map<String, Object> tests =
                    RepositoryFiles.yaml(RepositoryFiles.ROOT.relativize(file).toString());
            for (Map<String, Object> test : RepositoryFiles.<Map<String, Object>>list(tests, "tests")) {
                for (Map<String, Object> check : RepositoryFiles.<Map<String, Object>>list(test, "alert_rule_test")) {
                    List<Object> expected = RepositoryFiles.list(check, "exp_alerts");
                    (expected == null || expected.isEmpty() ? quiet : fires).add((String) check.get("alertname"));
                }
            }
        }
        List<String> names =
                OpsFiles.alerts().stream().map(OpsFiles.Alert::name).toList();

        assertThat(fires).as("alerts seen firing").containsAll(names);
        assertThat(quiet).as("alerts seen quiet").containsAll(names);
    }

    @Test
    void everyDashboardQueryUsesOnlyVariablesTheQueryTestKnows() {
        List<OpsFiles.PanelQuery> queries = OpsFiles.dashboardQueries();

        assertThat(OpsFiles.dashboards())
                .extracting(file -> file.getFileName().toString())
                .contains("operations.json", "safety.json", "audit.json");
        assertThat(queries).hasSizeGreaterThan(20).allSatisfy(query -> assertThat(query.expr())
                .as(query.toString())
                .doesNotContain("$"));
    }

    /** The launcher starts Prometheus only when the binary is on the PATH, and says so otherwise. */
    @Test
    void prometheusIsFoundOnThePathOnlyAsAnExecutable(@TempDir Path dir) throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path notExecutable = Files.createDirectories(dir.resolve("plain"));
        Files.writeString(notExecutable.resolve("prometheus"), "#!/bin/sh\n");
        Path binary = Files.writeString(bin.resolve("prometheus"), "#!/bin/sh\n");
        assertThat(binary.toFile().setExecutable(true)).isTrue();

        assertThat(PrometheusProcess.onPath("prometheus", empty + ":" + notExecutable + "::" + bin))
                .contains(binary);
        assertThat(PrometheusProcess.onPath("prometheus", empty + ":" + notExecutable))
                .isEmpty();
        assertThat(PrometheusProcess.onPath("prometheus", null)).isEmpty();
    }

    @Test
    void anAlertWithoutItsComparisonIsTheSeriesItCompares() {
        assertThat(OpsFiles.withoutComparison("max by (application) (x_seconds) > 120"))
                .isEqualTo("max by (application) (x_seconds)");
        assertThat(OpsFiles.withoutComparison("up{job=~\"a|b\"} == 0")).isEqualTo("up{job=~\"a|b\"}");
        assertThat(OpsFiles.withoutComparison("(sum(increase(x[15m])) > 0)\nor\n(sum(x unless x offset 15m) > 0)"))
                .isEqualTo("(sum(increase(x[15m])))\nor\n(sum(x unless x offset 15m))");
        assertThat(OpsFiles.withoutComparison("x{status=\"401\"}[5m] < 1")).isEqualTo("x{status=\"401\"}[5m]");
    }

    private static LocalStackSettings settings(Map<String, String> environment) {
        Map<String, String> values = new HashMap<>(environment);
        values.put(LocalStackSettings.REPOSITORY_ROOT, RepositoryFiles.ROOT.toString());
        return LocalStackSettings.from(InfraEnvironment.of(values));
    }

    /** Runs promtool from the checkout's root; a non-zero exit fails with its output. */
    private static String promtool(Path promtool, String... arguments) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(promtool.toString());
        command.addAll(List.of(arguments));
        return OpsFiles.run(command);
    }
}
