package kz.qorgau.bench;

/**
 * One figure of a run: what was measured, its value and unit, the goal it is held to (empty when it is a
 * limit to compare with), and what bounds it or how it was taken.
 */
public record Measurement(String part, String name, double value, String unit, String goal, String note) {

    public static Measurement limit(String part, String name, double value, String unit, String note) {
        return new Measurement(part, name, value, unit, "", note);
    }
}
