package kz.qorgau.events;

/**
 * What a court's special requirements forbid the offender (DV law art. 22, CAO art. 54). The wire form
 * is the constant name; adding a constant is a breaking change for readers, so it needs a new type
 * version.
 */
public enum Ban {
    /** Against the victim's will, seeking, pursuing, visiting or contacting the victim and the protected persons. */
    CONTACTING_VICTIM,
    /** Acquiring, keeping, carrying or using firearms and other weapons. */
    WEAPONS,
    /** Non-medical use of alcohol or other psychoactive substances. */
    PSYCHOACTIVE_SUBSTANCES,
    /** Living in the same dwelling as the victim (exceptional: the offender has another dwelling). */
    SHARED_DWELLING,
    /** For minors: visiting the places the court named (kept by order-service, never on the wire). */
    VISITING_PLACES
}
