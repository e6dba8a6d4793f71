package kz.qorgau.bench;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * One figure of a run: what was measured, its value and unit, the goal it is held to (empty when it is a
 * limit to compare with), and what bounds it or how it was taken.
 */
public record Measurement(String part, String name, double value, String unit, String goal, String note) {

    /**
     * A latency histogram (microseconds) as p50, p95, p99, p99.9 and max in milliseconds; the goal goes on
     * the p99 line, the note on the p50 line.
     */
    public static List<Measurement> percentiles(
            String part, String what, Histogram histogram, String p99Goal, String note) {
        List<Measurement> results = new ArrayList<>();
        for (double percentile : new double[] {50, 95, 99, 99.9}) {
            String label = percentile == 99.9 ? "p99.9" : "p" + (int) percentile;
            results.add(new Measurement(
                    part,
                    what + " " + label,
                    histogram.getValueAtPercentile(percentile) / 1000.0,
                    "ms",
                    percentile == 99 ? p99Goal : "",
                    percentile == 50 ? note : ""));
        }
        results.add(new Measurement(part, what + " max", histogram.getMaxValue() / 1000.0, "ms", "", ""));
        return results;
    }

    public static Measurement limit(String part, String name, double value, String unit, String note) {
        return new Measurement(part, name, value, unit, "", note);
    }
}
