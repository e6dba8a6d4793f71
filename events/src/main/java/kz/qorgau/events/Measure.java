package kz.qorgau.events;

/**
 * A measure that keeps an offender on the preventive register while it is in force. The wire form is
 * the constant name.
 */
public enum Measure {
    /** A police protective order, from its service to its end. */
    PROTECTIVE_ORDER,
    /** A court's special requirements for the offender's behaviour, from their effective date to their end. */
    SPECIAL_REQUIREMENTS,
    /** A court's ban on approaching (criminal procedure). */
    APPROACH_BAN
}
