package kz.qorgau.testsupport.identity;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The local issuer's demo personas, as identity-server's application.yml defines them (a test keeps the
 * two in step). LOCAL-ONLY DEMO CREDENTIALS, public in this repository.
 */
public enum Persona {
    OFFICER_A("officer-a", "demo-officer-a", "OFFICER", "ALM-BOSTANDYK"),
    OFFICER_B("officer-b", "demo-officer-b", "OFFICER", "AST-ESIL"),
    SUPERVISOR_A("supervisor-a", "demo-supervisor-a", "SUPERVISOR", "ALM-BOSTANDYK"),
    COURT_CLERK("court-clerk", "demo-court-clerk", "COURT", null),
    OPERATOR("operator", "demo-operator", "OPERATOR", null),
    AUDITOR("auditor", "demo-auditor", "AUDITOR", null),
    ANALYST("analyst", "demo-analyst", "ANALYST", null);

    private final String clientId;
    private final String subject;
    private final Set<String> roles;
    private final @Nullable String district;

    Persona(String clientId, String subject, String role, @Nullable String district) {
        this.clientId = clientId;
        this.subject = subject;
        this.roles = Set.of(role);
        this.district = district;
    }

    /** The client id at the token endpoint (client-credentials grant). */
    public String clientId() {
        return clientId;
    }

    /** The local-only demo secret: {@code <client-id>-local-only-secret}. */
    public String secret() {
        return clientId + "-local-only-secret";
    }

    /** The {@code sub} claim: a pseudonymous user id. */
    public String subject() {
        return subject;
    }

    /** The {@code roles} claim. */
    public Set<String> roles() {
        return roles;
    }

    /** The {@code district} claim, or null for roles that are not bound to a district. */
    public @Nullable String district() {
        return district;
    }
}
