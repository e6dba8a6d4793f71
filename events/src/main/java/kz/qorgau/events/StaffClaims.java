package kz.qorgau.events;

/**
 * The claims of a member of staff's access token that every service relies on (docs/adr/0010), and the
 * limits beyond which a service refuses the token (401) rather than fail on it later (docs/adr/0015).
 * Shared here because the limits come from where the claims end up: order-service's columns and the
 * {@link AccessRecorded} events every service may meet.
 */
public final class StaffClaims {

    /** The pseudonymous user id: required, a non-blank string. */
    public static final String SUBJECT = "sub";

    /** The district of police staff: absent, or one string (never an array). */
    public static final String DISTRICT = "district";

    /** The roles: a top-level array of role names. */
    public static final String ROLES = "roles";

    /** order-service keeps the subject in {@code protective_order.issued_by varchar(64)}, its narrowest column. */
    public static final int MAX_SUBJECT_LENGTH = 64;

    /**
     * order-service keeps districts in {@code protective_order.district varchar(32)}, its narrowest column;
     * a token district longer than any order's district could never match one.
     */
    public static final int MAX_DISTRICT_LENGTH = 32;

    private StaffClaims() {}
}
