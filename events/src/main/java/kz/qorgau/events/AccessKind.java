package kz.qorgau.events;

/**
 * What kind of access to personal data an {@link AccessRecorded} reports. Adding a constant needs a
 * new event type version, because readers reject unknown values.
 */
public enum AccessKind {
    /** A member of staff read the victim's contact details of an order. Needs a purpose. */
    VICTIM_CONTACTS_READ,
    /** A member of staff checked whether a person is protected by or bound by active orders. */
    PERSON_CHECK,
    /** A member of staff was granted emergency ("break glass") access to another district. Needs a purpose and the grant. */
    BREAK_GLASS_GRANTED,
    /** An order's personal data were read under a break-glass grant. Needs a purpose and the grant. */
    BREAK_GLASS_READ;

    /** Whether this is emergency access, which always goes to a supervisor's review. */
    public boolean isBreakGlass() {
        return this == BREAK_GLASS_GRANTED || this == BREAK_GLASS_READ;
    }
}
