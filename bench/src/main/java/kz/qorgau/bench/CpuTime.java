package kz.qorgau.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The CPU time (user and system, from Linux's /proc) that the stack's processes, its PostgreSQL server and the
 * bench itself have used, by process kind. On two shared cores the latencies follow from how much of the machine
 * each order takes, so a change's effect shows here first, with far less spread than in one minute's tail.
 */
final class CpuTime {

    static final String BENCH = "bench (load, SMTP peer, topic watch)";
    static final String POSTGRES = "postgresql";

    private static final double TICKS_PER_SECOND = ticksPerSecond();

    private CpuTime() {}

    /** Seconds of CPU used so far, by kind: the stack's modules and broker, PostgreSQL and the bench. */
    static Map<String, Double> used(LocalStackUnderTest stack) {
        Map<String, Double> seconds = new TreeMap<>();
        for (ProcessHandle process : stack.processes()) {
            String commandLine = ProcessFootprint.commandLine(process.pid());
            if (!commandLine.isEmpty()) {
                seconds.merge(ProcessFootprint.name(commandLine), cpuSeconds(process.pid()), Double::sum);
            }
        }
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            all.filter(process -> "postgres".equals(comm(process.pid())))
                    .forEach(process -> seconds.merge(POSTGRES, cpuSeconds(process.pid()), Double::sum));
        }
        seconds.put(BENCH, cpuSeconds(ProcessHandle.current().pid()));
        return seconds;
    }

    /** What each kind used between the two readings; a kind that used nothing is left out. */
    static Map<String, Double> between(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> used = new LinkedHashMap<>();
        after.forEach((kind, seconds) -> {
            double delta = seconds - before.getOrDefault(kind, 0.0);
            if (delta > 0) {
                used.put(kind, delta);
            }
        });
        return used;
    }

    /** The machine's busy and total CPU seconds so far (/proc/stat: all but idle and iowait). */
    static double[] machine() {
        try {
            String[] fields =
                    Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            double total = 0;
            for (int i = 1; i < fields.length; i++) {
                total += Long.parseLong(fields[i]);
            }
            double idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
            return new double[] {(total - idle) / TICKS_PER_SECOND, total / TICKS_PER_SECOND};
        } catch (IOException | RuntimeException unreadable) {
            return new double[] {0, 0};
        }
    }

    /**
     * "machine busy N % of S s, {@code span}" between two {@link #machine()} readings, or "" when the clock did
     * not move.
     */
    static String busy(double[] before, double[] after, String span) {
        double seconds = after[1] - before[1];
        return seconds <= 0
                ? ""
                : String.format(
                        Locale.ROOT,
                        "machine busy %.0f %% of %.0f s, %s",
                        100 * (after[0] - before[0]) / seconds,
                        seconds / Runtime.getRuntime().availableProcessors(),
                        span);
    }

    /**
     * "{@code figure}: kind" in ms per unit for each kind in {@code used}, then "{@code figure}, all" with {@code
     * note}; nothing when there were no units.
     */
    static List<Measurement> perUnit(String part, String figure, Map<String, Double> used, long units, String note) {
        if (units == 0) {
            return List.of();
        }
        List<Measurement> results = new ArrayList<>();
        double total = 0;
        for (Map.Entry<String, Double> kind : used.entrySet()) {
            total += kind.getValue();
            results.add(
                    Measurement.limit(part, figure + ": " + kind.getKey(), kind.getValue() * 1000 / units, "ms", ""));
        }
        results.add(Measurement.limit(part, figure + ", all", total * 1000 / units, "ms", note));
        return results;
    }

    /** utime + stime of a process (fields 14 and 15 of /proc/PID/stat), 0 once it has gone. */
    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.UTF_8);
            return ofStat(stat) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    /** The ticks in a /proc/PID/stat line; the command name in brackets may hold spaces. */
    static long ofStat(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static String comm(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "comm"), StandardCharsets.UTF_8)
                    .trim();
        } catch (IOException gone) {
            return "";
        }
    }

    private static double ticksPerSecond() {
        try {
            Process getconf = new ProcessBuilder(List.of("getconf", "CLK_TCK"))
                    .redirectErrorStream(true)
                    .start();
            String printed = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (getconf.waitFor(10, TimeUnit.SECONDS) && getconf.exitValue() == 0) {
                return Double.parseDouble(printed);
            }
        } catch (IOException | RuntimeException e) {
            // Linux's usual value below.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 100;
    }
}
