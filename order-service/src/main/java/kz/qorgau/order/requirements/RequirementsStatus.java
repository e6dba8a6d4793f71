package kz.qorgau.order.requirements;

/**
 * Where special requirements are in their life: IMPOSED by a court, IN_FORCE from their effective day,
 * EXTENDED by a court while in force, EXPIRED at the end of their term. Nothing is deleted.
 */
public enum RequirementsStatus {
    /** Entered, their effective day not reached yet. */
    IMPOSED,
    /** In force from their effective day. */
    IN_FORCE,
    /** In force, and extended by a court at least once. */
    EXTENDED,
    /** Their term ended. */
    EXPIRED;

    public boolean inForce() {
        return this == IN_FORCE || this == EXTENDED;
    }
}
