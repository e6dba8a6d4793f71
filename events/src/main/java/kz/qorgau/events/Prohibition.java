package kz.qorgau.events;

/**
 * What a protective order forbids the offender. These are the bans of Kazakhstan's protective order:
 * committing domestic violence and, against the victim's will, seeking, pursuing, visiting or
 * contacting the victim (including minor family members).
 *
 * <p>The wire form is the constant name. Adding a constant is a breaking change for readers (they
 * reject unknown values), so it needs a new event type version.
 */
public enum Prohibition {
    /** Committing domestic violence. */
    DOMESTIC_VIOLENCE,
    /** Seeking out the victim against their will. */
    SEEKING_VICTIM,
    /** Pursuing (stalking) the victim against their will. */
    PURSUING_VICTIM,
    /** Visiting the victim against their will. */
    VISITING_VICTIM,
    /** Talking, phoning or otherwise contacting the victim against their will. */
    CONTACTING_VICTIM
}
