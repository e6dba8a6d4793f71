package kz.qorgau.kit.security;

/** The roles as Spring Security authorities: constants, because {@code @Secured} needs them. */
public final class Authorities {

    public static final String PREFIX = "ROLE_";

    public static final String OFFICER = "ROLE_OFFICER";
    public static final String SUPERVISOR = "ROLE_SUPERVISOR";
    public static final String COURT = "ROLE_COURT";
    public static final String OPERATOR = "ROLE_OPERATOR";
    public static final String AUDITOR = "ROLE_AUDITOR";
    public static final String ANALYST = "ROLE_ANALYST";

    private Authorities() {}
}
