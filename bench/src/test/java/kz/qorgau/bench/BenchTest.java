package kz.qorgau.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.MatchResult;
import org.junit.jupiter.api.Test;

/** The bench's decisions that need no broker or database: its command line, its parsing and its table. */
class BenchTest {

    @Test
    void onlyTakesKnownPartsAndTheRestHasDefaults() {
        Bench.Options options =
                Bench.Options.parse(new String[] {"--only", "limits-jdbc,limits-kafka", "--quick"}, Bench.names());

        assertThat(options.only()).containsExactly("limits-jdbc", "limits-kafka");
        assertThat(options.quick()).isTrue();
        assertThat(options.out()).isEqualTo(Path.of("bench", "results"));
        assertThat(options.keep()).isFalse();
        assertThat(Bench.Options.parse(new String[] {"--keep"}, Bench.names()).keep())
                .isTrue();
        assertThatThrownBy(() -> Bench.Options.parse(new String[] {"--only", "nothing"}, Bench.names()))
                .hasMessageContaining("No part nothing");
        assertThatThrownBy(() -> Bench.Options.parse(new String[] {"--only"}, Bench.names()))
                .hasMessageContaining("needs a value");
        assertThatThrownBy(() -> Bench.Options.parse(new String[] {"--fast"}, Bench.names()))
                .hasMessageContaining("Unknown argument --fast");
    }

    @Test
    void everyPartRunsInTheOrderOfIssue19ThenTheAuditLogsOfIssue15() {
        assertThat(Bench.names())
                .containsExactly(
                        "limits-jdbc",
                        "limits-kafka",
                        "relay",
                        "order-writes",
                        "end-to-end",
                        "person-check",
                        "recovery",
                        "footprint",
                        "audit-append",
                        "audit-proofs",
                        "audit-verify");
    }

    @Test
    void theProducerToolsLastSummaryIsRead() {
        String output =
                """
                249996 records sent, 49979.2 records/sec (47.66 MB/sec), 322.9 ms avg latency, 635.0 ms max latency.
                500000 records sent, 50040.0 records/sec (47.72 MB/sec), 300.12 ms avg latency, 640.00 ms max latency, 290 ms 50th, 550 ms 95th, 610 ms 99th, 637 ms 99.9th.
                """;

        MatchResult summary = KafkaProducerLimit.lastSummary(output);

        assertThat(summary).isNotNull();
        assertThat(summary.group(1)).isEqualTo("500000");
        assertThat(summary.group(2)).isEqualTo("50040.0");
        assertThat(summary.group(8)).isEqualTo("610");
        assertThat(KafkaProducerLimit.lastSummary("no summary")).isNull();
    }

    @Test
    void theTableShowsEveryFigureWithItsUnitAndGoal() {
        String table = Report.table(List.of(
                Measurement.limit("limits-jdbc", "INSERT+COMMIT/s, 4 clients", 2345.6, "rows/s", "autocommit"),
                new Measurement("relay", "events/s", 512, "events/s", ">= 400", "per-subject order kept")));

        assertThat(table)
                .contains("limits-jdbc  INSERT+COMMIT/s, 4 clients")
                .contains("2,346")
                .contains("rows/s");
        assertThat(table).contains("relay  events/s").contains(">= 400").contains("per-subject order kept");
    }
}
