package kz.qorgau.notification.contacts;

/** Where a victim's contact stands (docs/adr/0030); only a VERIFIED contact may be told anything but its code. */
public enum ContactState {
    /** The victim did not agree to be told on it: it gets nothing, not even a code. */
    NOT_OPTED_IN,
    /** Its one-time code was sent or is about to be; it gets nothing else. */
    UNVERIFIED,
    /** The right code was entered: notices may reach it. */
    VERIFIED,
    /** Too many wrong codes: no further attempt is accepted, it gets nothing. */
    LOCKED,
    /** It asked to be told nothing more (STOP, the page's button): it gets nothing, ever. */
    OPTED_OUT,
    /** An amendment of the order replaced the victim's contacts: it gets nothing and is deleted. */
    REPLACED
}
