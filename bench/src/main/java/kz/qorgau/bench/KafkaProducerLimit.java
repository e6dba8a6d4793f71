package kz.qorgau.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The broker's own limit, measured by Kafka's own tool ({@code ProducerPerformance}, run as a child JVM
 * from the kafka-tools jars) against the run's broker: acks=all, idempotent, records of an event's size,
 * as many as the producer can send.
 */
final class KafkaProducerLimit implements BenchPart {

    static final int RECORD_BYTES = JdbcInsertLimit.PAYLOAD_BYTES;
    static final int PARTITIONS = 6;

    /** The summary line ProducerPerformance prints last. */
    static final Pattern SUMMARY = Pattern.compile(
            "(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), ([\\d.]+) ms avg latency,"
                    + " ([\\d.]+) ms max latency, (\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms 99th, (\\d+) ms 99.9th");

    @Override
    public String name() {
        return "limits-kafka";
    }

    @Override
    public String description() {
        return "Kafka's ProducerPerformance: acks=all, idempotent, " + RECORD_BYTES + "-byte records";
    }

    @Override
    public List<Measurement> run(BenchContext context) throws Exception {
        String bootstrap = context.broker().bootstrapServers();
        String topic = "bench.producer-limit." + System.currentTimeMillis();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
        // About as many records as the broker takes in one step at ~50k/s, at least 20,000.
        long records = Math.max(20_000, context.step().toSeconds() * 50_000);
        Path log = context.workDir().resolve("producer-performance.log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp",
                toolsClasspath(),
                "org.apache.kafka.tools.ProducerPerformance",
                "--topic",
                topic,
                "--num-records",
                Long.toString(records),
                "--record-size",
                Integer.toString(RECORD_BYTES),
                "--throughput",
                "-1",
                "--producer-props",
                "bootstrap.servers=" + bootstrap,
                "acks=all",
                "enable.idempotence=true"));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("ProducerPerformance did not finish in 10 minutes; see " + log);
        }
        String output = Files.readString(log);
        MatchResult summary = lastSummary(output);
        if (process.exitValue() != 0 || summary == null) {
            throw new IllegalStateException(
                    "ProducerPerformance failed (exit " + process.exitValue() + "); see " + log);
        }
        String note = summary.group(1) + " records, " + PARTITIONS + " partitions, one broker";
        return List.of(
                Measurement.limit(
                        name(), "producer records/s", Double.parseDouble(summary.group(2)), "records/s", note),
                Measurement.limit(
                        name(), "producer send→ack p99", Double.parseDouble(summary.group(8)), "ms", "at saturation"));
    }

    /** The last summary line in the tool's output (it prints one per window too), or null. */
    static MatchResult lastSummary(String output) {
        Matcher matcher = SUMMARY.matcher(output);
        MatchResult last = null;
        while (matcher.find()) {
            last = matcher.toMatchResult();
        }
        return last;
    }

    private static String toolsClasspath() throws IOException {
        try (InputStream in = KafkaProducerLimit.class.getResourceAsStream("kafka-tools.classpath")) {
            if (in == null) {
                throw new IllegalStateException("No kafka-tools.classpath: build the bench with ./mvnw package");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
    }
}
