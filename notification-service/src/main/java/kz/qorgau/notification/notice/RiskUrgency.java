package kz.qorgau.notification.notice;

import kz.qorgau.events.RiskLevel;

/**
 * What an order's risk level does to its notices (docs/adr/0039): at HIGH or EXTREME a notice that would be routine
 * is urgent, and the police notice names the level in Kazakh and Russian.
 */
public final class RiskUrgency {

    private RiskUrgency() {}

    /** Whether an order at {@code level} makes its notices urgent; an unknown level ({@code null}) does not. */
    public static boolean raises(RiskLevel level) {
        return level == RiskLevel.HIGH || level == RiskLevel.EXTREME;
    }

    /** The urgency of a notice that would be {@code usual}, about an order at {@code level}. */
    public static Urgency of(Urgency usual, RiskLevel level) {
        return raises(level) ? Urgency.URGENT : usual;
    }

    /** The level's name in Kazakh. */
    public static String kazakh(RiskLevel level) {
        return switch (level) {
            case LOW -> "төмен";
            case MEDIUM -> "орташа";
            case HIGH -> "жоғары";
            case EXTREME -> "аса жоғары";
        };
    }

    /** The level's name in Russian. */
    public static String russian(RiskLevel level) {
        return switch (level) {
            case LOW -> "низкий";
            case MEDIUM -> "средний";
            case HIGH -> "высокий";
            case EXTREME -> "крайне высокий";
        };
    }
}
