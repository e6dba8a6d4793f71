package kz.qorgau.events;

/**
 * How dangerous the offender is judged to be, lowest first (the levels of VioGén, domain-notes 2.3 and
 * 5.3). The wire form is the constant name.
 */
public enum RiskLevel {
    LOW,
    MEDIUM,
    HIGH,
    EXTREME;

    /** Whether this level is below {@code other}. */
    public boolean isBelow(RiskLevel other) {
        return compareTo(other) < 0;
    }
}
